import type { KeyboardEvent, MouseEvent } from 'react';

/**
 * Click and Enter handlers for a table row that opens something. A click on a link inside the row is
 * left to the link (it honours Ctrl/Cmd-click); Enter only counts on the focused row itself.
 */
export function rowOpenHandlers(open: () => void) {
  return {
    onClick: (event: MouseEvent<HTMLTableRowElement>) => {
      if ((event.target as Element).closest('a')) return;
      open();
    },
    onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>) => {
      if (event.key !== 'Enter' || event.target !== event.currentTarget) return;
      event.preventDefault();
      open();
    },
  };
}
