import { normalizeOrderName } from './order-name.ts';
import type { GraphqlRequest } from './shopify-graphql.ts';
import { amountToCents, type ShopifyMoney } from './shopify-money.ts';
import type { OrderSummary } from './types.ts';

// A few candidates, because Shopify's search may match more than the exact name; we keep only the exact one.
const ORDER_QUERY = `query SupportifyOrderByName($query: String!) {
  orders(first: 5, query: $query) {
    nodes {
      name
      email
      createdAt
      displayFinancialStatus
      displayFulfillmentStatus
      customer { displayName }
      totalPriceSet { shopMoney { amount currencyCode } }
      lineItems(first: 50) {
        nodes { title quantity originalUnitPriceSet { shopMoney { amount currencyCode } } }
      }
      fulfillments(first: 10) { trackingInfo(first: 5) { number url } }
    }
  }
}`;

type OrderNode = {
  name: string;
  email: string | null;
  createdAt: string;
  displayFinancialStatus: string | null;
  displayFulfillmentStatus: string | null;
  customer: { displayName: string | null } | null;
  totalPriceSet: { shopMoney: ShopifyMoney };
  lineItems: {
    nodes: Array<{ title: string; quantity: number; originalUnitPriceSet: { shopMoney: ShopifyMoney } }>;
  };
  fulfillments: Array<{ trackingInfo: Array<{ number: string | null; url: string | null }> }> | null;
};

/** The search string for one order name; quoted, and only ever "#" plus digits (normalizeOrderName). */
export const orderSearch = (name: string) => `name:"${name}"`;

/** Shopify's status enums in the demo store's words: "PAID" → "paid", "PARTIALLY_FULFILLED" → "partial". */
export function statusWord(status: string | null): string {
  if (!status) return 'unknown';
  if (status === 'PARTIALLY_FULFILLED') return 'partial';
  return status.toLowerCase();
}

/** The most recent tracking number (and its link) across the order's fulfillments. */
function latestTracking(order: OrderNode): { number: string | null; url: string | null } {
  const infos = (order.fulfillments ?? [])
    .flatMap((f) => f.trackingInfo ?? [])
    .filter((t) => t.number || t.url);
  const last = infos.at(-1);
  return { number: last?.number ?? null, url: last?.url ?? null };
}

/** An Admin API order as an OrderSummary. */
export function toOrderSummary(order: OrderNode): OrderSummary {
  const tracking = latestTracking(order);
  return {
    name: order.name,
    email: order.email ?? '',
    customerName: order.customer?.displayName ?? '',
    createdAt: new Date(order.createdAt).toISOString(),
    financialStatus: statusWord(order.displayFinancialStatus),
    fulfillmentStatus: statusWord(order.displayFulfillmentStatus),
    totalCents: amountToCents(order.totalPriceSet.shopMoney.amount),
    currency: order.totalPriceSet.shopMoney.currencyCode,
    lineItems: order.lineItems.nodes.map((li) => ({
      title: li.title,
      quantity: li.quantity,
      priceCents: amountToCents(li.originalUnitPriceSet.shopMoney.amount),
    })),
    trackingNumber: tracking.number,
    trackingUrl: tracking.url,
  };
}

/** The shop's order with exactly this name ("#1004", "1004"), or null; other input never reaches Shopify. */
export async function findShopifyOrder(request: GraphqlRequest, input: string): Promise<OrderSummary | null> {
  const name = normalizeOrderName(input);
  if (!name) return null;
  const data = await request<{ orders: { nodes: OrderNode[] } }>(ORDER_QUERY, { query: orderSearch(name) });
  const order = data.orders.nodes.find((o) => o.name === name);
  return order ? toOrderSummary(order) : null;
}
