import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { storeOrders, storePolicies } from '../db/schema/index.ts';
import { searchDemoProducts } from './demo-product-search.ts';
import { clampLimit } from './limit.ts';
import { normalizeOrderName } from './order-name.ts';
import { rankPolicies } from './policy-search.ts';
import type { CommerceSource, OrderSummary } from './types.ts';

/** The demo store of one shop, read from the store_* tables; every query is scoped by shopId. */
export function createDemoStore(db: Db, shopId: string): CommerceSource {
  return {
    async findOrderByName(input) {
      const name = normalizeOrderName(input);
      if (!name) return null;
      const [order] = await db
        .select()
        .from(storeOrders)
        .where(and(eq(storeOrders.shopId, shopId), eq(storeOrders.name, name)))
        .limit(1);
      if (!order) return null;
      return {
        name: order.name,
        email: order.email,
        customerName: order.customerName,
        createdAt: order.createdAt.toISOString(),
        financialStatus: order.financialStatus,
        fulfillmentStatus: order.fulfillmentStatus,
        totalCents: order.totalCents,
        currency: order.currency,
        lineItems: order.lineItems.map((li) => ({
          title: li.title,
          quantity: li.quantity,
          priceCents: li.priceCents,
        })),
        trackingNumber: order.trackingNumber,
        trackingUrl: order.trackingUrl,
      } satisfies OrderSummary;
    },

    searchProducts(query, limit) {
      return searchDemoProducts(db, shopId, query, clampLimit(limit));
    },

    async searchPolicies(query, limit) {
      // A shop has a handful of policies: rank them here, the same way as a Shopify shop's.
      const rows = await db
        .select({ kind: storePolicies.kind, title: storePolicies.title, body: storePolicies.body })
        .from(storePolicies)
        .where(eq(storePolicies.shopId, shopId))
        .orderBy(asc(storePolicies.createdAt), asc(storePolicies.kind));
      return rankPolicies(rows, query, clampLimit(limit));
    },
  };
}
