import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { shopifyDataRequests } from '../src/db/schema/index.ts';
import { login, newConversation, newShop } from './helpers/factories.ts';
import { SESSION_COOKIE } from './helpers/http.ts';
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
 * Routes that answer without a staff session, each with the reason. Everything else the app registers must
 * answer 401 to a request without one. How this catches a new unprotected route: the inventory is read from
 * the running app, so a route added outside `/api/` (where the session hook does not look), or under `/api/`
 * with `config: { public: true }`, is not on this list, answers without a 401, and fails the first test
 * below until it is protected or listed here with its reason.
 */
const PUBLIC: Record<string, string> = {
  // Health checks for load balancers and orchestrators; they say nothing about any shop.
  '/healthz': 'liveness',
  '/readyz': 'readiness (database reachable)',
  // Operations (issue 8): Prometheus scrapes it with its own METRICS_TOKEN bearer (no staff session);
  // counters only, no shop data.
  '/metrics': 'metrics (own token)',
  // Signing in and out needs no session (both are CSRF-checked; see csrf.test.ts).
  '/api/auth/login': 'sign-in',
  '/api/auth/logout': 'sign-out (ends the session it is given, if any)',
  // The OpenAPI document and Swagger UI describe the API; no data.
  '/api/docs': 'API docs',
  '/api/docs/': 'API docs',
  '/api/docs/json': 'API docs',
  '/api/docs/yaml': 'API docs',
  '/api/docs/static/*': 'API docs assets',
  '/api/docs/static/index.html': 'API docs',
  '/api/docs/static/swagger-initializer.js': 'API docs',
  // The widget API authenticates with the shop's widget key and a per-conversation bearer token.
  '/widget/v1/conversations': 'widget: starts a conversation with the widget key',
  '/widget/v1/conversations/:id/messages': 'widget: conversation token',
  '/widget/v1/conversations/:id/stream': 'widget: conversation token',
  '/widget/v1/conversations/:id/rating': 'widget: conversation token',
  '/widget/v1/config': 'widget: widget key',
  '/widget.js': 'the widget script, embedded on storefronts',
  '/demo': 'the demo storefront',
  // CORS preflight for the widget API.
  '*': 'OPTIONS preflight',
  // Webhooks prove themselves: Shopify's HMAC, Gmail's Pub/Sub push token, Graph's clientState.
  '/webhooks/shopify': 'Shopify HMAC',
  '/webhooks/gmail': 'Pub/Sub push token',
  '/webhooks/outlook': 'Graph clientState',
  // The Shopify OAuth install: validated shop, HMAC and single-use state.
  '/shopify/auth': 'Shopify OAuth start',
  '/shopify/auth/callback': 'Shopify OAuth callback (HMAC + state)',
  // The built admin SPA: HTML and hashed assets, no data (the pages fetch /api with a session).
  '/index.html': 'admin SPA',
  '/favicon.svg': 'admin SPA',
  '/assets/*': 'admin SPA assets',
};

/** Routes on PUBLIC only once the admin is built (dist/admin). */
const OPTIONAL_PUBLIC = new Set(['/index.html', '/favicon.svg', '/assets/*']);

/** Static admin files: one route per file in dist/admin (present once the admin is built). */
const isAdminFile = (r: InventoryRoute) => typeof r.config.file === 'string';

