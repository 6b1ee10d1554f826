// Bulk actions on the Conversations list: resolve / reopen many at once (one result per id, other shops'
// ids not found and untouched, the same live events as one change) and the export of selected ids.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationEvent, ShopEvent } from '../src/realtime/bus.ts';
import { parseNdjson } from './helpers/export-expected.ts';
import { login, newConversation, newShop } from './helpers/factories.ts';
import { expectError, getDetail, listIds, patchConversation } from './helpers/http.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

describe('bulk conversation actions', () => {
  let t: TestApp;
  let cookieA: string;
  let cookieB: string;
  let shopA: string;
  let shopB: string;
  const events: ShopEvent[] = [];
  const statusEvents = () =>
    events
      .filter((e): e is Extract<ConversationEvent, { type: 'status' }> => e.type === 'status')
      .map((e) => [e.shopId, e.conversationId, e.status]);

  const bulk = (payload: unknown, cookie = cookieA) =>
    t.app.inject({
      method: 'POST',
      url: '/api/conversations/bulk',
      payload: payload as object,
      headers: { cookie },
    });
  const statusOf = async (id: string, cookie = cookieA) => (await getDetail(t.app, cookie, id)).status;
  const conversation = async (shopId: string, name: string, spec = {}) =>
    (await newConversation(t.db, shopId, { customer: { name }, ...spec })).id;

  beforeAll(async () => {
    t = await createTestApp();
    const a = await newShop(t.db, 'Shop A');
    const b = await newShop(t.db, 'Shop B');
    shopA = a.shop.id;
    shopB = b.shop.id;
    cookieA = await login(t.app, a.email);
    cookieB = await login(t.app, b.email);
    for (const shopId of [shopA, shopB]) t.app.bus.subscribeShop(shopId, (e) => events.push(e));
  });
  afterAll(() => t?.close());

  it('resolves the selected conversations, reports unknown and other shops’ ids as not found', async () => {
    const ada = await conversation(shopA, 'Ada');
    const bo = await conversation(shopA, 'Bo');
    const cy = await conversation(shopA, 'Cy', { hasDraft: true });
    const done = await conversation(shopA, 'Done', { status: 'resolved' });
    const theirs = await conversation(shopB, 'Theirs');
    const unknown = randomUUID();
    events.length = 0;

    const res = await bulk({ ids: [ada, bo, cy, done, theirs, unknown, ada], action: 'resolve' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results).toEqual([
      { id: ada, ok: true, status: 'resolved' },
      { id: bo, ok: true, status: 'resolved' },
      { id: cy, ok: true, status: 'resolved' },
      { id: done, ok: true, status: 'resolved' },
      { id: theirs, ok: false, error: { code: 'not_found', message: expect.any(String) } },
      { id: unknown, ok: false, error: { code: 'not_found', message: expect.any(String) } },
    ]);
    expect(await listIds(t.app, cookieA, { status: 'resolved' })).toEqual(
      expect.arrayContaining([ada, bo, cy, done]),
    );
    expect(await statusOf(theirs, cookieB)).toBe('unresolved');
    // One event per conversation that changed, like a single change; none for the already resolved one.
    expect(statusEvents()).toEqual([
      [shopA, ada, 'resolved'],
      [shopA, bo, 'resolved'],
      [shopA, cy, 'resolved'],
    ]);
  });

  it('reopens them: a conversation with a draft waiting goes back to Draft', async () => {
    const ada = await conversation(shopA, 'Ada', { status: 'resolved' });
    const drafted = await conversation(shopA, 'Drafted', { hasDraft: true });
    await bulk({ ids: [drafted], action: 'resolve' });
    events.length = 0;

    const res = await bulk({ ids: [ada, drafted], action: 'reopen' });
    expect(res.json().results).toEqual([
      { id: ada, ok: true, status: 'unresolved' },
      { id: drafted, ok: true, status: 'draft' },
    ]);
    expect([await statusOf(ada), await statusOf(drafted)]).toEqual(['unresolved', 'draft']);
    expect(statusEvents()).toEqual([
      [shopA, ada, 'unresolved'],
      [shopA, drafted, 'draft'],
    ]);
  });

  it('announces a single status change the same way', async () => {
    const one = await conversation(shopA, 'One');
    events.length = 0;
    const res = await patchConversation(t.app, cookieA, one, { status: 'resolved' });
    expect(res.json()).toEqual({ id: one, status: 'resolved' });
    expect(statusEvents()).toEqual([[shopA, one, 'resolved']]);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const id = await conversation(shopA, 'Untouched');
    const tooMany = Array.from({ length: 501 }, () => randomUUID());
    for (const payload of [
      {},
      { ids: [], action: 'resolve' },
      { ids: [id] },
      { ids: [id], action: 'delete' },
      { ids: [id, 'not-a-uuid'], action: 'resolve' },
      { ids: id, action: 'resolve' },
      { ids: [...tooMany, id], action: 'resolve' },
      { ids: [id], action: 'resolve', status: 'resolved' },
    ]) {
      expectError(await bulk(payload), 400, 'invalid_request');
    }
    expect(await statusOf(id)).toBe('unresolved');
    expectError(await bulk({ ids: [id], action: 'resolve' }, ''), 401, 'unauthenticated');
    expect(await statusOf(id)).toBe('unresolved');
  });
});

describe('export of selected conversations (ids)', () => {
  let t: TestApp;
  let cookie: string;
  let ours: string[];
  let theirs: string;

  const exportRes = (query: Record<string, string>) =>
    t.app.inject({ url: '/api/conversations/export', query, headers: { cookie } });
  const exportedIds = async (query: Record<string, string>) => {
    const res = await exportRes(query);
    expect(res.statusCode, res.body).toBe(200);
    return parseNdjson(res.body).map((c: { id: string }) => c.id);
  };

  beforeAll(async () => {
    t = await createTestApp();
    const a = await newShop(t.db, 'Shop A');
    const b = await newShop(t.db, 'Shop B');
    cookie = await login(t.app, a.email);
    ours = [];
    for (let i = 0; i < 4; i++) {
      const c = await newConversation(t.db, a.shop.id, {
        status: i % 2 === 0 ? 'resolved' : 'unresolved',
        customer: { name: `Customer ${i}` },
        startedAt: new Date(Date.now() - (4 - i) * 60_000),
      });
      ours.push(c.id);
    }
    theirs = (await newConversation(t.db, b.shop.id)).id;
  });
  afterAll(() => t?.close());

  it('exports exactly the chosen conversations, newest first, never another shop’s', async () => {
    const [c0, c1, , c3] = ours;
    expect(await exportedIds({ ids: [c0, c3, c1].join(',') })).toEqual([c3, c1, c0]);
    expect(await exportedIds({ ids: `${c0.toUpperCase()}, ${theirs}` })).toEqual([c0]);
    expect(await exportedIds({ ids: theirs })).toEqual([]);
    // With the list's filters, both apply.
    expect(await exportedIds({ ids: [c0, c1, c3].join(','), status: 'resolved' })).toEqual([c0]);
    const csv = await exportRes({ ids: c1, format: 'csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain(c1);
    expect(csv.body).not.toContain(c0);
  });

  it('refuses malformed or too many ids with 400', async () => {
    const many = Array.from({ length: 301 }, () => randomUUID()).join(',');
    for (const ids of ['', ',', 'nope', `${ours[0]},nope`, many]) {
      expectError(await exportRes({ ids }), 400, 'invalid_request');
    }
    const exactly300 = [ours[0], ...Array.from({ length: 299 }, () => randomUUID())].join(',');
    expect(await exportedIds({ ids: exactly300 })).toEqual([ours[0]]);
    // Over real HTTP too: 300 ids fit in the request head (500 would be refused by Node with 431).
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch(`${address}/api/conversations/export?ids=${exactly300}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(ours[0]);
  });
});
