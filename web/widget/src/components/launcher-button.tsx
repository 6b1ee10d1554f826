/** @jsxImportSource preact */
import type { Ref } from 'preact';
import { ChatIcon, ChevronDownIcon } from './icons.tsx';

type Props = {
  open: boolean;
  unread: number;
  panelId: string;
  onToggle: () => void;
  onEscape: () => void;
  buttonRef: Ref<HTMLButtonElement>;
};

/** The round button in the corner that opens (and closes) the chat panel. */
export function LauncherButton({ open, unread, panelId, onToggle, onEscape, buttonRef }: Props) {
  return (
    <button
      ref={buttonRef}
      type="button"
      class="launcher"
      aria-label="Open chat"
      aria-expanded={open}
      aria-controls={open ? panelId : undefined}
      onClick={onToggle}
      onKeyDown={(event) => event.key === 'Escape' && onEscape()}
    >
      {open ? <ChevronDownIcon /> : <ChatIcon />}
      {!open && unread > 0 && (
        <span class="badge">
          {unread > 9 ? '9+' : unread}
          <span class="sr-only"> new {unread === 1 ? 'reply' : 'replies'}</span>
        </span>
      )}
    </button>
  );
}
