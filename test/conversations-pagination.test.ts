import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeCursor } from '../src/conversations/cursor.ts';
import type { Db } from '../src/db/client.ts';
import { conversations } from '../src/db/schema/index.ts';
import { login, newConversation, newShop } from './helpers/factories.ts';
import { listConversations, newestFirst, walkAllPages } from './helpers/http.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

const T0 = Date.parse('2025-02-01T00:00:00.000Z');

/** Many conversations in one insert; startedAt comes from `startedAt(i)`. */
async function insertMany(
  db: Db,
  shopId: string,
  count: number,
  startedAt: (i: number) => Date,
  channel: 'widget' | 'gmail' = 'widget',
) {
  const values = Array.from({ length: count }, (_, i) => ({
    shopId,
    channel,
    startedAt: startedAt(i),
    lastMessageAt: startedAt(i),
    preview: `row ${i}`,
  }));
  const inserted = await db
    .insert(conversations)
    .values(values)
    .returning({ id: conversations.id, startedAt: conversations.startedAt });
  return inserted;
}

describe('GET /api/conversations pagination', () => {
  let t: TestApp;
  let cookie: string;
  let shopId: string;
  let rows: Array<{ id: string; startedAt: Date }>;

  beforeAll(async () => {
    t = await createTestApp();
    const { shop, email } = await newShop(t.db);
    shopId = shop.id;
    cookie = await login(t.app, email);
  });
  afterAll(() => t.close());

  beforeEach(async () => {
    await t.db.delete(conversations);
    // 130 rows, one minute apart, with a run of 12 sharing one start time in the middle.
    rows = await insertMany(t.db, shopId, 130, (i) =>
      i >= 60 && i < 72 ? new Date(T0 + 60 * 60_000) : new Date(T0 + i * 60_000),
    );
  });

  it('answers 50 rows by default, with a cursor to the rest', async () => {
    const page = await listConversations(t.app, cookie);
    expect(page.items).toHaveLength(50);
    expect(page.items.map((i) => i.id)).toEqual(
      newestFirst(rows)
        .slice(0, 50)
        .map((r) => r.id),
    );
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('answers up to 100 rows when asked', async () => {
    const page = await listConversations(t.app, cookie, { limit: '100' });
    expect(page.items).toHaveLength(100);
    expect(page.items.map((i) => i.id)).toEqual(
      newestFirst(rows)
        .slice(0, 100)
        .map((r) => r.id),
    );
    expect(page.nextCursor).not.toBeNull();
    const rest = await listConversations(t.app, cookie, { limit: '100', cursor: page.nextCursor! });
    expect(rest.items.map((i) => i.id)).toEqual(
      newestFirst(rows)
        .slice(100)
        .map((r) => r.id),
    );
    expect(rest.nextCursor).toBeNull();
  });

  it('walks every row exactly once, in order, ending with a null cursor', async () => {
    for (const limit of [1, 7, 12, 50, 100]) {
      const { items, pages } = await walkAllPages(t.app, cookie, { limit: String(limit) });
      const ids = items.map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(newestFirst(rows).map((r) => r.id));
      expect(pages).toBe(Math.ceil(rows.length / limit));
    }
  });

  it('answers a null cursor on a last page that is exactly full', async () => {
    // 130 rows in pages of 65 and of 13: no empty trailing page.
    for (const limit of [65, 13]) {
      const { pages } = await walkAllPages(t.app, cookie, { limit: String(limit) });
      expect(pages).toBe(130 / limit);
    }
    const all = await listConversations(t.app, cookie, { limit: '100' });
    const last = await listConversations(t.app, cookie, { limit: '30', cursor: all.nextCursor! });
    expect(last.items).toHaveLength(30);
    expect(last.nextCursor).toBeNull();
  });

  it('pages through rows that share one start time, ordered by id', async () => {
    await t.db.delete(conversations);
    const same = new Date(T0);
    rows = await insertMany(t.db, shopId, 11, () => same);
    const { items } = await walkAllPages(t.app, cookie, { limit: '3' });
    expect(items.map((i) => i.id)).toEqual(
      rows
        .map((r) => r.id)
        .sort()
        .reverse(),
    );
    expect(items.every((i) => i.startedAt === same.toISOString())).toBe(true);
  });

  it('neither skips nor repeats rows when new conversations arrive while paging', async () => {
    const before = newestFirst(rows).map((r) => r.id);
    const arrived: string[] = [];
    const { items } = await walkAllPages(t.app, cookie, { limit: '9' }, async () => {
      // A customer starts a conversation right now, between two page requests.
      const c = await newConversation(t.db, shopId, { channel: 'widget' });
      arrived.push(c.id);
    });
    expect(arrived.length).toBeGreaterThan(10);
    const seen = items.map((i) => i.id);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((id) => before.includes(id))).toEqual(before);
    // The newcomers are all on the first page of a fresh listing.
    const fresh = await listConversations(t.app, cookie, { limit: String(arrived.length) });
    expect(new Set(fresh.items.map((i) => i.id))).toEqual(new Set(arrived));
  });

  it('keeps paging with filters applied on every page', async () => {
    await insertMany(t.db, shopId, 20, (i) => new Date(T0 + (i * 7 + 3) * 60_000), 'gmail');
    const { items } = await walkAllPages(t.app, cookie, { limit: '6', channel: 'gmail' });
    expect(items).toHaveLength(20);
    expect(items.every((i) => i.channel === 'gmail')).toBe(true);
    const { items: widgetItems } = await walkAllPages(t.app, cookie, { limit: '40', channel: 'widget' });
    expect(widgetItems.map((i) => i.id)).toEqual(newestFirst(rows).map((r) => r.id));
  });

  it('answers an empty last page, not an error, for a cursor past the oldest row', async () => {
    const oldest = newestFirst(rows).at(-1)!;
    const page = await listConversations(t.app, cookie, { cursor: encodeCursor(oldest) });
    expect(page).toEqual({ items: [], nextCursor: null });
  });
});
