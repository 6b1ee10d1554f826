import { clampLimit } from './limit.ts';
import { createGraphqlClient, type Sleep } from './shopify-graphql.ts';
import { findShopifyOrder } from './shopify-orders.ts';
import { searchShopifyPolicies } from './shopify-policies.ts';
import { searchShopifyProducts } from './shopify-products.ts';
import type { CommerceSource } from './types.ts';

export type ShopifyStoreOptions = {
  /** The shop's permanent domain, "example.myshopify.com". */
  shopDomain: string;
  accessToken: string;
  apiVersion?: string;
  /** Replaces `https://<shopDomain>` (tests, proxies). */
  baseUrl?: string;
  fetch?: typeof fetch;
  sleep?: Sleep;
  maxRetries?: number;
};

export const DEFAULT_API_VERSION = '2025-10';

// The token goes wherever the endpoint points: without an explicit base URL, only to a real shop domain.
const MYSHOPIFY_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;
const API_VERSION = /^(\d{4}-\d{2}|unstable)$/;

/** The Admin GraphQL endpoint URL for the options; throws on a domain, base URL or version that cannot be right. */
export function adminGraphqlUrl(options: Pick<ShopifyStoreOptions, 'shopDomain' | 'apiVersion' | 'baseUrl'>) {
  const version = options.apiVersion ?? DEFAULT_API_VERSION;
  if (!API_VERSION.test(version)) throw new Error(`invalid Shopify API version: ${JSON.stringify(version)}`);
  let base: string;
  if (options.baseUrl) {
    const url = new URL(options.baseUrl);
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new Error('Shopify base URL must be http(s)');
    base = url.origin + url.pathname.replace(/\/+$/, '');
  } else {
    const domain = options.shopDomain.trim().toLowerCase();
    if (!MYSHOPIFY_DOMAIN.test(domain)) {
      throw new Error(`not a *.myshopify.com domain: ${JSON.stringify(options.shopDomain)}`);
    }
    base = `https://${domain}`;
  }
  return `${base}/admin/api/${version}/graphql.json`;
}

/** A shop's store data read live from the Shopify Admin GraphQL API. */
export function createShopifyStore(options: ShopifyStoreOptions): CommerceSource {
  const request = createGraphqlClient({
    endpoint: adminGraphqlUrl(options),
    accessToken: options.accessToken,
    shopDomain: options.shopDomain,
    fetch: options.fetch,
    sleep: options.sleep,
    maxRetries: options.maxRetries,
  });
  return {
    findOrderByName: (name) => findShopifyOrder(request, name),
    searchProducts: (query, limit) => searchShopifyProducts(request, query, clampLimit(limit)),
    searchPolicies: (query, limit) => searchShopifyPolicies(request, query, clampLimit(limit)),
  };
}
