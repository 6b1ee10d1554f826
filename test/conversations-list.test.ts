import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_TYPES, CONVERSATION_STATUSES } from '../src/db/schema/index.ts';
import { type ConversationSpec, login, newConversation, newShop } from './helpers/factories.ts';
import { getDetail, listConversations, listIds, newestFirst } from './helpers/http.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

const T0 = Date.parse('2025-03-01T09:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

const lookupOrder = {
  type: 'tool-call' as const,
  toolCallId: 'call_1',
  toolName: 'lookupOrder',
  input: { orderNumber: '#1001' },
};
const lookupOrderResult = {
  type: 'tool-result' as const,
  toolCallId: 'call_1',
  toolName: 'lookupOrder',
  output: { fulfillmentStatus: 'shipped' },
};

// A small shop whose every row is known: channel, status, draft flag, start time.
const SPECS = {
  w1: {
    channel: 'widget',
    customer: { name: 'Ingrid Johansen', email: 'ingrid.johansen@example.com' },
    startedAt: at(1),
    messages: [
      { role: 'customer', text: 'I want a refund for my order' },
      { role: 'ai', text: 'Sure, I can help with that.' },
    ],
  },
  w2: {
    channel: 'widget',
    status: 'resolved',
    customer: { name: 'Ola Nordmann', email: 'ola@example.com' },
    startedAt: at(2),
    messages: [
      { role: 'customer', text: 'Har dere blåbærsyltetøy?' },
      { role: 'ai', text: 'Ja, vi har det.' },
    ],
  },
  g1: {
    channel: 'gmail',
    hasDraft: true,
    customer: { name: 'Kari Traa', email: 'kari@example.com' },
    startedAt: at(3),
    messages: [{ role: 'customer', text: 'Where is my parcel?' }],
  },
  g2: {
    channel: 'gmail',
    customer: { email: 'per@example.com' },
    startedAt: at(4),
    messages: [
      { role: 'customer', text: 'Refund please' },
      { role: 'ai', parts: [lookupOrder] },
    ],
  },
  o1: {
    channel: 'outlook',
    status: 'resolved',
    customer: { name: 'Nils Nilsen' },
    startedAt: at(5),
    messages: [
      { role: 'customer', text: 'Thanks!' },
      { role: 'staff', text: "You're welcome" },
    ],
  },
  e1: {
    channel: 'email',
    hasDraft: true,
    customer: { email: 'invoice@example.com' },
    startedAt: at(6),
    messages: [{ role: 'customer', text: 'I need an invoice' }],
  },
  // Resolved by staff while an AI draft was still waiting.
  e2: {
    channel: 'email',
    status: 'resolved',
    hasDraft: true,
    customer: { email: 'late@example.com' },
    startedAt: at(7),
    messages: [{ role: 'customer', text: 'Never mind' }],
  },
  a1: { channel: 'api', startedAt: at(8), messages: [{ role: 'customer', text: 'Ping from the API' }] },
  // Same start as a1: the tie is broken by id.
  w3: {
    channel: 'widget',
    customer: { name: 'Sam Lee', email: 'sam@example.com' },
    startedAt: at(8),
    messages: [
      { role: 'customer', text: 'Where is order #1001?' },
      { role: 'ai', parts: [lookupOrder] },
      { role: 'ai', parts: [lookupOrderResult] },
      { role: 'ai', text: 'Your order has shipped' },
    ],
  },
  o2: {
    channel: 'outlook',
    hasDraft: true,
    customer: { name: 'Berit', email: 'berit@example.com' },
    startedAt: at(9),
    messages: [{ role: 'customer', text: 'Can I change my address?' }],
  },
} satisfies Record<string, ConversationSpec>;

type Key = keyof typeof SPECS;
type Row = { key: Key; id: string; status: string; channel: string; hasDraft: boolean; startedAt: Date };

describe('GET /api/conversations filters', () => {
  let t: TestApp;
  let cookie: string;
  const rows = new Map<Key, Row>();
  const idOf = (k: Key) => rows.get(k)!.id;
  /** The ids of the given rows in the listing's order (newest first, ties by id desc). */
  const expected = (...keys: Key[]) => newestFirst(keys.map((k) => rows.get(k)!)).map((r) => r.id);
  const all = () => [...rows.values()];

  beforeAll(async () => {
    t = await createTestApp();
    const { shop, email } = await newShop(t.db);
    cookie = await login(t.app, email);
    for (const [key, spec] of Object.entries(SPECS) as [Key, ConversationSpec][]) {
      const c = await newConversation(t.db, shop.id, spec);
      rows.set(key, {
        key,
        id: c.id,
        status: spec.status ?? (spec.hasDraft ? 'draft' : 'unresolved'),
        channel: spec.channel ?? 'widget',
        hasDraft: spec.hasDraft ?? false,
        startedAt: spec.startedAt!,
      });
    }
  });
  afterAll(() => t.close());

  it('lists every conversation newest first, ties broken by id descending', async () => {
    const ids = await listIds(t.app, cookie);
    expect(ids).toEqual(expected(...(Object.keys(SPECS) as Key[])));
    expect(ids[0]).toBe(idOf('o2'));
    expect(ids.at(-1)).toBe(idOf('w1'));
    // a1 and w3 started in the same millisecond: the larger id comes first.
    const [first, second] = [idOf('a1'), idOf('w3')].sort().reverse();
    expect(ids.indexOf(first)).toBe(ids.indexOf(second) - 1);
  });

  it('answers exactly the documented item shape', async () => {
    const page = await listConversations(t.app, cookie);
    expect(Object.keys(page).sort()).toEqual(['items', 'nextCursor']);
    expect(page.nextCursor).toBeNull();
    const item = page.items.find((i) => i.id === idOf('w3'))!;
    const detail = await getDetail(t.app, cookie, idOf('w3'));
    expect(item).toStrictEqual({
      id: idOf('w3'),
      status: 'unresolved',
      customer: { name: 'Sam Lee', email: 'sam@example.com' },
      channel: 'widget',
      startedAt: '2025-03-01T09:08:00.000Z',
      lastMessageAt: detail.messages.at(-1).createdAt,
      // The default retention: 90 days after the start.
      expiresAt: '2025-05-30T09:08:00.000Z',
      preview: 'Your order has shipped',
      hasDraft: false,
    });
    for (const i of page.items) {
      expect(Object.keys(i).sort()).toEqual([
        'channel',
        'customer',
        'expiresAt',
        'hasDraft',
        'id',
        'lastMessageAt',
        'preview',
        'startedAt',
        'status',
      ]);
      expect(new Date(i.startedAt).toISOString()).toBe(i.startedAt);
      expect(new Date(i.lastMessageAt).toISOString()).toBe(i.lastMessageAt);
    }
  });

  it('shows the customer name and email, with nulls for what is unknown', async () => {
    const items = new Map((await listConversations(t.app, cookie)).items.map((i) => [i.id, i]));
    expect(items.get(idOf('w1'))!.customer).toEqual({
      name: 'Ingrid Johansen',
      email: 'ingrid.johansen@example.com',
    });
    expect(items.get(idOf('g2'))!.customer).toEqual({ name: null, email: 'per@example.com' });
    expect(items.get(idOf('o1'))!.customer).toEqual({ name: 'Nils Nilsen', email: null });
    expect(items.get(idOf('a1'))!.customer).toEqual({ name: null, email: null });
  });

  it('previews the latest text message, skipping messages that are only tool calls', async () => {
    const items = new Map((await listConversations(t.app, cookie)).items.map((i) => [i.id, i]));
    expect(items.get(idOf('w1'))!.preview).toBe('Sure, I can help with that.');
    expect(items.get(idOf('o1'))!.preview).toBe("You're welcome");
    expect(items.get(idOf('g2'))!.preview).toBe('Refund please');
    expect(items.get(idOf('w3'))!.preview).toBe('Your order has shipped');
  });

  it('filters by status', async () => {
    expect(await listIds(t.app, cookie, { status: 'unresolved' })).toEqual(expected('w1', 'g2', 'a1', 'w3'));
    expect(await listIds(t.app, cookie, { status: 'resolved' })).toEqual(expected('w2', 'o1', 'e2'));
    expect(await listIds(t.app, cookie, { status: 'draft' })).toEqual(expected('g1', 'e1', 'o2'));
  });

  it('filters by channel', async () => {
    expect(await listIds(t.app, cookie, { channel: 'widget' })).toEqual(expected('w1', 'w2', 'w3'));
    expect(await listIds(t.app, cookie, { channel: 'gmail' })).toEqual(expected('g1', 'g2'));
    expect(await listIds(t.app, cookie, { channel: 'outlook' })).toEqual(expected('o1', 'o2'));
    expect(await listIds(t.app, cookie, { channel: 'email' })).toEqual(expected('e1', 'e2'));
    expect(await listIds(t.app, cookie, { channel: 'api' })).toEqual(expected('a1'));
  });

  it('filters to conversations with a draft waiting, whatever their status', async () => {
    const page = await listConversations(t.app, cookie, { hasDrafts: 'true' });
    expect(page.items.map((i) => i.id)).toEqual(expected('g1', 'e1', 'e2', 'o2'));
    expect(page.items.every((i) => i.hasDraft)).toBe(true);
    // hasDrafts=false is "no filter", not "only without drafts".
    expect(await listIds(t.app, cookie, { hasDrafts: 'false' })).toEqual(await listIds(t.app, cookie));
  });

  it('combines filters', async () => {
    const cases: Array<[Record<string, string>, Key[]]> = [
      [{ status: 'resolved', channel: 'widget' }, ['w2']],
      [{ status: 'unresolved', channel: 'gmail' }, ['g2']],
      [{ status: 'unresolved', channel: 'widget' }, ['w1', 'w3']],
      [{ status: 'draft', channel: 'gmail' }, ['g1']],
      [{ channel: 'email', hasDrafts: 'true' }, ['e1', 'e2']],
      [{ channel: 'widget', hasDrafts: 'true' }, []],
      [{ status: 'resolved', hasDrafts: 'true' }, ['e2']],
      [{ status: 'unresolved', hasDrafts: 'true' }, []],
      [{ status: 'draft', channel: 'outlook', hasDrafts: 'true' }, ['o2']],
      [{ status: 'resolved', channel: 'api' }, []],
    ];
    for (const [query, keys] of cases) {
      expect({ query, ids: await listIds(t.app, cookie, query) }).toEqual({ query, ids: expected(...keys) });
    }
  });

  it('answers every status × channel × hasDrafts combination with exactly the matching rows', async () => {
    for (const status of [undefined, ...CONVERSATION_STATUSES]) {
      for (const channel of [undefined, ...CHANNEL_TYPES]) {
        for (const hasDrafts of [undefined, 'true']) {
          const query: Record<string, string> = {};
          if (status) query.status = status;
          if (channel) query.channel = channel;
          if (hasDrafts) query.hasDrafts = hasDrafts;
          const want = newestFirst(
            all().filter(
              (r) =>
                (!status || r.status === status) &&
                (!channel || r.channel === channel) &&
                (!hasDrafts || r.hasDraft),
            ),
          ).map((r) => r.id);
          const page = await listConversations(t.app, cookie, query);
          expect({ query, ids: page.items.map((i) => i.id) }).toEqual({ query, ids: want });
          expect(page.nextCursor).toBeNull();
          for (const item of page.items) {
            if (status) expect(item.status).toBe(status);
            if (channel) expect(item.channel).toBe(channel);
            if (hasDrafts) expect(item.hasDraft).toBe(true);
          }
        }
      }
    }
  });

  it('shows status, channel and draft flag as stored', async () => {
    const items = (await listConversations(t.app, cookie)).items;
    for (const item of items) {
      const row = all().find((r) => r.id === item.id)!;
      expect({ status: item.status, channel: item.channel, hasDraft: item.hasDraft }).toEqual({
        status: row.status,
        channel: row.channel,
        hasDraft: row.hasDraft,
      });
    }
  });
});
