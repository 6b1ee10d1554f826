/** @jsxImportSource preact */
import { useState } from 'preact/hooks';
import { formatMoney, safeUrl } from '../format.ts';
import type { ProductCard as ProductCardData } from '../types.ts';

/** A product the assistant found: picture, title, price, stock and a link to its page. */
export function ProductCard({ card }: { card: ProductCardData }) {
  const [imageFailed, setImageFailed] = useState(false);
  const href = safeUrl(card.url);
  const image = imageFailed ? null : safeUrl(card.imageUrl);
  const title = String(card.title ?? '');
  return (
    <div class="card product" data-testid="product-card">
      {image && (
        <img
          class="thumb"
          src={image}
          alt=""
          loading="lazy"
          referrerpolicy="no-referrer"
          onError={() => setImageFailed(true)}
        />
      )}
      <div class="card-body">
        <p class="card-title">{title}</p>
        <p class="card-meta">
          <span class="price">{formatMoney(card.priceCents, card.currency)}</span>
          <span class={card.inStock ? 'stock in' : 'stock out'}>
            {card.inStock ? 'In stock' : 'Out of stock'}
          </span>
        </p>
        {href && (
          <a class="card-link" href={href} target="_blank" rel="noopener noreferrer">
            View product<span class="sr-only">: {title} (opens in a new tab)</span>
          </a>
        )}
      </div>
    </div>
  );
}
