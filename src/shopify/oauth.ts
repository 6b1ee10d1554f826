import { eq, lt, sql } from 'drizzle-orm';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { Db } from '../db/client.ts';
import { shopifyOauthStates } from '../db/schema/index.ts';
import { AppError } from '../http/errors.ts';
import type { ShopifyApp } from './shopify-app.ts';

/** How long a merchant has between `GET /shopify/auth` and Shopify's redirect back. */
export const STATE_TTL_MS = 10 * 60 * 1000;
const EXCHANGE_TIMEOUT_MS = 10_000;

/** A fresh state for the shop, stored (hashed) with its expiry; old expired states are cleared on the way. */
export async function createOauthState(db: Db, shopDomain: string): Promise<string> {
  const state = newToken();
  await db.delete(shopifyOauthStates).where(lt(shopifyOauthStates.expiresAt, sql`now()`));
  await db.insert(shopifyOauthStates).values({
    stateHash: hashToken(state),
    shopDomain,
    expiresAt: new Date(Date.now() + STATE_TTL_MS),
  });
  return state;
}

/**
 * Uses up a state: deleted whatever the outcome (single use), valid only unexpired and for this shop.
 * Throws 400 `invalid_state` otherwise.
 */
export async function consumeOauthState(db: Db, state: string, shopDomain: string): Promise<void> {
  const [row] = await db
    .delete(shopifyOauthStates)
    .where(eq(shopifyOauthStates.stateHash, hashToken(state)))
    .returning({ shopDomain: shopifyOauthStates.shopDomain, expiresAt: shopifyOauthStates.expiresAt });
  if (!row || row.shopDomain !== shopDomain || row.expiresAt.getTime() <= Date.now()) {
    throw new AppError(
      400,
      'invalid_state',
      'The install link expired or was already used: start the install again',
    );
  }
}

/** Shopify's authorize page for an offline (shop-wide) token; the browser goes there, we never call it. */
export function authorizeUrl(shopify: ShopifyApp, shopDomain: string, state: string): string {
  const url = new URL(`https://${shopDomain}/admin/oauth/authorize`);
  url.searchParams.set('client_id', shopify.config.apiKey);
  url.searchParams.set('scope', shopify.config.scopes.join(','));
  url.searchParams.set('redirect_uri', new URL('/shopify/auth/callback', shopify.config.appUrl).toString());
  url.searchParams.set('state', state);
  return url.toString();
}

/** True when the callback query carries a valid HMAC (and a fresh timestamp), by the library's check. */
export async function validCallbackHmac(shopify: ShopifyApp, query: URLSearchParams): Promise<boolean> {
  try {
    return await shopify.api.utils.validateHmac(query);
  } catch {
    // Missing hmac, missing or stale timestamp.
    return false;
  }
}

/**
 * Exchanges the authorization code for the shop's offline access token at
 * `<base>/admin/oauth/access_token`, where base is `https://<validated shop>` (or the configured test base).
 * Redirects are not followed; the token and secret never appear in errors.
 */
export async function exchangeCode(
  shopify: ShopifyApp,
  shopDomain: string,
  code: string,
  fetchFn: typeof fetch = fetch,
): Promise<{ accessToken: string; scopes: string }> {
  const unavailable = (why: string) =>
    new AppError(502, 'shopify_unavailable', `Shopify did not issue an access token (${why})`);
  let res: Response;
  try {
    res = await fetchFn(`${shopify.baseUrl(shopDomain)}/admin/oauth/access_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        client_id: shopify.config.apiKey,
        client_secret: shopify.config.apiSecret,
        code,
      }),
      redirect: 'manual',
      signal: AbortSignal.timeout(EXCHANGE_TIMEOUT_MS),
    });
  } catch (err) {
    throw unavailable(`network error: ${(err as Error).name}`);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw unavailable(`HTTP ${res.status}`);
  }
  const body = (await res.json().catch(() => null)) as { access_token?: unknown; scope?: unknown } | null;
  if (typeof body?.access_token !== 'string' || !body.access_token) throw unavailable('no access token');
  return { accessToken: body.access_token, scopes: typeof body.scope === 'string' ? body.scope : '' };
}

/** Where the merchant lands after installing: the app inside Shopify's admin when `host` is valid, else ours. */
export function afterInstallUrl(shopify: ShopifyApp, host: string | null): string {
  if (host) {
    try {
      return shopify.api.auth.buildEmbeddedAppUrl(host);
    } catch {
      // An invalid host falls through to the standalone admin.
    }
  }
  return new URL('/', shopify.config.appUrl).toString();
}
