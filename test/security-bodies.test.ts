import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { shops } from '../src/db/schema/index.ts';
import { login, newShop } from './helpers/factories.ts';
import {
  BODY_METHODS,
  databaseFingerprint,
  fillPath,
  type InventoryRoute,
  routeInventory,
} from './helpers/route-inventory.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

// Every Fastify instance records its routes from the start (see recordingFastify).
vi.mock('fastify', async (original) =>
  (await import('./helpers/route-inventory.ts')).recordingFastify(await original()),
);

/**
 * Routes that read the raw body themselves to check a signature over it (they accept any content type and
 * parse JSON only after the check): a malformed body there is refused by the signature check (401), or
 * with 503 shopify_not_configured in this app, which has no Shopify settings (shopify-webhooks.test.ts
 * sends them signed and unsigned bodies).
 */
const RAW_BODY = new Set(['POST /webhooks/shopify']);
const refusedRaw = (status: number, code: unknown) =>
  status === 401 || status === 413 || (status === 503 && code === 'shopify_not_configured');

/**
 * Push endpoints that take any body (`z.unknown()`) and answer 204/202 to one they cannot decode, so that
 * Pub/Sub and Graph do not retry it; they act only on a verified notification (email-gmail-push and
 * email-outlook-notifications tests).
 */
const ACCEPTS_ANY = new Set(['POST /webhooks/gmail', 'POST /webhooks/outlook']);
/** The route validates a JSON body against a schema. */
const readsJson = (route: InventoryRoute) =>
  route.hasBody && !ACCEPTS_ANY.has(`${route.method} ${route.url}`);

/**
 * Malformed, oversized and mistyped bodies on every route that reads a body, signed in (or with the
 * widget conversation's token), so the body reaches the parser and the handler: a 4xx with a code, never
 * a 5xx, and nothing changed anywhere in the database.
 */
describe('security: malformed and oversized bodies on every route that reads one', () => {
  let t: TestApp;
  let cookie: string;
  let widget: { conversationId: string; token: string };
  let routes: InventoryRoute[];

  beforeAll(async () => {
    t = await createTestApp();
    const { shop, email } = await newShop(t.db);
    cookie = await login(t.app, email);
    const [{ widgetKey }] = await t.db
      .select({ widgetKey: shops.widgetKey })
      .from(shops)
      .where(eq(shops.id, shop.id));
    const started = await t.app.inject({
      method: 'POST',
      url: '/widget/v1/conversations',
      payload: { widgetKey },
    });
    expect(started.statusCode, started.body).toBe(201);
    widget = started.json();
    routes = routeInventory().filter((r) => BODY_METHODS.has(r.method));
    expect(routes.length).toBeGreaterThan(25);
  });
  afterAll(() => t.close());

  const send = (route: InventoryRoute, body: string, contentType: string) =>
    t.app.inject({
      method: route.method as 'POST',
      url: fillPath(route.url, { id: widget.conversationId }),
      headers: {
        'content-type': contentType,
        ...(route.url === '/api/auth/logout'
          ? {} // public; with the cookie a body it accepts would end the session the other routes use
          : route.url.startsWith('/api/')
            ? { cookie }
            : { authorization: `Bearer ${widget.token}` }),
      },
      body,
    });

  /**
   * Sends the body to every route; collects the answers that are not `expected(route, status, code)`, and
   * every 5xx (but the unconfigured Shopify webhook's) and every refusal without a machine-readable code.
   */
  async function everyRoute(
    body: string,
    contentType: string,
    expected: (route: InventoryRoute, status: number, code: unknown) => boolean,
  ) {
    const wrong: unknown[] = [];
    for (const route of routes) {
      const res = await send(route, body, contentType);
      const code = res.body ? res.json()?.error?.code : undefined;
      const key = `${route.method} ${route.url}`;
      const raw = RAW_BODY.has(key);
      // The notification test is limited to 10 a minute, counted before the body is read.
      const limited = res.statusCode === 429 && code === 'rate_limited' && route.config.rateLimit;
      const ok = raw
        ? refusedRaw(res.statusCode, code)
        : limited ||
          (res.statusCode < 500 &&
            (res.statusCode < 400 || typeof code === 'string') &&
            expected(route, res.statusCode, code));
      if (!ok) wrong.push({ route: key, contentType, status: res.statusCode, code });
    }
    return wrong;
  }

  it('answers invalid JSON with 400 invalid_json', async () => {
    const before = await databaseFingerprint(t.db);
    const wrong = [];
    for (const body of ['{"status":', '{status: "resolved"}', "{'a':1}", '']) {
      wrong.push(
        ...(await everyRoute(
          body,
          'application/json',
          (_route, status, code) => status === 400 && code === 'invalid_json',
        )),
      );
    }
    expect(wrong).toEqual([]);
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });

  // Valid JSON of the wrong shape: refused by the schema of every route that reads a body; routes that read
  // none (sign-out, the notification test, the Gmail and Graph webhooks, which ignore what they do not
  // understand) may answer as usual. Nothing may change, and no object's prototype gains a property.
  it('survives prototype pollution and deeply nested JSON without a server error', async () => {
    const before = await databaseFingerprint(t.db);
    const nested = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const wrong = [];
    for (const body of [
      '{"__proto__":{"admin":true}}',
      '{"constructor":{"prototype":{"admin":true}}}',
      nested,
    ]) {
      wrong.push(
        ...(await everyRoute(body, 'application/json', (route, status) =>
          readsJson(route) ? status >= 400 : true,
        )),
      );
    }
    expect(wrong).toEqual([]);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });

  it('answers a body over 1 MiB with 413 payload_too_large', async () => {
    const before = await databaseFingerprint(t.db);
    const big = JSON.stringify({ body: 'x'.repeat(1024 * 1024) });
    const wrong = await everyRoute(big, 'application/json', (_route, status, code) => {
      return status === 413 && code === 'payload_too_large';
    });
    expect(wrong).toEqual([]);
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });

  // Routes that read no body ignore one of any type (text/plain has Fastify's own parser).
  it('answers a body that is not JSON with 415 or 400 on every route that reads one', async () => {
    const before = await databaseFingerprint(t.db);
    const wrong = [];
    for (const [body, type] of [
      ['<status>resolved</status>', 'application/xml'],
      ['status=resolved', 'application/x-www-form-urlencoded'],
      ['status resolved', 'text/plain'],
      [
        '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
        'multipart/form-data; boundary=x',
      ],
    ]) {
      wrong.push(
        ...(await everyRoute(body, type, (route, status) =>
          readsJson(route) ? status === 415 || status === 400 : true,
        )),
      );
    }
    expect(wrong).toEqual([]);
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });
});
