import path from 'node:path';
import { z } from 'zod';

const ZConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).optional(),
  DATABASE_URL: z.string().optional(),
  SUPPORTIFY_DATA_DIR: z.string().default('./data'),
  SUPPORTIFY_ADMIN_EMAIL: z.email().optional(),
  SUPPORTIFY_ADMIN_PASSWORD: z.string().min(8).optional(),
  SUPPORTIFY_DEMO: z.enum(['0', '1']).default('1'),
  SMTP_PORT: z.union([z.literal('off'), z.coerce.number().int().min(0).max(65535)]).default(2525),
  SMTP_URL: z
    .union([z.literal(''), z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')])
    .optional(),
  SMTP_FROM: z.string().min(3).default('Supportify <support@localhost>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
  SHOPIFY_API_KEY: z.string().optional(),
  SHOPIFY_API_SECRET: z.string().optional(),
  SHOPIFY_SCOPES: z.string().default('read_orders,read_products,read_legal_policies'),
  SHOPIFY_API_BASE_URL: z.url().optional(),
  SUPPORTIFY_ENCRYPTION_KEY: z.string().optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  SUPPORTIFY_AI_ALLOW_PRIVATE_URLS: z.enum(['0', '1']).default('0'),
});

export type Config = {
  port: number;
  host: string;
  publicUrl: string | undefined;
  /**
   * Reverse proxies in front of the server whose X-Forwarded-For entries are believed (counted from the
   * server); the client address is the entry the outermost of them added. 0 = the socket's address.
   */
  trustProxyHops: number;
  databaseUrl: string | undefined;
  dataDir: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  demo: boolean;
  /** The inbound SMTP listener's port; null (`SMTP_PORT=off`) = this process runs none. */
  smtpPort: number | null;
  /** Outbound mail server; unset = each mail is written to `<dataDir>/outbox/` as an .eml file. */
  smtpUrl: string | undefined;
  smtpFrom: string;
  logLevel: string;
  secureCookies: boolean;
  /** The Shopify app (OAuth install, session tokens, webhooks); null until key, secret and PUBLIC_URL are set. */
  shopify: ShopifyAppConfig | null;
  /** AES-256-GCM key for secrets at rest (Shopify access tokens); null when SUPPORTIFY_ENCRYPTION_KEY is unset. */
  encryptionKey: Buffer | null;
  /** Bearer token for `GET /metrics`; unset = the endpoint answers 404. */
  metricsToken: string | undefined;
  /**
   * Shops' AI base URLs (Settings → AI) may point at private, loopback and internal hosts, over http too: a
   * model on the operator's own network. Off: public https endpoints only (a shop cannot reach inside).
   */
  aiAllowPrivateUrls: boolean;
};

export type ShopifyAppConfig = {
  apiKey: string;
  apiSecret: string;
  scopes: string[];
  /** Where the app is reached (redirect_uri, embedded app URL): PUBLIC_URL. */
  appUrl: string;
  /**
   * Test and development only: replaces `https://<shop>` for the token exchange and the Admin API, so a
   * local server can stand in for Shopify. Never derived from a request.
   */
  apiBaseUrl?: string;
};

/** A 32-byte key given as base64 or hex; throws on anything else. */
export function parseEncryptionKey(value: string): Buffer {
  const text = value.trim();
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error('SUPPORTIFY_ENCRYPTION_KEY must be 32 bytes, base64 or hex');
  return key;
}

function shopifyConfig(e: z.infer<typeof ZConfig>): ShopifyAppConfig | null {
  if (e.SHOPIFY_API_BASE_URL && e.NODE_ENV === 'production') {
    throw new Error('Invalid configuration: SHOPIFY_API_BASE_URL is for tests and development only');
  }
  if (!e.SHOPIFY_API_KEY || !e.SHOPIFY_API_SECRET || !e.PUBLIC_URL) return null;
  return {
    apiKey: e.SHOPIFY_API_KEY,
    apiSecret: e.SHOPIFY_API_SECRET,
    scopes: e.SHOPIFY_SCOPES.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    appUrl: e.PUBLIC_URL,
    apiBaseUrl: e.SHOPIFY_API_BASE_URL,
  };
}

/** Reads the environment once into a typed config; throws with every problem listed. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL,
    // Behind one proxy by default when there is a public origin; never "trust everything", which would take
    // the client's own left-most X-Forwarded-For entry and let it dodge per-address limits.
    trustProxyHops: e.TRUST_PROXY_HOPS ?? (e.PUBLIC_URL ? 1 : 0),
    databaseUrl: e.DATABASE_URL || undefined,
    dataDir: path.resolve(e.SUPPORTIFY_DATA_DIR),
    adminEmail: e.SUPPORTIFY_ADMIN_EMAIL,
    adminPassword: e.SUPPORTIFY_ADMIN_PASSWORD,
    demo: e.SUPPORTIFY_DEMO === '1',
    smtpPort: e.SMTP_PORT === 'off' ? null : e.SMTP_PORT,
    smtpUrl: e.SMTP_URL || undefined,
    smtpFrom: e.SMTP_FROM,
    logLevel: e.LOG_LEVEL,
    // Secure cookies need https; a PUBLIC_URL on https turns them on.
    secureCookies: e.PUBLIC_URL?.startsWith('https://') ?? false,
    shopify: shopifyConfig(e),
    encryptionKey: e.SUPPORTIFY_ENCRYPTION_KEY ? parseEncryptionKey(e.SUPPORTIFY_ENCRYPTION_KEY) : null,
    metricsToken: e.METRICS_TOKEN || undefined,
    aiAllowPrivateUrls: e.SUPPORTIFY_AI_ALLOW_PRIVATE_URLS === '1',
  };
}
