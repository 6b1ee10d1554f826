import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConversationSpec, login, newConversation, newShop } from './helpers/factories.ts';
import { listConversations, listIds, newestFirst, walkAllPages } from './helpers/http.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

const T0 = Date.parse('2025-04-01T12:00:00.000Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

const SPECS = {
  ingrid: {
    channel: 'widget',
    customer: { name: 'Ingrid Johansen', email: 'ingrid.johansen@example.com' },
    startedAt: at(1),
    messages: [
      { role: 'customer', text: 'Hi, my parcel never arrived.' },
      { role: 'ai', text: 'Sorry to hear that. I can start a refund for you.' },
    ],
  },
  ingridEmail: {
    channel: 'gmail',
    status: 'resolved',
    customer: { name: 'Ingrid Johansen', email: 'ingrid.johansen@example.com' },
    startedAt: at(2),
    messages: [{ role: 'customer', text: 'Thanks, all sorted now.' }],
  },
  ola: {
    channel: 'widget',
    customer: { name: 'Ola Nordmann', email: 'ola.nordmann@example.no' },
    startedAt: at(3),
    messages: [
      { role: 'customer', text: 'Har dere blåbærsyltetøy på lager?' },
      { role: 'ai', text: 'Ja, vi har tre glass igjen.' },
    ],
  },
  refundGmail: {
    channel: 'gmail',
    hasDraft: true,
    customer: { email: 'buyer@shop.example' },
    startedAt: at(4),
    messages: [{ role: 'customer', text: 'I would like a REFUND for order 1042' }],
  },
  staffNote: {
    channel: 'email',
    status: 'resolved',
    customer: { name: 'Kari Traa', email: 'kari@example.com' },
    startedAt: at(5),
    messages: [
      { role: 'customer', text: 'Can you help?' },
      { role: 'staff', text: 'We have escalated this to our warehouse team.' },
    ],
  },
  toolOnly: {
    channel: 'widget',
    customer: { name: 'Tom Tool', email: 'tom@example.com' },
    startedAt: at(6),
    messages: [
      { role: 'customer', text: 'Where is my order?' },
      {
        role: 'ai',
        parts: [
          { type: 'tool-call', toolCallId: 'c1', toolName: 'lookupOrder', input: { orderNumber: '#1007' } },
        ],
      },
      { role: 'ai', text: 'It shipped yesterday.' },
    ],
  },
  wildcardName: {
    channel: 'api',
    customer: { name: 'Ann 50% Off_Store' },
    startedAt: at(7),
    messages: [{ role: 'customer', text: 'Discount question' }],
  },
} satisfies Record<string, ConversationSpec>;

type Key = keyof typeof SPECS;

describe('GET /api/conversations?q= (search)', () => {
  let t: TestApp;
  let cookie: string;
  const rows = new Map<Key, { id: string; startedAt: Date }>();
  const expected = (...keys: Key[]) => newestFirst(keys.map((k) => rows.get(k)!)).map((r) => r.id);
  const search = (q: string, filters: Record<string, string> = {}) =>
    listIds(t.app, cookie, { ...filters, q });

  beforeAll(async () => {
    t = await createTestApp();
    const { shop, email } = await newShop(t.db);
    cookie = await login(t.app, email);
    for (const [key, spec] of Object.entries(SPECS) as [Key, ConversationSpec][]) {
      const c = await newConversation(t.db, shop.id, spec);
      rows.set(key, { id: c.id, startedAt: spec.startedAt! });
    }
  });
  afterAll(() => t.close());

  it('finds a customer by full name and by part of a name', async () => {
    expect(await search('Ingrid Johansen')).toEqual(expected('ingrid', 'ingridEmail'));
    expect(await search('Johan')).toEqual(expected('ingrid', 'ingridEmail'));
    expect(await search('ohanse')).toEqual(expected('ingrid', 'ingridEmail'));
    expect(await search('Nordmann')).toEqual(expected('ola'));
  });

  it('finds a customer by full email and by part of an email', async () => {
    expect(await search('ingrid.johansen@example.com')).toEqual(expected('ingrid', 'ingridEmail'));
    expect(await search('johansen@exa')).toEqual(expected('ingrid', 'ingridEmail'));
    expect(await search('buyer@shop.example')).toEqual(expected('refundGmail'));
    expect(await search('@example.no')).toEqual(expected('ola'));
  });

  it('finds a word inside any message, whoever wrote it', async () => {
    // customer
    expect(await search('parcel')).toEqual(expected('ingrid'));
    // ai
    expect(await search('yesterday')).toEqual(expected('toolOnly'));
    // staff
    expect(await search('warehouse')).toEqual(expected('staffNote'));
    // a number in a message
    expect(await search('1042')).toEqual(expected('refundGmail'));
  });

  it('finds words by their beginning', async () => {
    expect(await search('refun')).toEqual(expected('ingrid', 'refundGmail'));
    expect(await search('wareh')).toEqual(expected('staffNote'));
  });

  it('needs every word of a multi-word search, in any message of the conversation', async () => {
    expect(await search('parcel refund')).toEqual(expected('ingrid'));
    expect(await search('refund 1042')).toEqual(expected('refundGmail'));
    expect(await search('parcel warehouse')).toEqual([]);
  });

  it('finds Norwegian words', async () => {
    expect(await search('blåbærsyltetøy')).toEqual(expected('ola'));
    expect(await search('blåbær')).toEqual(expected('ola'));
    expect(await search('lager')).toEqual(expected('ola'));
  });

  it('ignores case in names, emails and message words', async () => {
    expect(await search('INGRID')).toEqual(expected('ingrid', 'ingridEmail'));
    expect(await search('JOHANSEN@EXAMPLE.COM')).toEqual(expected('ingrid', 'ingridEmail'));
    expect(await search('Parcel')).toEqual(expected('ingrid'));
    // Stored upper-case, searched lower-case.
    expect(await search('refund')).toEqual(expected('ingrid', 'refundGmail'));
    expect(await search('BLÅBÆR')).toEqual(expected('ola'));
  });

  it('answers an empty list for a term that matches nothing', async () => {
    const page = await listConversations(t.app, cookie, { q: 'zebra' });
    expect(page).toEqual({ items: [], nextCursor: null });
    expect(await search('Johansenx')).toEqual([]);
  });

  it('treats search syntax and LIKE wildcards as plain text', async () => {
    expect(await search('%')).toEqual(expected('wildcardName'));
    expect(await search('50%')).toEqual(expected('wildcardName'));
    expect(await search('_')).toEqual(expected('wildcardName'));
    for (const q of ["'", '&', '!refund', 'refund | parcel', 'a:*', '\\', '(', '"quoted"']) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/conversations',
        query: { q },
        headers: { cookie },
      });
      expect({ q, status: res.statusCode }).toEqual({ q, status: 200 });
    }
  });

  it('treats a blank search as no search', async () => {
    expect(await search('   ')).toEqual(await listIds(t.app, cookie));
  });

  it('combines search with status, channel and draft filters', async () => {
    expect(await search('Johansen', { status: 'resolved' })).toEqual(expected('ingridEmail'));
    expect(await search('Johansen', { status: 'unresolved' })).toEqual(expected('ingrid'));
    expect(await search('Johansen', { channel: 'gmail' })).toEqual(expected('ingridEmail'));
    expect(await search('Johansen', { channel: 'widget', status: 'unresolved' })).toEqual(expected('ingrid'));
    expect(await search('Johansen', { channel: 'widget', status: 'resolved' })).toEqual([]);
    expect(await search('refund', { hasDrafts: 'true' })).toEqual(expected('refundGmail'));
    expect(await search('refund', { channel: 'widget' })).toEqual(expected('ingrid'));
    expect(await search('refund', { status: 'draft', channel: 'gmail' })).toEqual(expected('refundGmail'));
    expect(await search('refund', { status: 'draft', channel: 'widget' })).toEqual([]);
  });

  it('pages through search results', async () => {
    const { items, pages } = await walkAllPages(t.app, cookie, { q: 'example', limit: '1' });
    const ids = items.map((i) => i.id);
    expect(pages).toBe(ids.length);
    expect(ids).toEqual(expected('ingrid', 'ingridEmail', 'ola', 'staffNote', 'toolOnly', 'refundGmail'));
  });
});
