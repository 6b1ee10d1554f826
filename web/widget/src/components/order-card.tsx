/** @jsxImportSource preact */
import { formatMoney, humanizeStatus, safeUrl } from '../format.ts';
import type { OrderCard as OrderCardData } from '../types.ts';

/** An order the assistant looked up: payment and fulfilment status, items, total and tracking. */
export function OrderCard({ card }: { card: OrderCardData }) {
  const tracking = safeUrl(card.trackingUrl);
  const items = Array.isArray(card.lineItems) ? card.lineItems : [];
  return (
    <div class="card order" data-testid="order-card">
      <div class="card-body">
        <p class="card-title">Order {String(card.name ?? '')}</p>
        <dl class="order-facts">
          <dt>Payment</dt>
          <dd>{humanizeStatus(card.financialStatus, 'Pending')}</dd>
          <dt>Delivery</dt>
          <dd>{humanizeStatus(card.fulfillmentStatus, 'Unfulfilled')}</dd>
          <dt>Total</dt>
          <dd>{formatMoney(card.totalCents, card.currency)}</dd>
        </dl>
        {items.length > 0 && (
          <ul class="line-items">
            {items.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: an order's line items never change or reorder
              <li key={i}>
                {Number(item.quantity) || 1} × {String(item.title ?? '')}
              </li>
            ))}
          </ul>
        )}
        {card.trackingNumber && (
          <p class="card-meta">
            Tracking:{' '}
            {tracking ? (
              <a href={tracking} target="_blank" rel="noopener noreferrer">
                {String(card.trackingNumber)}
              </a>
            ) : (
              String(card.trackingNumber)
            )}
          </p>
        )}
      </div>
    </div>
  );
}
