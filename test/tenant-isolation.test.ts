import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, newConversation, newShop } from './helpers/factories.ts';
import { expectError, getDetail, listIds, patchConversation, walkAllPages } from './helpers/http.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

describe('tenant isolation between two shops', () => {
  let t: TestApp;
  let cookieA: string;
  let cookieB: string;
  let aIds: string[];
  let bResolved: string;
  let bUnresolved: string;

  beforeAll(async () => {
    t = await createTestApp();
    const a = await newShop(t.db, 'Shop A');
    const b = await newShop(t.db, 'Shop B');
    cookieA = await login(t.app, a.email);
    cookieB = await login(t.app, b.email);
    // The same customer email in both shops, and a word only shop B's messages contain.
    const shared = { name: 'Shared Customer', email: 'shared@example.com' };
    aIds = [
      (
        await newConversation(t.db, a.shop.id, {
          customer: shared,
          messages: [{ role: 'customer', text: 'A1' }],
        })
      ).id,
      (
        await newConversation(t.db, a.shop.id, {
          channel: 'gmail',
          hasDraft: true,
          messages: [{ role: 'customer', text: 'Refund' }],
        })
      ).id,
    ];
    bUnresolved = (
      await newConversation(t.db, b.shop.id, {
        customer: shared,
        messages: [{ role: 'customer', text: 'Secret xylophone order' }],
      })
    ).id;
    bResolved = (
      await newConversation(t.db, b.shop.id, {
        status: 'resolved',
        channel: 'gmail',
        hasDraft: true,
        customer: { name: 'Bjørn Only-in-B', email: 'bjorn@b.example' },
        messages: [{ role: 'customer', text: 'Refund xylophone' }],
      })
    ).id;
  });
  afterAll(() => t.close());

  it("answers 404 for another shop's conversation", async () => {
    const res = await t.app.inject({
      url: `/api/conversations/${bUnresolved}`,
      headers: { cookie: cookieA },
    });
    expectError(res, 404, 'not_found');
    // Shop B's own staff can open it.
    expect((await getDetail(t.app, cookieB, bUnresolved)).id).toBe(bUnresolved);
  });

  it("cannot change another shop's conversation", async () => {
    expectError(
      await patchConversation(t.app, cookieA, bUnresolved, { status: 'resolved' }),
      404,
      'not_found',
    );
    expectError(
      await patchConversation(t.app, cookieA, bResolved, { status: 'unresolved' }),
      404,
      'not_found',
    );
    expect((await getDetail(t.app, cookieB, bUnresolved)).status).toBe('unresolved');
    expect((await getDetail(t.app, cookieB, bResolved)).status).toBe('resolved');
  });

  it('answers 404 for a random UUID and for ids that are not UUIDs', async () => {
    for (const id of [randomUUID(), 'abc', '1', 'null', "x'or'1'='1", encodeURIComponent('../me')]) {
      const res = await t.app.inject({ url: `/api/conversations/${id}`, headers: { cookie: cookieA } });
      expectError(res, 404, 'not_found');
      expectError(await patchConversation(t.app, cookieA, id, { status: 'resolved' }), 404, 'not_found');
    }
  });

  it("never lists another shop's conversations, with or without filters", async () => {
    const queries: Array<Record<string, string>> = [
      {},
      { status: 'unresolved' },
      { status: 'resolved' },
      { status: 'draft' },
      { channel: 'widget' },
      { channel: 'gmail' },
      { hasDrafts: 'true' },
      { channel: 'gmail', hasDrafts: 'true', status: 'resolved' },
    ];
    for (const query of queries) {
      const ids = await listIds(t.app, cookieA, query);
      expect({ query, leaked: ids.filter((id) => id === bResolved || id === bUnresolved) }).toEqual({
        query,
        leaked: [],
      });
    }
    const { items } = await walkAllPages(t.app, cookieA, { limit: '1' });
    expect(new Set(items.map((i) => i.id))).toEqual(new Set(aIds));
  });

  it("never finds another shop's conversations by search", async () => {
    expect(await listIds(t.app, cookieA, { q: 'xylophone' })).toEqual([]);
    expect(await listIds(t.app, cookieA, { q: 'xylo' })).toEqual([]);
    expect(await listIds(t.app, cookieA, { q: 'Bjørn' })).toEqual([]);
    expect(await listIds(t.app, cookieA, { q: 'bjorn@b.example' })).toEqual([]);
    // The shared email finds only this shop's conversation.
    expect(await listIds(t.app, cookieA, { q: 'shared@example.com' })).toEqual([aIds[0]]);
    expect(await listIds(t.app, cookieA, { q: 'refund' })).toEqual([aIds[1]]);
    // Shop B does find its own.
    expect(await listIds(t.app, cookieB, { q: 'xylophone' })).toHaveLength(2);
    expect(await listIds(t.app, cookieB, { q: 'shared@example.com' })).toEqual([bUnresolved]);
  });

  it('shows each shop its own customer record for the same email', async () => {
    const renamed = await newConversation(t.db, (await getMe(cookieB)).shop.id, {
      customer: { name: 'Renamed In B', email: 'shared@example.com' },
    });
    expect(renamed.id).toBeTruthy();
    const a = await getDetail(t.app, cookieA, aIds[0]);
    expect(a.customer).toEqual({ name: 'Shared Customer', email: 'shared@example.com' });
  });

  it('GET /api/me answers the signed-in shop', async () => {
    expect((await getMe(cookieA)).shop.name).toBe('Shop A');
    expect((await getMe(cookieB)).shop.name).toBe('Shop B');
  });

  async function getMe(cookie: string) {
    const res = await t.app.inject({ url: '/api/me', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    return res.json() as { shop: { id: string; name: string } };
  }
});
