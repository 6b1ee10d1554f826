// The app with the Shopify app configured, a loopback stand-in for Shopify (token endpoint and Admin
// GraphQL), and signing helpers for OAuth callbacks, webhooks and App Bridge session tokens.
import { createHmac, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { eq } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pino from 'pino';
import { expect } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import type { Db } from '../../src/db/client.ts';
import { shopifyWebhooks, shops } from '../../src/db/schema/index.ts';
import { createJobs } from '../../src/jobs/jobs.ts';
import { createTestDatabase } from './test-db.ts';
import { until } from './until.ts';

export const API_KEY = 'test-api-key-0123';
export const API_SECRET = 'test-api-secret-abcdef0123456789';
export const ENCRYPTION_KEY = Buffer.from(
  '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
  'hex',
);
export const APP_URL = 'https://supportify.example';
export const ACCESS_TOKEN = 'shpat_stored_token_abcdef0123456789';

export type SeenRequest = { method: string; url: string; headers: IncomingHttpHeaders; body: string };

/** A loopback Shopify: the OAuth token endpoint, and Admin GraphQL answered from a script. */
export type FakeShopify = {
  baseUrl: string;
  seen: SeenRequest[];
  /** What the token endpoint answers (status and body). */
  token: { status: number; body: unknown };
  /** GraphQL answers, in order (`{ data }` bodies). */
  graphql: unknown[];
  close: () => Promise<void>;
};

export async function startFakeShopify(): Promise<FakeShopify> {
  const fake: FakeShopify = {
    baseUrl: '',
    seen: [],
    token: { status: 200, body: { access_token: ACCESS_TOKEN, scope: 'read_orders,read_products' } },
    graphql: [],
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      fake.seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const json = (status: number, value: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(value));
      };
      if (req.url === '/admin/oauth/access_token') return json(fake.token.status, fake.token.body);
      if (req.url?.endsWith('/graphql.json')) {
        const next = fake.graphql.shift();
        return next ? json(200, next) : json(500, { errors: [{ message: 'unexpected request' }] });
      }
      json(404, { errors: 'Not Found' });
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return fake;
}

export type ShopifyTestApp = {
  app: FastifyInstance;
  db: Db;
  logs: () => string;
  close: () => Promise<void>;
};

/** The real app with the Shopify app configured (or not), fast job polling and captured logs. */
export async function createShopifyTestApp(
  options: { apiBaseUrl?: string; shopify?: boolean; encryptionKey?: Buffer | null } = {},
): Promise<ShopifyTestApp> {
  const database = await createTestDatabase();
  let output = '';
  const stream = new PassThrough();
  stream.on('data', (chunk) => {
    output += chunk.toString();
  });
  // Mail (ticket reply emails) goes to .eml files in a temporary data dir.
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'supportify-shopify-'));
  const config: Config = {
    ...loadConfig({}),
    databaseUrl: undefined,
    dataDir,
    publicUrl: APP_URL,
    logLevel: 'info',
    shopify:
      options.shopify === false
        ? null
        : {
            apiKey: API_KEY,
            apiSecret: API_SECRET,
            scopes: ['read_orders', 'read_products'],
            appUrl: APP_URL,
            apiBaseUrl: options.apiBaseUrl,
          },
    encryptionKey: options.encryptionKey === undefined ? ENCRYPTION_KEY : options.encryptionKey,
  };
  const jobs = createJobs({
    database,
    log: pino({ level: 'info' }, stream),
    pollingIntervalSeconds: 0.5,
    stopTimeoutMs: 1000,
  });
  const app = await buildApp({ config, database, logStream: stream, loginRateLimit: 1000, jobs });
  await app.ready();
  return {
    app,
    db: database.db,
    logs: () => output,
    close: async () => {
      await app.close();
      await database.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Shopify's query signature: hex HMAC-SHA256 of the sorted, URL-encoded parameters without `hmac`. */
export function signQuery(params: Record<string, string>, secret = API_SECRET): string {
  const sorted = Object.keys(params)
    .filter((k) => k !== 'hmac' && k !== 'signature')
    .sort((a, b) => a.localeCompare(b))
    .map((k) => [k, params[k]]);
  const message = new URLSearchParams(sorted).toString().replace(/\+/g, '%20');
  return createHmac('sha256', secret).update(message).digest('hex');
}

/** `?shop=…` of the authorize redirect's state, and the state cookie, after `GET /shopify/auth`. */
export async function beginInstall(app: FastifyInstance, shop: string) {
  const res = await app.inject({ method: 'GET', url: '/shopify/auth', query: { shop } });
  expect(res.statusCode, res.body).toBe(302);
  const location = new URL(res.headers.location as string);
  const cookie = res.cookies.find((c) => c.name === 'supportify_shopify_state');
  expect(cookie?.value).toBeTruthy();
  return { location, state: location.searchParams.get('state') as string, cookie: cookie?.value as string };
}

/** Shopify's redirect back to us, signed (unless `hmac` is given), with the state cookie (unless overridden). */
export function callback(
  app: FastifyInstance,
  params: Record<string, string>,
  options: { cookie?: string | null; secret?: string } = {},
): Promise<LightMyRequestResponse> {
  const query: Record<string, string> = {
    timestamp: String(Math.floor(Date.now() / 1000)),
    code: 'auth-code-1',
    ...params,
  };
  const signed = { ...query, hmac: query.hmac ?? signQuery(query, options.secret) };
  return app.inject({
    method: 'GET',
    url: '/shopify/auth/callback',
    query: signed,
    cookies: options.cookie === null ? {} : { supportify_shopify_state: options.cookie ?? params.state },
  });
}

/** The whole install for a shop, against the fake Shopify; returns the shop id. */
export async function install(app: FastifyInstance, db: Db, shop: string): Promise<string> {
  const { state, cookie } = await beginInstall(app, shop);
  const res = await callback(app, { shop, state }, { cookie });
  expect(res.statusCode, res.body).toBe(302);
  const [row] = await db.select({ id: shops.id }).from(shops).where(eq(shops.shopifyDomain, shop));
  if (!row) throw new Error('the install made no shop');
  return row.id;
}

/** Base64 HMAC-SHA256 of the raw body with the app secret, as Shopify signs webhooks. */
export const webhookHmac = (body: string, secret = API_SECRET) =>
  createHmac('sha256', secret).update(body, 'utf8').digest('base64');

/** `POST /webhooks/shopify` with Shopify's headers; the HMAC is computed unless given (null: left out). */
export function postWebhook(
  app: FastifyInstance,
  topic: string,
  shop: string,
  payload: unknown,
  options: { hmac?: string | null; webhookId?: string; eventId?: string; body?: string } = {},
) {
  const body = options.body ?? JSON.stringify(payload);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-shopify-topic': topic,
    'x-shopify-shop-domain': shop,
    'x-shopify-api-version': '2025-10',
    'x-shopify-webhook-id': options.webhookId ?? `wh-${randomBytes(8).toString('hex')}`,
  };
  if (options.eventId) headers['x-shopify-event-id'] = options.eventId;
  if (options.hmac !== null) headers['x-shopify-hmac-sha256'] = options.hmac ?? webhookHmac(body);
  return app.inject({ method: 'POST', url: '/webhooks/shopify', headers, payload: body });
}

/** Waits until every stored webhook has been processed by its job. */
export async function webhooksProcessed(db: Db) {
  await until(async () => {
    const rows = await db.select({ processedAt: shopifyWebhooks.processedAt }).from(shopifyWebhooks);
    return rows.every((r) => r.processedAt !== null);
  }, 'webhooks processed');
}

/** The stored webhook rows for a Shopify webhook id. */
export const webhookRow = async (db: Db, webhookId: string) =>
  (await db.select().from(shopifyWebhooks).where(eq(shopifyWebhooks.webhookId, webhookId)))[0];

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An App Bridge session token (HS256 JWT) for the shop; claims and the secret can be overridden. */
export function sessionToken(
  shop: string,
  claims: Record<string, unknown> = {},
  secret = API_SECRET,
): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    iss: `https://${shop}/admin`,
    dest: `https://${shop}`,
    aud: API_KEY,
    sub: '42',
    exp: now + 60,
    nbf: now - 5,
    iat: now - 5,
    jti: randomBytes(8).toString('hex'),
    sid: randomBytes(8).toString('hex'),
    ...claims,
  };
  const unsigned = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
