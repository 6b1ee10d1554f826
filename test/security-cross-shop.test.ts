import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { shopifyDataRequests, shops } from '../src/db/schema/index.ts';
import { login, newConversation, newShop } from './helpers/factories.ts';
import { type Json, requestJson } from './helpers/http.ts';
import {
  databaseFingerprint,
  fillPath,
  routeInventory,
  VALID_LOOKING_ID,
} from './helpers/route-inventory.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

// Every Fastify instance records its routes from the start (see recordingFastify).
vi.mock('fastify', async (original) =>
  (await import('./helpers/route-inventory.ts')).recordingFastify(await original()),
);

// Text only shop A's data contains.
const A_CUSTOMER = { name: 'Zebulon Quill', email: 'zebulon@alpha.example' };
const A_VIEW = 'Alpha urgent';

type Attempt = { params: Record<string, string>; payload?: Json; query?: string };

/** Query strings the parameterless GET routes need. */
const QUERIES: Record<string, string> = {
  '/api/views': '?kind=tickets',
  '/api/conversations/export': '?format=ndjson',
};

/**
 * Shop B's staff (or B's widget customer) use shop A's objects on every route that names one, and get
 * 404 (the widget: 401 or 404), never 403, 2xx or 5xx, and nothing changes anywhere in the database.
 * The routes come from the running app: a new route with a `:param` and no attempt here fails the test.
 */
