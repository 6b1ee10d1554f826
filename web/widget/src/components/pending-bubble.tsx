/** @jsxImportSource preact */
import type { OutboxItem } from '../types.ts';
import { MessageText } from './message-text.tsx';

const STATE_TEXT: Record<OutboxItem['state'], string> = {
  sending: 'Sending…',
  retrying: 'Not sent — retrying',
  failed: 'Not sent',
};

/** A message the server has not acknowledged yet, with what is happening to it. */
export function PendingBubble({ item, onEdit }: { item: OutboxItem; onEdit: (id: string) => void }) {
  return (
    <div
      class={`msg customer pending ${item.state}`}
      data-testid="widget-message"
      data-role="customer"
      data-state={item.state}
    >
      <p class="sender sr-only">You</p>
      <div class="bubble">
        <MessageText text={item.text} />
      </div>
      <p class="delivery">
        {STATE_TEXT[item.state]}
        {item.state === 'failed' && (
          <button type="button" class="link-button" onClick={() => onEdit(item.clientMessageId)}>
            Edit
          </button>
        )}
      </p>
    </div>
  );
}
