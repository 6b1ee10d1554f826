import { type RefObject, useRef } from 'react';
import { useShortcut } from './shortcuts.ts';

/** Moves focus one row down (1) or up (-1) among the table's focusable body rows; the first row when none has it. */
export function moveRowFocus(table: HTMLTableElement | null, step: 1 | -1): boolean {
  if (!table) return false;
  const rows = [...table.tBodies].flatMap((body) => [...body.rows]).filter((row) => row.tabIndex >= 0);
  if (rows.length === 0) return false;
  const current = rows.findIndex((row) => row.contains(document.activeElement));
  const next = current === -1 ? 0 : Math.min(Math.max(current + step, 0), rows.length - 1);
  rows[next].focus({ preventScroll: true });
  rows[next].scrollIntoView({ block: 'nearest' });
  return true;
}

/** `j` and `k` move the focus through the table's rows (roving focus; Enter then opens the row). */
export function useRowShortcuts(): RefObject<HTMLTableElement | null> {
  const table = useRef<HTMLTableElement>(null);
  useShortcut('nextRow', () => moveRowFocus(table.current, 1));
  useShortcut('previousRow', () => moveRowFocus(table.current, -1));
  return table;
}
