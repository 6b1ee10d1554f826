/** @jsxImportSource preact */

/** Three bouncing dots while the answer is being written. */
export function TypingIndicator() {
  return (
    <div class="msg ai typing" data-testid="typing-indicator">
      <div class="bubble">
        <span class="sr-only">Assistant is typing</span>
        <span class="dot" aria-hidden="true" />
        <span class="dot" aria-hidden="true" />
        <span class="dot" aria-hidden="true" />
      </div>
    </div>
  );
}
