/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import type { ChatState } from '../chat/chat-state.ts';
import type { RatingValue } from '../types.ts';

type Props = {
  rating: ChatState['rating'];
  sending: boolean;
  failed: boolean;
  onRate: (rating: RatingValue, comment: string) => void;
};

/** Asks how the resolved conversation went: Good or Bad, an optional comment, Send. */
export function RatingPrompt({ rating, sending, failed, onRate }: Props) {
  const [choice, setChoice] = useState<RatingValue | null>(null);
  const [comment, setComment] = useState('');
  if (rating) {
    return (
      <p class="rating-done" role="status" data-testid="rating-thanks">
        Thanks for your feedback!
      </p>
    );
  }
  const submit = (event: Event) => {
    event.preventDefault();
    if (choice) onRate(choice, comment);
  };
  return (
    <form class="rating" aria-labelledby="sfy-rating-title" onSubmit={submit} data-testid="rating-prompt">
      <p id="sfy-rating-title" class="rating-title">
        How did we do?
      </p>
      <div class="rating-choices">
        <button
          type="button"
          class="choice"
          aria-pressed={choice === 'good'}
          onClick={() => setChoice('good')}
        >
          <span aria-hidden="true">👍</span> Good
        </button>
        <button type="button" class="choice" aria-pressed={choice === 'bad'} onClick={() => setChoice('bad')}>
          <span aria-hidden="true">👎</span> Bad
        </button>
      </div>
      {choice && (
        <>
          <label class="field-label" for="sfy-rating-comment">
            Comment (optional)
          </label>
          <textarea
            id="sfy-rating-comment"
            class="field"
            rows={2}
            maxLength={2000}
            value={comment}
            onInput={(e) => setComment(e.currentTarget.value)}
          />
          {failed && (
            <p class="error" role="alert">
              Your rating could not be sent. Please try again.
            </p>
          )}
          <button type="submit" class="primary" aria-label="Send rating" disabled={sending}>
            Send
          </button>
        </>
      )}
    </form>
  );
}
