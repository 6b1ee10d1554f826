import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createStaffUser } from '../src/auth/staff-users.ts';
import { shopifyDataRequests, shops, ticketEvents } from '../src/db/schema/index.ts';
import { login, newConversation, newShop, PASSWORD } from './helpers/factories.ts';
import { type Json, requestJson } from './helpers/http.ts';
import { BODY_METHODS, routeInventory, shopFingerprint } from './helpers/route-inventory.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';
import { startTrap, type Trap } from './helpers/trap-server.ts';
import { until } from './helpers/until.ts';

// Every Fastify instance records its routes from the start (see recordingFastify).
vi.mock('fastify', async (original) =>
  (await import('./helpers/route-inventory.ts')).recordingFastify(await original()),
);

// No real DNS: the AI base URLs below resolve to a public address that nothing here ever connects to.
const resolveHost = async (host: string) => {
  if (host.endsWith('.public.example')) return ['34.117.59.81'];
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
};

/** One step shop B takes; it asserts its own outcome. */
type Step = () => Promise<void>;

/**
 * Shop B's staff use every state-changing route that names no object (settings, notifications, channels,
 * AI, retention, views, bulk actions, me, sign-in), with bodies that carry shop A's ids, ticket numbers,
 * names and addresses where a body can carry one: each changes shop B only. Shop A's rows (everything with
 * its shop_id, its shops row, its sessions) and every table without a shop_id are fingerprinted before and
 * after each route. The routes come from the running app: a new one without a case here fails the test.
 */
