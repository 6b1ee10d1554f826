import type { MessagePart } from '../../db/schema/index.ts';
import type { StoredMessage } from '../../realtime/bus.ts';

type Json = Record<string, unknown>;

export type WidgetCard =
  | {
      type: 'product';
      title: string;
      priceCents: number;
      currency: string;
      inStock: boolean;
      url: string;
      imageUrl: string | null;
    }
  | {
      type: 'order';
      name: string;
      financialStatus: string;
      fulfillmentStatus: string;
      totalCents: number;
      currency: string;
      trackingNumber: string | null;
      trackingUrl: string | null;
      lineItems: Array<{ title: string; quantity: number }>;
    };

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const strOrNull = (v: unknown) => (typeof v === 'string' ? v : null);

/** Product and order cards derived from tool results; the raw tool parts never reach the widget. */
export function toCards(parts: MessagePart[]): WidgetCard[] {
  const cards: WidgetCard[] = [];
  for (const part of parts) {
    if (part.type !== 'tool-result' || !part.output || typeof part.output !== 'object') continue;
    const output = part.output as Json;
    if (part.toolName === 'searchProducts' && Array.isArray(output.products)) {
      for (const p of output.products as Json[]) {
        cards.push({
          type: 'product',
          title: str(p.title),
          priceCents: num(p.priceCents),
          currency: str(p.currency) || 'USD',
          inStock: p.inStock === true,
          url: str(p.url),
          imageUrl: strOrNull(p.imageUrl),
        });
      }
    }
    if (part.toolName === 'lookupOrder' && output.found === true && output.order) {
      const o = output.order as Json;
      cards.push({
        type: 'order',
        name: str(o.name),
        financialStatus: str(o.financialStatus),
        fulfillmentStatus: str(o.fulfillmentStatus),
        totalCents: num(o.totalCents),
        currency: str(o.currency) || 'USD',
        trackingNumber: strOrNull(o.trackingNumber),
        trackingUrl: strOrNull(o.trackingUrl),
        lineItems: Array.isArray(o.lineItems)
          ? (o.lineItems as Json[]).map((l) => ({ title: str(l.title), quantity: num(l.quantity) }))
          : [],
      });
    }
  }
  return cards;
}

/** A message as the customer sees it: text and cards, never tool calls or system notes. */
export function toWidgetMessage(m: StoredMessage) {
  const text = m.parts
    .filter((p) => p.type === 'text')
    .map((p) => p.text)
    .join('\n');
  return {
    id: m.id,
    seq: m.seq,
    role: m.role as 'customer' | 'ai' | 'staff',
    text,
    cards: toCards(m.parts),
    createdAt: m.createdAt.toISOString(),
  };
}

/** The message as the customer sees it, or null for what they never see (system notes, tool-only steps). */
export function toVisibleWidgetMessage(m: StoredMessage) {
  if (m.role === 'system') return null;
  const shown = toWidgetMessage(m);
  return shown.text || shown.cards.length ? shown : null;
}