describe('security: every route needs a session unless it is on the public list', () => {
  let t: TestApp;
  let cookie: string;
  let routes: InventoryRoute[];
  let objects: { conversation: string; ticket: string; dataRequest: string };

  beforeAll(async () => {
    t = await createTestApp();
    const { shop, email } = await newShop(t.db);
    const conversation = (await newConversation(t.db, shop.id, {})).id;
    cookie = await login(t.app, email);
    const ticket = await t.app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { cookie },
      payload: { conversationId: conversation },
    });
    expect(ticket.statusCode, ticket.body).toBe(201);
    const [request] = await t.db
      .insert(shopifyDataRequests)
      .values({ shopId: shop.id, customerEmail: 'ann@example.com', status: 'ready', document: '{}' })
      .returning();
    objects = { conversation, ticket: String(ticket.json().number), dataRequest: request.id };
    routes = routeInventory();
  });
  afterAll(() => t.close());

  // The database, but for the ticket history outbox, whose rows the dispatcher marks in the background.
  const fingerprint = async () => {
    const { ticket_events: _outbox, ...rest } = await databaseFingerprint(t.db);
    return rest;
  };

  it('reads the inventory from the running app', () => {
    const keys = routes.map((r) => `${r.method} ${r.url}`);
    // A sample of known routes, so a broken recorder cannot make every other test pass vacuously.
    expect(keys).toEqual(
      expect.arrayContaining([
        'GET /api/conversations',
        'PATCH /api/conversations/:id',
        'POST /api/tickets/:number/replies',
        'DELETE /api/views/:id',
        'GET /api/data-requests/:id/download',
        'POST /widget/v1/conversations',
        'POST /webhooks/shopify',
        'GET /healthz',
      ]),
    );
    expect(routes.length).toBeGreaterThan(60);
  });

  it('answers 401 unauthenticated on every non-public route without a valid session', async () => {
    const before = await fingerprint();
    const failures: unknown[] = [];
    let checked = 0;
    for (const route of routes) {
      if (PUBLIC[route.url] || isAdminFile(route)) continue;
      const url = fillPath(route.url);
      for (const headers of [
        {},
        { cookie: `${SESSION_COOKIE}=forged-token` },
        { authorization: 'Bearer not-a-session-token' },
        // A valid-looking widget token is not a staff session either.
        { authorization: 'Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
      ]) {
        const res = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers,
          ...(BODY_METHODS.has(route.method) ? { payload: {} } : {}),
        });
        checked++;
        const code = route.method === 'HEAD' ? 'unauthenticated' : res.json()?.error?.code;
        if (res.statusCode !== 401 || code !== 'unauthenticated') {
          failures.push({ route: `${route.method} ${route.url}`, headers, status: res.statusCode, code });
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(200);
    expect(await fingerprint()).toEqual(before);
  });

  it('lists only routes that exist, so the public list cannot hide a removed or renamed one', () => {
    const urls = new Set(routes.map((r) => r.url));
    const stale = Object.keys(PUBLIC).filter((url) => !urls.has(url) && !OPTIONAL_PUBLIC.has(url));
    expect(stale).toEqual([]);
  });

  it('answers the public routes without a session, never with a server error', async () => {
    const serverErrors: unknown[] = [];
    for (const route of routes) {
      // HEAD answers as its GET twin does, without the body that says why.
      if ((!PUBLIC[route.url] && !isAdminFile(route)) || route.method === 'HEAD') continue;
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: route.url === '*' ? '/widget/v1/config' : fillPath(route.url),
        ...(BODY_METHODS.has(route.method) ? { payload: {} } : {}),
      });
      // The Shopify routes answer 503 shopify_not_configured in this app (no Shopify settings): deliberate.
      const code = res.statusCode >= 500 ? res.json()?.error?.code : null;
      if (res.statusCode >= 500 && !(res.statusCode === 503 && code === 'shopify_not_configured')) {
        serverErrors.push({ route: `${route.method} ${route.url}`, status: res.statusCode, code });
      }
    }
    expect(serverErrors).toEqual([]);
  });

  // The CSRF check lets GET and HEAD through (they must be safe), so none may change anything: signed in,
  // sent cross-site, with this shop's own objects. The admin event stream never ends; it only reads.
  it('changes nothing on any GET or HEAD /api route, even sent cross-site with a valid session', async () => {
    const before = await fingerprint();
    const answered: string[] = [];
    for (const route of routes) {
      if (!['GET', 'HEAD'].includes(route.method) || !route.url.startsWith('/api/')) continue;
      if (route.url === '/api/events') continue;
      const id = route.url.startsWith('/api/data-requests') ? objects.dataRequest : objects.conversation;
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: fillPath(route.url, { id, number: objects.ticket }),
        headers: { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      });
      expect({ route: route.url, status: res.statusCode < 500 }).toEqual({ route: route.url, status: true });
      if (res.statusCode === 200) answered.push(`${route.method} ${route.url}`);
    }
    expect(answered).toEqual(
      expect.arrayContaining([
        'GET /api/conversations/:id',
        'GET /api/tickets/:number',
        'GET /api/data-requests/:id/download',
      ]),
    );
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses a cross-site request on every state-changing /api route, even with a valid session', async () => {
    const before = await fingerprint();
    const failures: unknown[] = [];
    for (const route of routes) {
      if (!BODY_METHODS.has(route.method) || !route.url.startsWith('/api/')) continue;
      for (const headers of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }]) {
        const res = await t.app.inject({
          method: route.method as 'POST',
          url: fillPath(route.url),
          headers: { cookie, ...headers },
          payload: {},
        });
        if (res.statusCode !== 403 || res.json()?.error?.code !== 'csrf') {
          failures.push({ route: `${route.method} ${route.url}`, headers, status: res.statusCode });
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await fingerprint()).toEqual(before);
    // The session still works.
    expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
  });
});