describe('security: cross-shop writes on every route without an id', () => {
  let t: TestApp;
  let trap: Trap;
  let dataDir: string;
  let shopA: string;
  let shopB: string;
  let cookieA: string;
  let cookieB: string;
  let b2: { email: string; password: string };
  let a: { conversations: string[]; channel: string; view: string; address: string };
  let b: { conversation: string; channel: string };
  let cases: Record<string, { steps: Step[]; changesB: boolean }>;
  let aBefore: Record<string, unknown>;

  /** What shop A's staff see on its settings and lists (times that move on their own left out). */
  const viewOfA = async () => {
    const out: Record<string, unknown> = {};
    for (const url of [
      '/api/settings/ai',
      '/api/settings/ratings',
      '/api/settings/billing',
      '/api/settings/retention',
      '/api/settings/notifications',
      '/api/settings/channels',
      '/api/tickets/categories',
      '/api/tickets',
      '/api/views?kind=tickets',
      '/api/conversations',
      '/api/data-requests',
      '/api/me',
    ]) {
      const res = await t.app.inject({ url, headers: { cookie: cookieA } });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      const { nextPurgeAt: _moves, ...body } = res.json();
      out[url] = body;
    }
    return out;
  };

  const as = (cookie: string, method: 'POST' | 'PUT' | 'PATCH', url: string, payload?: Json) =>
    requestJson(t.app, cookie, method, url, payload);
  const ok = async (cookie: string, method: 'POST' | 'PUT' | 'PATCH', url: string, payload?: Json) => {
    const res = await as(cookie, method, url, payload);
    expect(res.status, `${method} ${url}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  };
  /** A request that must be refused with this status and code. */
  const refused = async (
    cookie: string,
    method: 'POST' | 'PUT',
    url: string,
    payload: Json,
    status: number,
    code: string,
  ) => {
    const res = await as(cookie, method, url, payload);
    expect({ url, payload, status: res.status, code: res.body?.error?.code }).toEqual({
      url,
      payload,
      status,
      code,
    });
  };

  beforeAll(async () => {
    trap = await startTrap(() => ({ status: 200, body: 'ok' }));
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'supportify-xshop-'));
    t = await createTestApp({
      config: { dataDir },
      app: { ai: { resolveHost }, notifications: { resolveHost, allowLoopbackWebhooks: true } },
    });
    const shopsMade = [await newShop(t.db, 'Alpha Knitwear'), await newShop(t.db, 'Beta Boutique')];
    shopA = shopsMade[0].shop.id;
    shopB = shopsMade[1].shop.id;
    cookieA = await login(t.app, shopsMade[0].email);
    cookieB = await login(t.app, shopsMade[1].email);
    const agent = await createStaffUser(t.db, {
      shopId: shopB,
      email: 'agent@beta.example',
      password: PASSWORD,
      name: 'Beta agent',
      role: 'agent',
    });
    b2 = { email: agent.email, password: PASSWORD };

    // Shop A: every kind of setting set, a custom category, an email channel, a view, three tickets.
    // Alerts off, so no background job touches A's rows while the test compares them.
    await ok(cookieA, 'PUT', '/api/settings/notifications', {
      slackWebhookUrl: `${trap.url}/services/TA/BA/alphaSecret`,
      emailRecipients: ['alerts@alpha.example'],
      notifyOn: { newTicket: false, urgent: false },
    });
    await ok(cookieA, 'PUT', '/api/settings/ai', {
      provider: 'openai-compatible',
      model: 'alpha-model',
      baseUrl: 'https://llm.public.example/v1',
      apiKey: 'sk-alpha-secret',
    });
    await ok(cookieA, 'PUT', '/api/settings/ratings', { enabled: false, escalateOnBadRating: false });
    await ok(cookieA, 'PUT', '/api/settings/billing', { monthlyAiReplyCap: 100 });
    await ok(cookieA, 'PUT', '/api/settings/retention', { days: 30 });
    await ok(cookieA, 'PATCH', '/api/me', { locale: 'nb' });
    await ok(cookieA, 'POST', '/api/tickets/categories', { name: 'Wholesale' });
    const channelsA = await ok(cookieA, 'POST', '/api/settings/channels/email', {
      name: 'Alpha support',
      inboundAddress: 'help@alpha.example',
    });
    const view = await ok(cookieA, 'POST', '/api/views', { kind: 'tickets', name: 'Urgent', filters: {} });
    const conversationsA = [];
    for (let i = 0; i < 5; i++) {
      const conversation = await newConversation(t.db, shopA, {});
      conversationsA.push(conversation.id);
      await ok(cookieA, 'POST', '/api/tickets', { conversationId: conversation.id, category: 'Wholesale' });
    }
    await ok(cookieA, 'POST', '/api/tickets/2/replies', { body: 'On its way' });
    await t.db.insert(shopifyDataRequests).values({
      shopId: shopA,
      customerEmail: 'ann@alpha.example',
      status: 'ready',
      document: '{}',
    });
    a = {
      conversations: conversationsA,
      channel: channelsA.channels.find((c: Json) => c.type === 'email').id,
      view: view.id,
      address: 'help@alpha.example',
    };

    // Shop B: two conversations with tickets #1 and #2 (A has #1–#5), an email channel.
    const conversationB = (await newConversation(t.db, shopB, {})).id;
    await ok(cookieB, 'POST', '/api/tickets', { conversationId: conversationB });
    await ok(cookieB, 'POST', '/api/tickets', {
      conversationId: (await newConversation(t.db, shopB, {})).id,
    });
    const channelsB = await ok(cookieB, 'POST', '/api/settings/channels/email', {
      name: 'Beta support',
      inboundAddress: 'help@beta.example',
    });
    b = { conversation: conversationB, channel: channelsB.channels.find((c: Json) => c.type === 'email').id };
    aBefore = await viewOfA();
    const [{ widgetKey: widgetKeyB }] = await t.db
      .select({ widgetKey: shops.widgetKey })
      .from(shops)
      .where(eq(shops.id, shopB));

    cases = {
      'POST /api/auth/login': {
        changesB: true,
        steps: [
          async () => {
            await login(t.app, b2.email, b2.password);
          },
        ],
      },
      'POST /api/auth/logout': {
        // Signs in and out again: B's sessions end as they began.
        changesB: false,
        steps: [
          async () => {
            const cookie = await login(t.app, b2.email, b2.password);
            const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
            expect(res.statusCode).toBe(204);
            expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
          },
        ],
      },
      'POST /api/auth/password': {
        changesB: true,
        steps: [
          async () => {
            const cookie = await login(t.app, b2.email, b2.password);
            const next = 'a brand new long password';
            await ok(cookie, 'POST', '/api/auth/password', {
              currentPassword: b2.password,
              newPassword: next,
            });
            b2.password = next;
          },
        ],
      },
      'PATCH /api/me': {
        changesB: true,
        steps: [async () => void (await ok(cookieB, 'PATCH', '/api/me', { locale: 'nb' }))],
      },
      'POST /api/conversations/bulk': {
        changesB: true,
        steps: [
          async () => {
            const res = await ok(cookieB, 'POST', '/api/conversations/bulk', {
              ids: [...a.conversations, b.conversation],
              action: 'resolve',
            });
            expect(res.results.map((r: Json) => [r.id, r.ok, r.error?.code])).toEqual([
              ...a.conversations.map((id) => [id, false, 'not_found']),
              [b.conversation, true, undefined],
            ]);
          },
        ],
      },
      'PUT /api/settings/channels': {
        changesB: true,
        steps: [
          // A's channel alone, and beside B's own: all or nothing, so nothing changes either time.
          () =>
            refused(
              cookieB,
              'PUT',
              '/api/settings/channels',
              { channels: [{ id: a.channel, mode: 'draft' }] },
              404,
              'not_found',
            ),
          () =>
            refused(
              cookieB,
              'PUT',
              '/api/settings/channels',
              {
                channels: [
                  { id: b.channel, mode: 'draft' },
                  { id: a.channel, mode: 'draft' },
                ],
              },
              404,
              'not_found',
            ),
          async () => {
            const res = await ok(cookieB, 'PUT', '/api/settings/channels', {
              channels: [{ id: b.channel, mode: 'draft' }],
            });
            expect(res.channels.map((c: Json) => c.id)).not.toContain(a.channel);
          },
        ],
      },
      'POST /api/settings/channels/email': {
        changesB: true,
        steps: [
          // Inbound addresses are global (mail is routed by them): A's is taken, in any case.
          () =>
            refused(
              cookieB,
              'POST',
              '/api/settings/channels/email',
              { name: 'Hijack', inboundAddress: a.address.toUpperCase() },
              409,
              'conflict',
            ),
          async () =>
            void (await ok(cookieB, 'POST', '/api/settings/channels/email', {
              name: 'Beta sales',
              inboundAddress: 'sales@beta.example',
            })),
        ],
      },
      'PUT /api/settings/ai': {
        changesB: true,
        steps: [
          async () =>
            void (await ok(cookieB, 'PUT', '/api/settings/ai', {
              provider: 'openai',
              model: 'beta-model',
              baseUrl: 'https://beta.public.example/v1',
              apiKey: 'sk-beta',
            })),
          // Removing "the" key removes B's own.
          async () =>
            void (await ok(cookieB, 'PUT', '/api/settings/ai', {
              provider: 'offline',
              model: 'supportify-offline-1',
              baseUrl: null,
              apiKey: '',
            })),
        ],
      },
      'PUT /api/settings/ratings': {
        changesB: true,
        steps: [
          async () =>
            void (await ok(cookieB, 'PUT', '/api/settings/ratings', {
              enabled: true,
              escalateOnBadRating: true,
            })),
          async () =>
            void (await ok(cookieB, 'PUT', '/api/settings/ratings', {
              enabled: false,
              escalateOnBadRating: true,
            })),
        ],
      },
      'PUT /api/settings/billing': {
        changesB: true,
        steps: [
          async () => void (await ok(cookieB, 'PUT', '/api/settings/billing', { monthlyAiReplyCap: 0 })),
        ],
      },
      'PUT /api/settings/retention': {
        changesB: true,
        steps: [async () => void (await ok(cookieB, 'PUT', '/api/settings/retention', { days: 7 }))],
      },
      'PUT /api/settings/notifications': {
        changesB: true,
        steps: [
          async () =>
            void (await ok(cookieB, 'PUT', '/api/settings/notifications', {
              slackWebhookUrl: `${trap.url}/services/TB/BB/betaSecret`,
              emailRecipients: ['alerts@alpha.example', 'ops@beta.example'],
              notifyOn: { newTicket: true, urgent: true },
            })),
          // Clearing clears B's own webhook.
          async () =>
            void (await ok(cookieB, 'PUT', '/api/settings/notifications', { slackWebhookUrl: null })),
        ],
      },
      'POST /api/settings/notifications/test': {
        changesB: true,
        steps: [
          async () => {
            await ok(cookieB, 'PUT', '/api/settings/notifications', {
              slackWebhookUrl: `${trap.url}/services/TB/BB/betaSecret`,
            });
            const before = trap.requests.length;
            const res = await ok(cookieB, 'POST', '/api/settings/notifications/test');
            expect(res.slack).toEqual({ ok: true });
            // B's webhook was called, never A's.
            expect(trap.requests.slice(before).map((r) => r.path)).toEqual(['/services/TB/BB/betaSecret']);
          },
        ],
      },
      'POST /api/tickets': {
        changesB: true,
        steps: [
          () =>
            refused(
              cookieB,
              'POST',
              '/api/tickets',
              { conversationId: a.conversations[1] },
              404,
              'not_found',
            ),
          // A's custom category is not B's.
          () =>
            refused(
              cookieB,
              'POST',
              '/api/tickets',
              { conversationId: b.conversation, category: 'Wholesale' },
              400,
              'invalid_category',
            ),
          async () => {
            const other = (await newConversation(t.db, shopB, {})).id;
            const res = await ok(cookieB, 'POST', '/api/tickets', { conversationId: other });
            // Numbers are per shop: B's third ticket is #3 although A has #1–#5.
            expect(res.number).toBe(3);
          },
        ],
      },
      'POST /api/tickets/categories': {
        changesB: true,
        steps: [
          async () => {
            const res = await ok(cookieB, 'POST', '/api/tickets/categories', { name: 'Wholesale' });
            expect(res.categories).toContain('Wholesale');
          },
        ],
      },
      'POST /api/tickets/bulk': {
        changesB: true,
        steps: [
          async () => {
            // #1 and #2 are B's (and A's); #5 exists in A only.
            const res = await ok(cookieB, 'POST', '/api/tickets/bulk', {
              numbers: [1, 2, 5],
              set: { priority: 'urgent', status: 'open', category: 'Billing' },
            });
            expect(res.results.map((r: Json) => [r.number, r.ok, r.error?.code])).toEqual([
              [1, true, undefined],
              [2, true, undefined],
              [5, false, 'not_found'],
            ]);
          },
          async () => {
            const res = await ok(cookieB, 'POST', '/api/tickets/bulk', { numbers: [5, 4], delete: true });
            expect(res.results.map((r: Json) => [r.number, r.ok, r.error?.code])).toEqual([
              [5, false, 'not_found'],
              [4, false, 'not_found'],
            ]);
          },
          async () => {
            const res = await ok(cookieB, 'POST', '/api/tickets/bulk', { numbers: [2], delete: true });
            expect(res.results).toEqual([{ number: 2, ok: true, changed: true }]);
          },
        ],
      },
      'POST /api/views': {
        changesB: true,
        steps: [
          // A view of the same name as A's is B's own (names are unique per shop).
          async () =>
            void (await ok(cookieB, 'POST', '/api/views', {
              kind: 'tickets',
              name: 'Urgent',
              filters: { status: 'open' },
            })),
        ],
      },
      'POST /widget/v1/conversations': {
        changesB: true,
        steps: [
          async () => {
            const res = await t.app.inject({
              method: 'POST',
              url: '/widget/v1/conversations',
              payload: {
                widgetKey: widgetKeyB,
                customer: { name: 'Zebulon', email: 'zebulon@alpha.example' },
              },
            });
            expect(res.statusCode, res.body).toBe(201);
          },
        ],
      },
    };
  });
  afterAll(async () => {
    await t?.close();
    await trap?.close();
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  /** Nothing running: replies done, every ticket event dispatched (its dispatched_at is not B's doing). */
  const settled = async () => {
    await t.app.replyWorker.idle();
    await until(
      async () =>
        (await t.db.select().from(ticketEvents).where(isNull(ticketEvents.dispatchedAt))).length === 0,
      'ticket events dispatched',
    );
  };

  it("changes only shop B's rows on every state-changing route without an id", async () => {
    const routes = routeInventory().filter(
      (r) =>
        BODY_METHODS.has(r.method) &&
        !r.url.includes(':') &&
        (r.url.startsWith('/api/') || r.url.startsWith('/widget/')),
    );
    expect(routes.length).toBeGreaterThan(15);
    const keys = routes.map((r) => `${r.method} ${r.url}`);
    const uncovered = keys.filter((key) => !cases[key]);
    expect(uncovered, 'state-changing routes without an id that have no cross-shop case here').toEqual([]);
    const stale = Object.keys(cases).filter((key) => !keys.includes(key));
    expect(stale, 'cases for routes the app no longer has').toEqual([]);

    const changedA: unknown[] = [];
    const unchangedB: string[] = [];
    for (const key of keys) {
      await settled();
      const beforeA = await shopFingerprint(t.db, shopA);
      const beforeB = await shopFingerprint(t.db, shopB);
      for (const step of cases[key].steps) await step();
      await settled();
      const afterA = await shopFingerprint(t.db, shopA);
      const diff = Object.keys(afterA).filter((table) => afterA[table] !== beforeA[table]);
      if (diff.length) changedA.push({ route: key, tables: diff });
      const afterB = await shopFingerprint(t.db, shopB);
      if (cases[key].changesB && JSON.stringify(afterB) === JSON.stringify(beforeB)) unchangedB.push(key);
    }
    expect(changedA).toEqual([]);
    // Each write really happened (in B), so "A unchanged" is not "nothing happened".
    expect(unchangedB).toEqual([]);
  });

  it("shows shop A's settings and objects through A's own session exactly as before", async () => {
    expect(await viewOfA()).toEqual(aBefore);
  });
});
