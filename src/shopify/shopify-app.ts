import type { Shopify } from '@shopify/shopify-api';
import type { FastifyBaseLogger } from 'fastify';
import type { ShopifyAppConfig } from '../config.ts';
import { AppError } from '../http/errors.ts';

export type ShopifyApp = {
  config: ShopifyAppConfig;
  api: Shopify;
  /** `https://<shop>`, or the test/development base URL from config: never anything a request chose. */
  baseUrl(shop: string): string;
};

const MYSHOPIFY = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

/**
 * The library's Shopify API object for our config; its logs go to ours at warning level and above.
 * Loaded only when the app is configured: the library adds ~30 MB to a server that never installs.
 */
export async function createShopifyApp(
  config: ShopifyAppConfig,
  log: FastifyBaseLogger,
): Promise<ShopifyApp> {
  await import('@shopify/shopify-api/adapters/node');
  const { ApiVersion, LogSeverity, shopifyApi } = await import('@shopify/shopify-api');
  const url = new URL(config.appUrl);
  const api = shopifyApi({
    apiKey: config.apiKey,
    apiSecretKey: config.apiSecret,
    scopes: config.scopes,
    hostName: url.host,
    hostScheme: url.protocol === 'http:' ? 'http' : 'https',
    apiVersion: ApiVersion.October25,
    isEmbeddedApp: true,
    logger: {
      level: LogSeverity.Warning,
      // The library's messages can quote tokens (a failed session token is included verbatim): only the severity
      // and a fixed prefix of the message are kept.
      log: (severity, message) => {
        const text = message.split(/[:'"]/)[0].slice(0, 120);
        if (severity <= LogSeverity.Error) log.warn({ shopifyApi: text }, 'Shopify library error');
      },
    },
  });
  return {
    config,
    api,
    baseUrl: (shop) => (config.apiBaseUrl ? config.apiBaseUrl.replace(/\/+$/, '') : `https://${shop}`),
  };
}

/**
 * A `*.myshopify.com` domain, lower-cased, from what a request or webhook says: the library's sanitizer
 * first (it also turns `admin.shopify.com/store/x` into `x.myshopify.com`), then only myshopify.com itself
 * (the sanitizer also allows other Shopify domains that we never send tokens to). Null otherwise.
 */
export function sanitizeShopDomain(shopify: Shopify, value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 255) return null;
  const sanitized = shopify.utils.sanitizeShop(value.trim());
  if (!sanitized) return null;
  const domain = sanitized.toLowerCase().replace(/\/+$/, '');
  return MYSHOPIFY.test(domain) ? domain : null;
}

/** The Shopify app, or 503 `shopify_not_configured` when its settings are missing. */
export function requireShopify(shopify: ShopifyApp | null): ShopifyApp {
  if (!shopify) {
    throw new AppError(
      503,
      'shopify_not_configured',
      'The Shopify app is not configured: set SHOPIFY_API_KEY, SHOPIFY_API_SECRET and PUBLIC_URL',
    );
  }
  return shopify;
}

/** The encryption key, or 503 `encryption_key_missing` (tokens are never stored in the clear). */
export function requireEncryptionKey(key: Buffer | null): Buffer {
  if (!key) {
    throw new AppError(
      503,
      'encryption_key_missing',
      'SUPPORTIFY_ENCRYPTION_KEY is not set: it is needed to store the Shopify access token encrypted',
    );
  }
  return key;
}
