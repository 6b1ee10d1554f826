import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { decryptSecret, tokenContext } from '../shopify/token-crypto.ts';
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

/** What reading a Shopify-installed shop's store needs: the key its token is encrypted with, a test base URL. */
export type ShopifyAccess = { encryptionKey: Buffer | null; apiBaseUrl?: string };

/** A shop's Shopify app install as the reply worker's claim reads it (null: never installed). */
export type ShopifyInstall = { status: string; token: string | null; domain: string | null } | null;

/**
 * The commerce source for a reply. A shop installed through the Shopify app reads its store with the
 * stored (decrypted) offline token; a shop whose app was uninstalled gets null (its AI stops answering, see
 * run-agent). Shops without an install keep the settings/env connection or the demo store.
 */
export function commerceForShop(
  db: Db,
  shop: { id: string; settings: Record<string, unknown>; shopify?: ShopifyInstall },
  access: ShopifyAccess = { encryptionKey: null },
): CommerceSource | null {
  const install = shop.shopify;
  if (!install) return commerceFor(db, shop);
  if (install.status !== 'installed' || !install.token || !install.domain) return null;
  if (!access.encryptionKey) {
    throw new Error('SUPPORTIFY_ENCRYPTION_KEY is not set: the Shopify access token cannot be decrypted');
  }
  return createShopifyStore({
    shopDomain: install.domain,
    accessToken: decryptSecret(access.encryptionKey, install.token, tokenContext(shop.id)),
    baseUrl: access.apiBaseUrl,
  });
}
