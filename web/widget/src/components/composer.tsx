/** @jsxImportSource preact */
import type { Ref } from 'preact';
import { MAX_MESSAGE_LENGTH } from '../chat/chat-controller.ts';
import { SendIcon } from './icons.tsx';

// The counter appears only when it matters.
const SHOW_COUNTER_FROM = MAX_MESSAGE_LENGTH - 200;

type Props = {
  draft: string;
  onDraft: (text: string) => void;
  onSend: () => void;
  inputRef: Ref<HTMLTextAreaElement>;
};

/** The message box: Enter sends, Shift+Enter starts a new line; a counter near the length limit. */
export function Composer({ draft, onDraft, onSend, inputRef }: Props) {
  const length = draft.length;
  const onKeyDown = (event: KeyboardEvent) => {
    // Enter while an input method is composing (Japanese, Chinese, …) confirms the composition instead.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    onSend();
  };
  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        onSend();
      }}
    >
      <label class="sr-only" for="sfy-message">
        Message
      </label>
      <textarea
        id="sfy-message"
        ref={inputRef}
        class="composer-input"
        rows={1}
        placeholder="Write a message…"
        maxLength={MAX_MESSAGE_LENGTH}
        value={draft}
        aria-describedby={length >= SHOW_COUNTER_FROM ? 'sfy-counter' : undefined}
        onInput={(event) => onDraft(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {length >= SHOW_COUNTER_FROM && (
        <span id="sfy-counter" class={length >= MAX_MESSAGE_LENGTH ? 'counter full' : 'counter'}>
          {length} / {MAX_MESSAGE_LENGTH}
        </span>
      )}
      <button type="submit" class="send" disabled={!draft.trim()}>
        <SendIcon />
        <span>Send</span>
      </button>
    </form>
  );
}
