import { runShortcut, SHORTCUTS, type ShortcutAction } from './shortcuts.ts';

/** How long the second key of a sequence (`g` then `c`) may wait. */
const SEQUENCE_MS = 1500;

const ACTION_BY_KEYS = new Map<string, ShortcutAction>(
  SHORTCUTS.flatMap((s) => (s.action ? [[s.keys.join(' '), s.action] as const] : [])),
);
const SEQUENCE_STARTS = new Set(SHORTCUTS.filter((s) => s.keys.length > 1).map((s) => s.keys[0]));

// Inputs that take no typed text: a shortcut pressed on a checkbox (a row's selection) still works.
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/** Whether keys pressed on this element are typing: text inputs, textareas, selects, contenteditable. */
export function isTextEntry(element: Element | null): element is HTMLElement {
  if (!(element instanceof HTMLElement)) return false;
  if (element.isContentEditable) return true;
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  return element instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(element.type);
}

/**
 * Turns key presses on the document into shortcut actions; returns the function that stops it. Never
 * while typing (there Escape leaves the field), with Ctrl, Alt or Meta held, inside a dialog or an open
 * menu, or when a component already handled the key.
 */
export function listenForShortcuts(doc: Document): () => void {
  let started: { key: string; at: number } | null = null;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing) return;
    const target = event.target instanceof Element ? event.target : null;
    if (isTextEntry(target)) {
      // An expanded field (a combobox) closes its own list on Escape first.
      if (event.key === 'Escape' && target.getAttribute('aria-expanded') !== 'true') target.blur();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) {
      started = null;
      return;
    }
    if (event.key === 'Shift') return;
    if (doc.querySelector('[aria-modal="true"]') || target?.closest('[role="menu"], [role="listbox"]'))
      return;

    const first = started && event.timeStamp - started.at < SEQUENCE_MS ? started.key : null;
    started = null;
    const sequence = first ? ACTION_BY_KEYS.get(`${first} ${event.key}`) : undefined;
    if (!sequence && SEQUENCE_STARTS.has(event.key)) {
      started = { key: event.key, at: event.timeStamp };
      return;
    }
    // A key that completes no sequence (`g` then `j`) still counts on its own.
    const action = sequence ?? ACTION_BY_KEYS.get(event.key);
    if (action && runShortcut(action)) event.preventDefault();
  };

  doc.addEventListener('keydown', onKeyDown);
  return () => doc.removeEventListener('keydown', onKeyDown);
}
