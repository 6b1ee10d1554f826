// The admin's keyboard shortcuts: one table for the key handling and the help dialog, and a registry
// where mounted components offer what an action means on the current page.
import { type RefObject, useEffect, useEffectEvent } from 'react';
import type { MessageKey } from '../i18n/messages-en.ts';

export type ShortcutAction =
  | 'nextRow'
  | 'previousRow'
  | 'resolve'
  | 'reply'
  | 'search'
  | 'goConversations'
  | 'goTickets'
  | 'help';

export type ShortcutGroup = 'anywhere' | 'lists' | 'item';

/** Where a group of shortcuts works, as the help dialog titles it. */
export const GROUP_KEYS = {
  anywhere: 'shortcuts.group.anywhere',
  lists: 'shortcuts.group.lists',
  item: 'shortcuts.group.item',
} as const satisfies Record<ShortcutGroup, MessageKey>;

export type Shortcut = {
  /** Keys pressed one after the other (`['g', 'c']`), as KeyboardEvent.key values. */
  keys: readonly string[];
  /** What the keys do, read with `t`. */
  description: MessageKey;
  group: ShortcutGroup;
  /** What the keys trigger; absent for keys the page handles itself (Enter on a row, Escape). */
  action?: ShortcutAction;
};

/** Every shortcut, in the order the help dialog lists them. */
export const SHORTCUTS: readonly Shortcut[] = [
  {
    keys: ['g', 'c'],
    description: 'shortcuts.goConversations',
    group: 'anywhere',
    action: 'goConversations',
  },
  { keys: ['g', 't'], description: 'shortcuts.goTickets', group: 'anywhere', action: 'goTickets' },
  { keys: ['/'], description: 'shortcuts.search', group: 'anywhere', action: 'search' },
  { keys: ['?'], description: 'shortcuts.help', group: 'anywhere', action: 'help' },
  { keys: ['Escape'], description: 'shortcuts.leaveField', group: 'anywhere' },
  { keys: ['j'], description: 'shortcuts.nextRow', group: 'lists', action: 'nextRow' },
  { keys: ['k'], description: 'shortcuts.previousRow', group: 'lists', action: 'previousRow' },
  { keys: ['Enter'], description: 'shortcuts.openRow', group: 'lists' },
  { keys: ['e'], description: 'shortcuts.resolve', group: 'item', action: 'resolve' },
  { keys: ['r'], description: 'shortcuts.reply', group: 'item', action: 'reply' },
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
