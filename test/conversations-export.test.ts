// The streamed export: a round trip of 10,000 conversations over real HTTP, backpressure (memory stays
// flat), one conversation, tenant isolation and bad input. CSV: conversations-export-csv; filters:
// conversations-export-filters; the CLI: conversations-export-cli.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportConversations } from '../src/conversations/export/export-conversations.ts';
import type { Db } from '../src/db/client.ts';
import { insertBulkConversations } from './helpers/bulk-conversations.ts';
import { expectedExport, parseNdjson } from './helpers/export-expected.ts';
import { login, newConversation, newShop } from './helpers/factories.ts';
import { expectError } from './helpers/http.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

const N = 10_000;
const NEWEST = new Date(Date.now() - 3_600_000);

describe('conversation export', () => {
  let t: TestApp;
  let shopId: string;
  let cookie: string;
  let otherShopId: string;
  let otherCookie: string;
  let otherConversationId: string;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp();
    const a = await newShop(t.db, 'Export shop');
    const b = await newShop(t.db, 'Other shop');
    shopId = a.shop.id;
    otherShopId = b.shop.id;
    cookie = await login(t.app, a.email);
    otherCookie = await login(t.app, b.email);
    await insertBulkConversations(t.database, shopId, N, NEWEST);
    // The other shop's rows interleave in time with this shop's and share their customers' emails.
    await insertBulkConversations(t.database, otherShopId, 300, new Date(NEWEST.getTime() - 500), 'bulk');
    otherConversationId = (
      await newConversation(t.db, otherShopId, {
        messages: [{ role: 'customer', text: 'Only in the other shop' }],
      })
    ).id;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }, 120_000);
  afterAll(() => t?.close());

  it('streams every conversation with every message part, equal to the database, in chunks', async () => {
    const res = await fetch(`${base}/api/conversations/export?format=ndjson`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="conversations-\d{4}-\d{2}-\d{2}\.ndjson"$/,
    );
    // Streamed: no length known up front, the body arrives in many pieces.
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    let chunks = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks++;
      text += decoder.decode(value, { stream: true });
    }
    text += decoder.decode();
    expect(chunks).toBeGreaterThan(10);
    expect(text.endsWith('\n')).toBe(true);

    const exported = parseNdjson(text);
    const expected = await expectedExport(t.db, shopId);
    expect(exported.length).toBe(N);
    expect(expected.length).toBe(N);
    // Compared field by field first, so a mismatch names the conversation instead of a 10,000-row diff.
    for (let i = 0; i < N; i++) {
      if (JSON.stringify(exported[i]) !== JSON.stringify(expected[i])) {
        expect({ index: i, conversation: exported[i] }).toEqual({ index: i, conversation: expected[i] });
      }
    }
    expect(exported).toEqual(expected);
    // The data really has what the round trip claims to cover.
    const parts = exported.flatMap((c) => c.messages.flatMap((m: { parts: unknown[] }) => m.parts));
    expect(parts.filter((p: { type: string }) => p.type === 'tool-call').length).toBeGreaterThan(9000);
    expect(parts.filter((p: { type: string }) => p.type === 'tool-result').length).toBeGreaterThan(9000);
    expect(exported.filter((c) => c.messages.length === 0).length).toBe(N / 50);
    expect(exported.filter((c) => c.tickets.length > 0).length).toBeGreaterThan(1000);
    expect(exported.filter((c) => c.rating).length).toBe(N / 5);
    expect(exported.filter((c) => c.customer.email === null).length).toBe(N / 10);
  }, 60_000);

  it('pulls a page from the database only when the reader has taken the one before (memory stays flat)', async () => {
    let statements = 0;
    const counting = new Proxy(t.db, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (prop !== 'execute') return value;
        return (...args: unknown[]) => {
          statements++;
          return value.apply(target, args);
        };
      },
    }) as Db;
    const pageSize = 100;
    const pages = N / pageSize;
    const stream: Readable = await exportConversations(counting, shopId, { filters: {} }, 'ndjson', {
      pageSize,
    });
    // Two statements a page (conversations, their messages) after the retention lookup.
    const pagesFetched = () => (statements - 1) / 2;
    const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    const first = await iterator.next();
    // A reader that stops: the export must stop too, however long it waits.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pagesFetched()).toBeLessThanOrEqual(3);

    let bytes = first.value.length;
    let lines = first.value.toString().split('\n').length - 1;
    let mostAhead = 0;
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      bytes += next.value.length;
      lines += next.value.toString().split('\n').length - 1;
      // Pages the reader has taken (NDJSON: one line a conversation) against pages read from the database.
      mostAhead = Math.max(mostAhead, pagesFetched() - Math.floor(lines / pageSize));
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(lines).toBe(N);
    expect(pagesFetched()).toBeGreaterThanOrEqual(pages);
    expect(mostAhead).toBeLessThanOrEqual(3);
    expect(bytes).toBeGreaterThan(pages * 50_000);
  }, 60_000);

  it('exports one conversation, and answers 404 for another shop’s or an unknown id', async () => {
    const [newest] = await expectedExport(t.db, shopId);
    const res = await t.app.inject({ url: `/api/conversations/${newest.id}/export`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="conversation-${newest.id}-\\d{4}-\\d{2}-\\d{2}\\.ndjson"$`),
    );
    expect(parseNdjson(res.body)).toEqual([newest]);

    for (const id of [otherConversationId, randomUUID(), 'not-a-uuid']) {
      for (const format of ['ndjson', 'csv']) {
        const other = await t.app.inject({
          url: `/api/conversations/${id}/export?format=${format}`,
          headers: { cookie },
        });
        expectError(other, 404, 'not_found');
        expect(other.headers['content-disposition']).toBeUndefined();
      }
    }
    // Its own shop's staff can export it.
    const own = await t.app.inject({
      url: `/api/conversations/${otherConversationId}/export`,
      headers: { cookie: otherCookie },
    });
    expect(parseNdjson(own.body).map((c) => c.id)).toEqual([otherConversationId]);
  });

  it("never exports another shop's conversations", async () => {
    const res = await t.app.inject({ url: '/api/conversations/export', headers: { cookie: otherCookie } });
    expect(res.statusCode).toBe(200);
    const exported = parseNdjson(res.body);
    expect(exported).toEqual(await expectedExport(t.db, otherShopId));
    expect(exported.length).toBe(301);
    const mine = new Set((await expectedExport(t.db, shopId)).map((c) => c.id));
    expect(exported.filter((c) => mine.has(c.id))).toEqual([]);
    // Filters and search stay inside the shop too.
    for (const query of ['status=resolved', 'channel=gmail', 'q=Kunde', 'expiresWithinDays=90']) {
      const filtered = await t.app.inject({
        url: `/api/conversations/export?${query}`,
        headers: { cookie: otherCookie },
      });
      const ids = parseNdjson(filtered.body).map((c) => c.id);
      expect({ query, leaked: ids.filter((id) => mine.has(id)), some: ids.length > 0 }).toEqual({
        query,
        leaked: [],
        some: true,
      });
    }
  });

  it('refuses bad input with 400 and streams nothing; a signed-out caller gets 401', async () => {
    for (const query of [
      'format=xml',
      'format=',
      'status=bogus',
      'channel=fax',
      'hasDrafts=yes',
      'expiresWithinDays=0',
      'expiresWithinDays=91',
      'expiresWithinDays=1.5',
      'expiresWithinDays=soon',
      'limit=10',
      'cursor=abc',
    ]) {
      const res = await t.app.inject({ url: `/api/conversations/export?${query}`, headers: { cookie } });
      expect({ query, status: res.statusCode }).toEqual({ query, status: 400 });
      expectError(res, 400, 'invalid_request');
      expect(res.headers['content-disposition']).toBeUndefined();
    }
    const [newest] = await expectedExport(t.db, shopId);
    const single = await t.app.inject({
      url: `/api/conversations/${newest.id}/export?format=pdf`,
      headers: { cookie },
    });
    expectError(single, 400, 'invalid_request');
    expectError(await t.app.inject({ url: '/api/conversations/export' }), 401, 'unauthenticated');
  });
});
