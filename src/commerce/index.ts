import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { createDemoStore } from './demo-store.ts';
import { createShopifyStore } from './shopify-store.ts';
import type { CommerceSource } from './types.ts';

export type { CommerceSource, OrderSummary, PolicySummary, ProductSummary } from './types.ts';

/** What `shop.settings.shopify` holds once a shop is connected to Shopify. */
const ZShopifyConnection = z.object({
  shopDomain: z.string().min(1),
  accessToken: z.string().min(1),
  apiVersion: z.string().optional(),
  /** Replaces `https://<shopDomain>`; for tests against a local server. */
  apiBaseUrl: z.string().optional(),
});

/** Where a shop's store data comes from: its Shopify store once connected, otherwise the demo store. */
export function commerceFor(db: Db, shop: { id: string; settings: Record<string, unknown> }): CommerceSource {
  const connection = ZShopifyConnection.safeParse(shop.settings?.shopify);
  if (!connection.success) return createDemoStore(db, shop.id);
  const { shopDomain, accessToken, apiVersion, apiBaseUrl } = connection.data;
  return createShopifyStore({ shopDomain, accessToken, apiVersion, baseUrl: apiBaseUrl });
}
