/** @jsxImportSource preact */
import type { Role, WidgetMessage } from '../types.ts';
import { MessageText } from './message-text.tsx';
import { OrderCard } from './order-card.tsx';
import { ProductCard } from './product-card.tsx';

/** Who said it, as the customer should read it. */
export function senderName(role: Role, shopName: string): string {
  if (role === 'customer') return 'You';
  if (role === 'staff') return `${shopName} team`;
  return 'Assistant';
}

type Props = {
  message: Pick<WidgetMessage, 'role' | 'text' | 'cards'>;
  shopName: string;
  /** Say who is speaking on screen (the first of a run of messages from the same sender). */
  showSender?: boolean;
  streaming?: boolean;
};

/** One message: the customer's on the right, the assistant's and the shop team's on the left. */
export function MessageBubble({ message, shopName, showSender = true, streaming = false }: Props) {
  const { role } = message;
  const products = message.cards.length > 1 && message.cards.every((c) => c.type === 'product');
  return (
    <div
      class={`msg ${role}`}
      data-testid="widget-message"
      data-role={role}
      aria-busy={streaming || undefined}
    >
      {/* Screen readers always hear who spoke; on screen a run of messages is labelled once. */}
      <p class={role === 'customer' || !showSender ? 'sender sr-only' : 'sender'}>
        {senderName(role, shopName)}
      </p>
      {message.text && (
        <div class="bubble">
          <MessageText text={message.text} />
        </div>
      )}
      {message.cards.length > 0 && (
        <div class={products ? 'cards products' : 'cards'}>
          {message.cards.map((card, i) =>
            // biome-ignore lint/suspicious/noArrayIndexKey: a stored message's cards never change or reorder
            card.type === 'product' ? <ProductCard key={i} card={card} /> : <OrderCard key={i} card={card} />,
          )}
        </div>
      )}
    </div>
  );
}
