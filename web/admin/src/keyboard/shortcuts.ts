// The admin's keyboard shortcuts: one table for the key handling and the help dialog, and a registry
// where mounted components offer what an action means on the current page.
import { type RefObject, useEffect, useEffectEvent } from 'react';

export type ShortcutAction =
  | 'nextRow'
  | 'previousRow'
  | 'resolve'
  | 'reply'
  | 'search'
  | 'goConversations'
  | 'goTickets'
  | 'help';

export type Shortcut = {
  /** Keys pressed one after the other (`['g', 'c']`), as KeyboardEvent.key values. */
  keys: readonly string[];
  description: string;
  group: 'Anywhere' | 'Lists' | 'A conversation or ticket';
  /** What the keys trigger; absent for keys the page handles itself (Enter on a row, Escape). */
  action?: ShortcutAction;
};

/** Every shortcut, in the order the help dialog lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['g', 'c'], description: 'Go to Conversations', group: 'Anywhere', action: 'goConversations' },
  { keys: ['g', 't'], description: 'Go to Tickets', group: 'Anywhere', action: 'goTickets' },
  { keys: ['/'], description: 'Search the list', group: 'Anywhere', action: 'search' },
  { keys: ['?'], description: 'Show keyboard shortcuts', group: 'Anywhere', action: 'help' },
  { keys: ['Escape'], description: 'Leave the text field you are typing in', group: 'Anywhere' },
  { keys: ['j'], description: 'Next row', group: 'Lists', action: 'nextRow' },
  { keys: ['k'], description: 'Previous row', group: 'Lists', action: 'previousRow' },
  { keys: ['Enter'], description: 'Open the focused row', group: 'Lists' },
  {
    keys: ['e'],
    description: 'Resolve the conversation (in the list: the focused one), or the ticket when it may be',
    group: 'A conversation or ticket',
    action: 'resolve',
  },
  {
    keys: ['r'],
    description: 'Write a reply: the ticket reply box or the AI draft',
    group: 'A conversation or ticket',
    action: 'reply',
  },
];

/** Returns false when the action means nothing here after all (the key then does what it usually does). */
type Handler = () => unknown;

// A stack per action: the most recently mounted component answers (a page's own over the layout's).
const handlers = new Map<ShortcutAction, Handler[]>();

/** Runs the action's current handler; returns whether something handled it. */
export function runShortcut(action: ShortcutAction): boolean {
  const stack = handlers.get(action);
  const handler = stack?.[stack.length - 1];
  return handler ? handler() !== false : false;
}

/** While the calling component is mounted, `action` runs `handler` (always its latest version). */
export function useShortcut(action: ShortcutAction, handler: Handler): void {
  const run = useEffectEvent(handler);
  useEffect(() => {
    const entry: Handler = () => run();
    const stack = handlers.get(action) ?? [];
    handlers.set(action, [...stack, entry]);
    return () => {
      handlers.set(
        action,
        (handlers.get(action) ?? []).filter((h) => h !== entry),
      );
    };
  }, [action]);
}

/** `action` moves the focus to the field (selecting its text with `select`); nothing while it is not shown. */
export function useFocusShortcut(
  action: ShortcutAction,
  field: RefObject<HTMLInputElement | HTMLTextAreaElement | null>,
  { select = false } = {},
): void {
  useShortcut(action, () => {
    if (!field.current) return false;
    field.current.focus();
    if (select) field.current.select();
  });
}
