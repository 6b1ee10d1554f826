/** @jsxImportSource preact */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { type ChatState, pendingBubbles } from '../chat/chat-state.ts';
import { MessageBubble } from './message-bubble.tsx';
import { PendingBubble } from './pending-bubble.tsx';
import { TypingIndicator } from './typing-indicator.tsx';

type Props = { state: ChatState; onEditFailed: (clientMessageId: string) => void };

/** The conversation: the shop's greeting, stored messages, unsent ones, the reply being written. */
export function MessageList({ state, onEditFailed }: Props) {
  const listRef = useRef<HTMLDivElement>(null);
  const stickToBottom = useRef(true);
  const { config, messages, streaming } = state;
  const pending = pendingBubbles(state.outbox, messages);

  // Follow new content unless the customer scrolled up to read something.
  useLayoutEffect(() => {
    const list = listRef.current;
    if (list && stickToBottom.current) list.scrollTop = list.scrollHeight;
  });

  const onScroll = () => {
    const list = listRef.current;
    if (list) stickToBottom.current = list.scrollHeight - list.scrollTop - list.clientHeight < 48;
  };

  return (
    <div class="messages" ref={listRef} onScroll={onScroll}>
      <div class="msg ai greeting">
        <div class="bubble">
          <p class="text">{config.greeting}</p>
        </div>
      </div>
      <div role="log" aria-live="polite" aria-label="Messages" class="log">
        {messages.map((message, i) => (
          <MessageBubble
            key={message.id}
            message={message}
            shopName={config.shopName}
            showSender={messages[i - 1]?.role !== message.role}
          />
        ))}
        {pending.map((item) => (
          <PendingBubble key={item.clientMessageId} item={item} onEdit={onEditFailed} />
        ))}
        {streaming?.text && (
          <MessageBubble
            message={{ role: 'ai', text: streaming.text, cards: [] }}
            shopName={config.shopName}
            showSender={messages.at(-1)?.role !== 'ai'}
            streaming
          />
        )}
      </div>
      {state.awaitingReply && !streaming?.text && <TypingIndicator />}
    </div>
  );
}