describe('security: cross-shop attempts on every route that names an object', () => {
  let t: TestApp;
  let cookieA: string;
  let cookieB: string;
  let a: { conversation: string; ticket: string; reply: string; view: string; dataRequest: string };
  let b: { ticket: string; widgetToken: string };
  let attempts: Record<string, Attempt[]>;

  beforeAll(async () => {
    t = await createTestApp();
    const shopA = await newShop(t.db, 'Alpha Knitwear');
    const shopB = await newShop(t.db, 'Shop B');
    cookieA = await login(t.app, shopA.email);
    cookieB = await login(t.app, shopB.email);
    const ok = async (cookie: string, method: 'POST', url: string, payload: Json) => {
      const res = await requestJson(t.app, cookie, method, url, payload);
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      return res.body;
    };
    // Shop A: a conversation, two tickets (B has only #1) with a reply, a saved view, a data request.
    const conversation = (await newConversation(t.db, shopA.shop.id, {})).id;
    // The customer with an email is on the ticket without replies: a reply to them would be emailed by a
    // background job, changing the reply's delivery status while the test compares the database.
    const other = (await newConversation(t.db, shopA.shop.id, { customer: A_CUSTOMER })).id;
    await ok(cookieA, 'POST', '/api/tickets', { conversationId: other });
    const ticket = String(
      (await ok(cookieA, 'POST', '/api/tickets', { conversationId: conversation })).number,
    );
    expect(ticket).toBe('2');
    const reply = (await ok(cookieA, 'POST', `/api/tickets/${ticket}/replies`, { body: 'On its way' })).id;
    const view = (await ok(cookieA, 'POST', '/api/views', { kind: 'tickets', name: 'Urgent', filters: {} }))
      .id;
    const [request] = await t.db
      .insert(shopifyDataRequests)
      .values({ shopId: shopA.shop.id, customerEmail: 'ann@example.com', status: 'ready', document: '{}' })
      .returning();
    a = { conversation, ticket, reply, view, dataRequest: request.id };
    // Shop B: its own conversation, ticket #1, view, and a widget conversation with its token.
    const conversationB = (await newConversation(t.db, shopB.shop.id, {})).id;
    const ticketB = String(
      (await ok(cookieB, 'POST', '/api/tickets', { conversationId: conversationB })).number,
    );
    await ok(cookieB, 'POST', '/api/views', { kind: 'tickets', name: 'Urgent', filters: {} });
    const [{ widgetKey }] = await t.db
      .select({ widgetKey: shops.widgetKey })
      .from(shops)
      .where(eq(shops.id, shopB.shop.id));
    const started = await t.app.inject({
      method: 'POST',
      url: '/widget/v1/conversations',
      payload: { widgetKey },
    });
    expect(started.statusCode, started.body).toBe(201);
    b = { ticket: ticketB, widgetToken: started.json().token };

    const conv = { id: a.conversation };
    attempts = {
      'GET /api/conversations/:id': [{ params: conv }],
      'HEAD /api/conversations/:id': [{ params: conv }],
      'PATCH /api/conversations/:id': [{ params: conv, payload: { status: 'resolved' } }],
      'GET /api/conversations/:id/export': [{ params: conv }, { params: conv, query: 'format=csv' }],
      'HEAD /api/conversations/:id/export': [{ params: conv }],
      'PUT /api/conversations/:id/draft': [{ params: conv, payload: { body: 'Hijacked' } }],
      'POST /api/conversations/:id/draft/send': [{ params: conv, payload: {} }],
      'DELETE /api/conversations/:id/draft': [{ params: conv }],
      'GET /api/tickets/:number': [{ params: { number: a.ticket } }],
      'HEAD /api/tickets/:number': [{ params: { number: a.ticket } }],
      'PATCH /api/tickets/:number': [
        { params: { number: a.ticket }, payload: { priority: 'urgent' } },
        { params: { number: a.ticket }, payload: { status: 'resolved' } },
      ],
      'DELETE /api/tickets/:number': [{ params: { number: a.ticket } }],
      'POST /api/tickets/:number/replies': [{ params: { number: a.ticket }, payload: { body: 'Hijacked' } }],
      'POST /api/tickets/:number/notes': [{ params: { number: a.ticket }, payload: { body: 'Hijacked' } }],
      'POST /api/tickets/:number/replies/:id/retry': [{ params: { number: a.ticket, id: a.reply } }],
      'PATCH /api/views/:id': [{ params: { id: a.view }, payload: { name: 'Hijacked' } }],
      'DELETE /api/views/:id': [{ params: { id: a.view } }],
      'GET /api/data-requests/:id/download': [{ params: { id: a.dataRequest } }],
      'HEAD /api/data-requests/:id/download': [{ params: { id: a.dataRequest } }],
      // The widget API, with B's conversation token on A's conversation.
      'GET /widget/v1/conversations/:id/messages': [{ params: conv }],
      'HEAD /widget/v1/conversations/:id/messages': [{ params: conv }],
      'POST /widget/v1/conversations/:id/messages': [{ params: conv, payload: { text: 'Hijacked' } }],
      'GET /widget/v1/conversations/:id/stream': [{ params: conv }],
      'HEAD /widget/v1/conversations/:id/stream': [{ params: conv }],
      'POST /widget/v1/conversations/:id/rating': [{ params: conv, payload: { rating: 'bad' } }],
    };
  });
  afterAll(() => t.close());

  const settled = async () => {
    await t.app.replyWorker.idle();
    // Ticket events are dispatched in the background (an outbox); their `dispatched` mark is not data.
    const { ticket_events: _events, ...rest } = await databaseFingerprint(t.db);
    return rest;
  };

  it("answers 404 on every route given another shop's object, and changes nothing", async () => {
    const before = await settled();
    const routes = routeInventory().filter(
      (r) => r.url.includes(':') && (r.url.startsWith('/api/') || r.url.startsWith('/widget/')),
    );
    expect(routes.length).toBeGreaterThan(20);
    const uncovered = routes.map((r) => `${r.method} ${r.url}`).filter((key) => !attempts[key]);
    expect(uncovered, 'routes naming an object with no cross-shop attempt here').toEqual([]);
    const failures: unknown[] = [];
    for (const route of routes) {
      const widget = route.url.startsWith('/widget/');
      for (const attempt of attempts[`${route.method} ${route.url}`]) {
        const url = fillPath(route.url, attempt.params) + (attempt.query ? `?${attempt.query}` : '');
        const res = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers: widget ? { authorization: `Bearer ${b.widgetToken}` } : { cookie: cookieB },
          ...(attempt.payload ? { payload: attempt.payload } : {}),
        });
        const code = route.method === 'HEAD' ? null : res.json()?.error?.code;
        const refused = widget
          ? [401, 404].includes(res.statusCode) &&
            (route.method === 'HEAD' || /^(unauthenticated|not_found)$/.test(code))
          : res.statusCode === 404 && (route.method === 'HEAD' || code === 'not_found');
        if (!refused)
          failures.push({ route: `${route.method} ${route.url}`, url, status: res.statusCode, code });
      }
    }
    expect(failures).toEqual([]);
    // B's own ticket with A's reply: the route answers 409 nothing_to_retry for any reply it cannot retry,
    // exactly as for an id that exists nowhere, so it reveals nothing about A's reply and retries nothing.
    const retry = (id: string) =>
      requestJson(t.app, cookieB, 'POST', `/api/tickets/${b.ticket}/replies/${id}/retry`);
    const foreign = await retry(a.reply);
    const unknown = await retry(VALID_LOOKING_ID);
    expect([foreign.status, foreign.body]).toEqual([unknown.status, unknown.body]);
    expect(foreign.status).toBe(409);
    expect(await settled()).toEqual(before);
    // Shop A still sees its own objects.
    expect((await requestJson(t.app, cookieA, 'GET', `/api/tickets/${a.ticket}`)).body.priority).not.toBe(
      'urgent',
    );
    expect((await requestJson(t.app, cookieA, 'GET', `/api/conversations/${a.conversation}`)).status).toBe(
      200,
    );
  });

  it("shows none of another shop's data on any route without an id", async () => {
    // Every GET under /api without a :param (lists, settings, exports, me), from the running app. The admin
    // event stream never ends, so it is left to admin-events.test.ts (shop-scoped events).
    const routes = routeInventory().filter(
      (r) =>
        r.method === 'GET' &&
        r.url.startsWith('/api/') &&
        !r.url.includes(':') &&
        !r.url.startsWith('/api/docs') &&
        r.url !== '/api/events',
    );
    expect(routes.length).toBeGreaterThan(10);
    const markers = [A_CUSTOMER.name, A_CUSTOMER.email, A_VIEW, 'Alpha Knitwear', a.conversation, a.view];
    const leaks: unknown[] = [];
    for (const route of routes) {
      const query = QUERIES[route.url] ?? '';
      const res = await t.app.inject({ url: `${route.url}${query}`, headers: { cookie: cookieB } });
      const shown = markers.filter((m) => res.body.includes(m));
      if (res.statusCode >= 400 || shown.length)
        leaks.push({ url: route.url, status: res.statusCode, shown });
    }
    expect(leaks).toEqual([]);
    // Shop A's own lists do show them (the markers are real).
    const own = await t.app.inject({ url: '/api/conversations', headers: { cookie: cookieA } });
    expect(own.body).toContain(A_CUSTOMER.email);
  });

  it("refuses another shop's ids in bodies and queries: creates, bulk actions, export selections", async () => {
    const before = await settled();
    const create = await requestJson(t.app, cookieB, 'POST', '/api/tickets', {
      conversationId: a.conversation,
    });
    expect({ status: create.status, code: create.body.error?.code }).toEqual({
      status: 404,
      code: 'not_found',
    });

    const bulk = await requestJson(t.app, cookieB, 'POST', '/api/conversations/bulk', {
      ids: [a.conversation],
      action: 'resolve',
    });
    expect(bulk.status).toBe(200);
    expect(bulk.body.results).toEqual([
      { id: a.conversation, ok: false, error: { code: 'not_found', message: expect.any(String) } },
    ]);
    for (const payload of [
      { numbers: [Number(a.ticket)], set: { priority: 'urgent' } },
      { numbers: [Number(a.ticket)], delete: true },
    ]) {
      const res = await requestJson(t.app, cookieB, 'POST', '/api/tickets/bulk', payload);
      expect(res.status).toBe(200);
      expect(res.body.results).toEqual([
        { number: Number(a.ticket), ok: false, error: { code: 'not_found', message: expect.any(String) } },
      ]);
    }

    const exported = await t.app.inject({
      url: `/api/conversations/export?format=ndjson&ids=${a.conversation}`,
      headers: { cookie: cookieB },
    });
    expect(exported.statusCode).toBe(200);
    expect(exported.body).not.toContain(a.conversation);

    const lists = ['/api/conversations', '/api/tickets', '/api/views?kind=tickets', '/api/data-requests'];
    for (const url of lists) {
      const res = await t.app.inject({ url, headers: { cookie: cookieB } });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 200 });
      for (const id of [a.conversation, a.view, a.dataRequest]) expect(res.body).not.toContain(id);
    }
    expect(await settled()).toEqual(before);
  });
});
