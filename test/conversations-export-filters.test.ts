// The export's filters select exactly what the list shows; `expiresWithinDays` on both, at its boundary,
// with the default and a shop's own retention period; `expiresAt` on list items and the detail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveSettingsSection } from '../src/settings/shop-settings.ts';
import { parseNdjson } from './helpers/export-expected.ts';
import { login, newConversation, newShop } from './helpers/factories.ts';
import { getDetail, walkAllPages } from './helpers/http.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

const DAY_MS = 86_400_000;
const NOW = Date.now();
const daysAgo = (days: number) => new Date(NOW - days * DAY_MS);

// Ages in days around the boundaries: 90-day retention and 7 days ahead = 83 days; 30-day retention = 23.
const AGES = {
  fresh: 1,
  day22: 22.9,
  day23: 23.1,
  day82: 82.9,
  day83: 83.1,
  day89: 89.5,
  overdue: 91,
} as const;
type Key = keyof typeof AGES;

describe('export filters = list filters; expiresWithinDays', () => {
  let t: TestApp;
  let shopId: string;
  let cookie: string;
  const ids = {} as Record<Key, string>;
  const nameOf = new Map<string, Key>();

  beforeAll(async () => {
    t = await createTestApp();
    const shop = await newShop(t.db);
    shopId = shop.shop.id;
    cookie = await login(t.app, shop.email);
    const keys = Object.keys(AGES) as Key[];
    for (const [i, key] of keys.entries()) {
      const c = await newConversation(t.db, shopId, {
        startedAt: daysAgo(AGES[key]),
        status: i % 2 === 0 ? 'resolved' : 'unresolved',
        channel: i % 3 === 0 ? 'gmail' : 'widget',
        customer: { name: `Customer ${key}`, email: `${key}@example.com` },
        messages: [{ role: 'customer', text: i % 2 === 0 ? 'Where is my parcel?' : 'I want a refund' }],
      });
      ids[key] = c.id;
      nameOf.set(c.id, key);
    }
  });
  afterAll(() => t?.close());

  const listed = async (query: Record<string, string>) =>
    (await walkAllPages(t.app, cookie, { ...query, limit: '2' })).items.map((i) => i.id);
  const exported = async (query: Record<string, string>, format = 'ndjson') => {
    const res = await t.app.inject({
      url: '/api/conversations/export',
      query: { ...query, format },
      headers: { cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.body;
  };
  const exportedIds = async (query: Record<string, string>) =>
    parseNdjson(await exported(query)).map((c: { id: string }) => c.id);
  const names = (list: string[]) => list.map((id) => nameOf.get(id));

  it('exports exactly the conversations the list shows, in its order, for every filter', async () => {
    const queries: Array<Record<string, string>> = [
      {},
      { status: 'resolved' },
      { status: 'unresolved' },
      { channel: 'gmail' },
      { q: 'refund' },
      { q: 'parcel', status: 'resolved' },
      { q: 'Customer day8' },
      { q: 'overdue@example.com' },
      { q: 'nothing-matches-this' },
      { expiresWithinDays: '7' },
      { expiresWithinDays: '7', status: 'unresolved' },
      { expiresWithinDays: '90' },
      { expiresWithinDays: '1', channel: 'gmail' },
    ];
    for (const query of queries) {
      const list = await listed(query);
      expect({ query, exported: names(await exportedIds(query)) }).toEqual({ query, exported: names(list) });
      // CSV holds the same conversations.
      const csvIds = [
        ...new Set(
          (await exported(query, 'csv'))
            .split('\n')
            .slice(1)
            .filter(Boolean)
            .map((line) => line.slice(0, 36)),
        ),
      ];
      expect({ query, csv: names(csvIds) }).toEqual({ query, csv: names(list) });
    }
    // The filters did select something different each.
    expect(names(await listed({ q: 'refund' }))).toEqual(['day22', 'day82', 'day89']);
  });

  it('expiresWithinDays=7 with the default 90 days: started more than 83 days ago', async () => {
    expect(names(await listed({ expiresWithinDays: '7' }))).toEqual(['day83', 'day89', 'overdue']);
    expect(names(await exportedIds({ expiresWithinDays: '7' }))).toEqual(['day83', 'day89', 'overdue']);
    // 90 days ahead is everything; 1 day ahead: started more than 89 days ago.
    expect((await listed({ expiresWithinDays: '90' })).length).toBe(Object.keys(AGES).length);
    expect(names(await listed({ expiresWithinDays: '1' }))).toEqual(['day89', 'overdue']);
  });

  it("uses the shop's own retention period, for the filter and for expiresAt", async () => {
    await saveSettingsSection(t.db, shopId, 'retention', { days: 30 });
    try {
      expect(names(await listed({ expiresWithinDays: '7' }))).toEqual([
        'day23',
        'day82',
        'day83',
        'day89',
        'overdue',
      ]);
      expect(names(await exportedIds({ expiresWithinDays: '7' }))).toEqual([
        'day23',
        'day82',
        'day83',
        'day89',
        'overdue',
      ]);
      // Beyond the retention period: every conversation.
      expect((await exportedIds({ expiresWithinDays: '45' })).length).toBe(Object.keys(AGES).length);
      const { items } = await walkAllPages(t.app, cookie, {});
      for (const item of items) {
        expect(item.expiresAt).toBe(new Date(Date.parse(item.startedAt) + 30 * DAY_MS).toISOString());
      }
      const detail = await getDetail(t.app, cookie, ids.fresh);
      expect(detail.expiresAt).toBe(daysAgo(AGES.fresh - 30).toISOString());
      const [line] = parseNdjson(await exported({ q: 'fresh@example.com' }));
      expect(line.expiresAt).toBe(detail.expiresAt);
    } finally {
      await saveSettingsSection(t.db, shopId, 'retention', { days: 90 });
    }
  });

  it('gives expiresAt (started + 90 days by default) on list items and the detail', async () => {
    const { items } = await walkAllPages(t.app, cookie, {});
    expect(items.length).toBe(Object.keys(AGES).length);
    for (const item of items) {
      expect(item.expiresAt).toBe(new Date(Date.parse(item.startedAt) + 90 * DAY_MS).toISOString());
    }
    const detail = await getDetail(t.app, cookie, ids.day83);
    expect(detail.expiresAt).toBe(daysAgo(AGES.day83 - 90).toISOString());
  });

  it('refuses expiresWithinDays outside 1..90 on the list too', async () => {
    for (const value of ['0', '91', '-1', '2.5', 'week', '']) {
      const res = await t.app.inject({
        url: '/api/conversations',
        query: { expiresWithinDays: value },
        headers: { cookie },
      });
      expect({ value, status: res.statusCode, code: res.json().error?.code }).toEqual({
        value,
        status: 400,
        code: 'invalid_request',
      });
    }
  });
});
