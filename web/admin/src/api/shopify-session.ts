/**
 * The admin inside Shopify's admin: the server adds App Bridge to the page when Shopify opens it with
 * `?shop=…&host=…`, and App Bridge puts `window.shopify` in place. API calls then carry a fresh session
 * token (`Authorization: Bearer …`) instead of relying on the cookie (third-party in Shopify's iframe).
 */
type AppBridge = { idToken(): Promise<string>; config?: { shop?: string } };

declare global {
  interface Window {
    shopify?: AppBridge;
  }
}

/** True when running embedded in Shopify with App Bridge loaded. */
export const isEmbedded = (): boolean =>
  typeof window !== 'undefined' && typeof window.shopify?.idToken === 'function';

/** The Authorization header for API calls when embedded; nothing otherwise (the cookie session applies). */
export async function sessionTokenHeader(): Promise<Record<string, string>> {
  if (!isEmbedded()) return {};
  const token = await window.shopify?.idToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

/** The shop being administered, from App Bridge or the URL Shopify opened the app with. */
export const embeddedShop = (): string | null =>
  window.shopify?.config?.shop ?? new URLSearchParams(window.location.search).get('shop');

/** Starts (or repeats) the OAuth install at the top level, outside Shopify's iframe. */
export function startShopifyInstall(shop: string) {
  const url = new URL('/shopify/auth', window.location.origin);
  url.searchParams.set('shop', shop);
  window.open(url.toString(), '_top');
}
