/** The demo store's orders (#1001…#1050), generated deterministically from the catalog and customers. */
import { DEMO_PRODUCTS, type DemoProduct, productByHandle } from './demo-catalog.ts';
import { type Country, customerByEmail, DEMO_CUSTOMERS, type DemoCustomer } from './demo-customers.ts';
import { DAY, HOUR, Rng } from './random.ts';

export type FinancialStatus = 'paid' | 'pending' | 'refunded';
export type FulfillmentStatus = 'fulfilled' | 'unfulfilled' | 'partial';

export type DemoOrder = {
  name: string;
  customer: DemoCustomer;
  financialStatus: FinancialStatus;
  fulfillmentStatus: FulfillmentStatus;
  lineItems: Array<{ title: string; quantity: number; priceCents: number }>;
  shippingCents: number;
  totalCents: number;
  trackingNumber: string | null;
  trackingUrl: string | null;
  /** How long before `now` the order was placed. */
  ageMs: number;
};

export const ORDER_COUNT = 50;
const FIRST_ORDER_NUMBER = 1001;
const NORDICS: Country[] = ['NO', 'SE', 'DK', 'FI'];

/** Orders pinned for the demo facts: a fulfilled order for Ingrid, among others. */
const PINNED: Record<string, { email: string; items: string[]; refunded?: boolean; partial?: boolean }> = {
  '#1004': { email: 'ingrid.johansen@example.com', items: ['hardanger-wool-sweater', 'nordkapp-beanie'] },
  '#1009': { email: 'emily.carter@example.com', items: ['trolltunga-hardshell-jacket'] },
  '#1015': { email: 'lars.hansen@example.com', items: ['finnmark-thermal-boots'], refunded: true },
  '#1021': {
    email: 'sarah.mitchell@example.com',
    items: ['fjord-merino-base-layer-crew', 'setesdal-cardigan'],
    partial: true,
  },
};

function tracking(rng: Rng, country: Country): { trackingNumber: string; trackingUrl: string } {
  if (country === 'NO') {
    const n = `70730${rng.token(12, '0123456789')}`;
    return { trackingNumber: n, trackingUrl: `https://sporing.posten.no/sporing/${n}` };
  }
  if (NORDICS.includes(country)) {
    const n = `UA${rng.token(9, '0123456789')}${country}`;
    return {
      trackingNumber: n,
      trackingUrl: `https://www.postnord.se/en/our-tools/track-and-trace?shipmentId=${n}`,
    };
  }
  const n = `1Z${rng.token(6, 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789')}68${rng.token(8, '0123456789')}`;
  return { trackingNumber: n, trackingUrl: `https://www.ups.com/track?tracknum=${n}` };
}

function lineItems(rng: Rng, products: DemoProduct[]) {
  return products.map((p) => ({
    title: p.title,
    quantity: p.tags.includes('socks') || p.tags.includes('beanie') ? rng.int(1, 2) : 1,
    priceCents: p.priceCents,
  }));
}

/** Picks 1–3 distinct products, in-stock ones more often. */
function pickProducts(rng: Rng): DemoProduct[] {
  const count = rng.weighted({ one: 5, two: 3, three: 1 });
  const n = count === 'one' ? 1 : count === 'two' ? 2 : 3;
  const chosen: DemoProduct[] = [];
  while (chosen.length < n) {
    const p = rng.pick(DEMO_PRODUCTS);
    if (chosen.includes(p)) continue;
    if (p.inventory === 0 && rng.chance(0.6)) continue;
    chosen.push(p);
  }
  return chosen;
}

function statuses(
  rng: Rng,
  ageDays: number,
  index: number,
): { financial: FinancialStatus; fulfillment: FulfillmentStatus } {
  // The newest orders are still being packed; every other one waits for Klarna to confirm the payment.
  if (ageDays < 4) return { financial: index % 2 === 0 ? 'pending' : 'paid', fulfillment: 'unfulfilled' };
  if (ageDays < 6) {
    const fulfillment = rng.weighted({ unfulfilled: 4, fulfilled: 4, partial: 2 });
    return { financial: 'paid', fulfillment };
  }
  const kind = rng.weighted({ fulfilled: 17, partial: ageDays < 30 ? 1 : 0, refunded: 2 });
  if (kind === 'refunded')
    return { financial: 'refunded', fulfillment: rng.chance(0.7) ? 'fulfilled' : 'unfulfilled' };
  return { financial: 'paid', fulfillment: kind };
}

/** Builds the 50 demo orders, oldest (#1001, ~90 days ago) to newest (#1050, about a day ago). */
export function buildDemoOrders(seed = 1001): DemoOrder[] {
  const rng = new Rng(seed);
  const orders: DemoOrder[] = [];
  // Most buyers order once, some twice (Ingrid's order is pinned).
  const buyers = rng.shuffle(DEMO_CUSTOMERS.slice(1)).slice(0, 40);
  for (let i = 0; i < ORDER_COUNT; i++) {
    const name = `#${FIRST_ORDER_NUMBER + i}`;
    const ageDays = 0.4 + (ORDER_COUNT - 1 - i) * 1.8 + rng.next() * 1.2;
    const pinned = PINNED[name];
    const customer = pinned ? customerByEmail(pinned.email) : buyers[i % buyers.length];
    const products = pinned ? pinned.items.map(productByHandle) : pickProducts(rng);
    let { financial, fulfillment } = statuses(rng, ageDays, i);
    if (pinned) {
      financial = pinned.refunded ? 'refunded' : 'paid';
      fulfillment = pinned.partial ? 'partial' : 'fulfilled';
    }
    const items = lineItems(rng, products);
    const subtotal = items.reduce((sum, li) => sum + li.quantity * li.priceCents, 0);
    const shippingCents = subtotal >= 7500 ? 0 : NORDICS.includes(customer.country) ? 795 : 1295;
    const shipped = fulfillment !== 'unfulfilled';
    const track = shipped ? tracking(rng, customer.country) : null;
    orders.push({
      name,
      customer,
      financialStatus: financial,
      fulfillmentStatus: fulfillment,
      lineItems: items,
      shippingCents,
      totalCents: subtotal + shippingCents,
      trackingNumber: track?.trackingNumber ?? null,
      trackingUrl: track?.trackingUrl ?? null,
      ageMs: Math.round(ageDays * DAY + rng.next() * HOUR),
    });
  }
  return orders;
}

export function formatUsd(cents: number): string {
  return `$${(cents / 100).toFixed(2)}`;
}

/** What `lookupOrder` answers for an order (the customer-safe summary). */
export function orderSummary(order: DemoOrder, now: Date) {
  return {
    found: true,
    orderNumber: order.name,
    customerName: order.customer.name,
    createdAt: new Date(now.getTime() - order.ageMs).toISOString(),
    financialStatus: order.financialStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    lineItems: order.lineItems,
    totalCents: order.totalCents,
    currency: 'USD',
    trackingNumber: order.trackingNumber,
    trackingUrl: order.trackingUrl,
  };
}
