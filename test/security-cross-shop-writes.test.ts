import { isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ticketEvents } from '../src/db/schema/index.ts';
import { type CrossShopCases, crossShopCases } from './helpers/cross-shop-cases.ts';
import { type CrossShop, setUpCrossShop } from './helpers/cross-shop-setup.ts';
import { BODY_METHODS, routeInventory, shopFingerprint } from './helpers/route-inventory.ts';
import type { TestApp } from './helpers/test-app.ts';
import { until } from './helpers/until.ts';

// Every Fastify instance records its routes from the start (see recordingFastify).
vi.mock('fastify', async (original) =>
  (await import('./helpers/route-inventory.ts')).recordingFastify(await original()),
);

/**
 * Shop B's staff use every state-changing route that names no object (settings, notifications, channels,
 * AI, retention, views, bulk actions, me, sign-in), with bodies that carry shop A's ids, ticket numbers,
 * names and addresses where a body can carry one: each changes shop B only. Shop A's rows (everything with
 * its shop_id, its shops row, its sessions) and every table without a shop_id are fingerprinted before and
 * after each route. The routes come from the running app: a new one without a case here (in
 * helpers/cross-shop-cases.ts) fails the test. The two shops: helpers/cross-shop-setup.ts.
 */
describe('security: cross-shop writes on every route without an id', () => {
  let x: CrossShop;
  let t: TestApp;
  let shopA: string;
  let shopB: string;
  let cookieA: string;
  let cases: CrossShopCases;
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

  beforeAll(async () => {
    x = await setUpCrossShop();
    ({ t, shopA, shopB, cookieA } = x);
    aBefore = await viewOfA();
    cases = crossShopCases(x);
  });
  afterAll(() => x?.close());

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
