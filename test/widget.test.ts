import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendMessage } from '../src/conversations/append-message.ts';
import { conversations, messages, shops } from '../src/db/schema/index.ts';
import { login, newConversation, newShop } from './helpers/factories.ts';
import { expectError, getDetail, listConversations, listIds, patchConversation } from './helpers/http.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

type Started = { conversationId: string; token: string };

describe('widget API v1', () => {
  let t: TestApp;
  let cookie: string;
  let shopId: string;
  let widgetKey: string;

  beforeAll(async () => {
    t = await createTestApp();
    const { shop, email } = await newShop(t.db);
    shopId = shop.id;
    cookie = await login(t.app, email);
    const [row] = await t.db.select({ widgetKey: shops.widgetKey }).from(shops).where(eq(shops.id, shop.id));
    widgetKey = row.widgetKey;
  });
  afterAll(() => t.close());

  const start = (body: object) =>
    t.app.inject({ method: 'POST', url: '/widget/v1/conversations', payload: body });
  const startOk = async (customer?: { name?: string; email?: string }): Promise<Started> => {
    const res = await start({ widgetKey, ...(customer ? { customer } : {}) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  // Waits for the AI reply each stored message triggers, so what follows sees a settled conversation.
  const post = async (id: string, body: object, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/widget/v1/conversations/${id}/messages`,
      payload: body,
      headers,
    });
    await t.app.replyWorker.idle();
    return res;
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const history = (id: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/widget/v1/conversations/${id}/messages`, headers });
  // Customer messages only: AI replies follow stored messages and are tested in the agent tests.
  const messageCount = async (conversationId?: string) =>
    (
      await t.db
        .select({ n: count() })
        .from(messages)
        .where(
          and(
            eq(messages.role, 'customer'),
            conversationId ? eq(messages.conversationId, conversationId) : undefined,
          ),
        )
    )[0].n;
  const conversationCount = async () => (await t.db.select({ n: count() }).from(conversations))[0].n;

  it('starts a conversation with an unguessable token, different every time', async () => {
    const res = await start({ widgetKey });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['conversationId', 'token']);
    expect(body.conversationId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    // At least 128 random bits as base64url.
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    const again = await startOk();
    expect(again.token).not.toBe(body.token);
    expect(again.conversationId).not.toBe(body.conversationId);
  });

  it('refuses an unknown widget key with 404 invalid_widget_key and creates nothing', async () => {
    const before = await conversationCount();
    expectError(await start({ widgetKey: 'wk_not_a_real_key' }), 404, 'invalid_widget_key');
    expectError(await start({ widgetKey: `${widgetKey}x` }), 404, 'invalid_widget_key');
    expectError(await start({}), 400, 'invalid_request');
    expectError(await start({ widgetKey, customer: { email: 'not an email' } }), 400, 'invalid_request');
    expect(await conversationCount()).toBe(before);
  });

  it('shows the new conversation in the admin list as an unresolved widget chat with its customer', async () => {
    const named = await startOk({ name: 'Ingrid Johansen', email: 'ingrid@example.com' });
    const anonymous = await startOk();
    const nameOnly = await startOk({ name: 'Only Name' });
    const items = new Map((await listConversations(t.app, cookie)).items.map((i) => [i.id, i]));
    expect(items.get(named.conversationId)).toMatchObject({
      status: 'unresolved',
      channel: 'widget',
      customer: { name: 'Ingrid Johansen', email: 'ingrid@example.com' },
      hasDraft: false,
    });
    expect(items.get(anonymous.conversationId)).toMatchObject({
      status: 'unresolved',
      channel: 'widget',
      customer: { name: null, email: null },
    });
    expect(items.get(nameOnly.conversationId)!.customer).toEqual({ name: 'Only Name', email: null });
    expect(await listIds(t.app, cookie, { channel: 'widget', status: 'unresolved' })).toContain(
      named.conversationId,
    );
    expect(await listIds(t.app, cookie, { q: 'ingrid@example.com' })).toEqual([named.conversationId]);
  });

  it('stores a customer message and shows it to staff', async () => {
    const c = await startOk({ name: 'Ola' });
    const res = await post(c.conversationId, { text: '  Do you ship to Tromsø?  ' }, bearer(c.token));
    expect(res.statusCode).toBe(202);
    const stored = res.json();
    expect(stored).toStrictEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      seq: expect.any(Number),
      role: 'customer',
      text: 'Do you ship to Tromsø?',
      cards: [],
      createdAt: expect.any(String),
    });
    const detail = await getDetail(t.app, cookie, c.conversationId);
    expect(detail.messages[0]).toEqual({
      id: stored.id,
      role: 'customer',
      parts: [{ type: 'text', text: 'Do you ship to Tromsø?' }],
      createdAt: stored.createdAt,
    });
    // The AI's reply follows; the list shows it as the latest message.
    const reply = detail.messages.at(-1);
    expect(reply.role).toBe('ai');
    const replyText = reply.parts
      .filter((p: { type: string }) => p.type === 'text')
      .map((p: { text: string }) => p.text);
    const item = (await listConversations(t.app, cookie)).items.find((i) => i.id === c.conversationId)!;
    expect(item.preview).toBe(replyText.join('\n').replace(/\s+/g, ' ').trim().slice(0, 160));
    expect(item.lastMessageAt).toBe(reply.createdAt);
    expect(await listIds(t.app, cookie, { q: 'tromsø' })).toEqual([c.conversationId]);
  });

  it('refuses a missing, wrong or other conversation’s token and stores nothing', async () => {
    const mine = await startOk();
    const other = await startOk();
    const before = await messageCount();
    const attempts: Array<[string, Record<string, string>]> = [
      ['no token', {}],
      ['empty bearer', { authorization: 'Bearer ' }],
      ['basic auth', { authorization: `Basic ${mine.token}` }],
      ['wrong token', bearer('A'.repeat(43))],
      ['other conversation’s token', bearer(other.token)],
      ['token with extra text', bearer(`${mine.token}x`)],
    ];
    for (const [label, headers] of attempts) {
      const res = await post(mine.conversationId, { text: 'let me in' }, headers);
      expect({ label, status: [401, 404].includes(res.statusCode) }).toEqual({ label, status: true });
      expect(res.json().error.code).toMatch(/^(unauthenticated|not_found)$/);
      const read = await history(mine.conversationId, headers);
      expect({ label, status: [401, 404].includes(read.statusCode) }).toEqual({ label, status: true });
    }
    expect(await messageCount()).toBe(before);
  });

  it('answers an unknown conversation like a wrong token', async () => {
    const mine = await startOk();
    const unknown = '3f2a9c4e-8b1d-4e6f-a5c7-9d0b1e2f3a4b';
    const res = await post(unknown, { text: 'hi' }, bearer(mine.token));
    expectError(res, 404, 'not_found');
    expectError(await post('not-a-uuid', { text: 'hi' }, bearer(mine.token)), 404, 'not_found');
    const wrong = await post(mine.conversationId, { text: 'hi' }, bearer('B'.repeat(43)));
    expect(wrong.json()).toEqual(res.json());
  });

  it('refuses widget messages to conversations from other channels', async () => {
    const email = await newConversation(t.db, shopId, { channel: 'email', messages: [] });
    const mine = await startOk();
    expectError(await post(email.id, { text: 'hi' }, bearer(mine.token)), 404, 'not_found');
    expect(await messageCount(email.id)).toBe(0);
  });

  it('stores a retried message with the same clientMessageId once', async () => {
    const c = await startOk();
    const first = await post(c.conversationId, { text: 'Hello?', clientMessageId: 'm-1' }, bearer(c.token));
    const retry = await post(c.conversationId, { text: 'Hello?', clientMessageId: 'm-1' }, bearer(c.token));
    expect(first.statusCode).toBe(202);
    expect(retry.statusCode).toBe(202);
    expect(retry.json()).toEqual(first.json());
    const next = await post(c.conversationId, { text: 'Anyone?', clientMessageId: 'm-2' }, bearer(c.token));
    expect(next.json().id).not.toBe(first.json().id);
    const detail = await getDetail(t.app, cookie, c.conversationId);
    const fromCustomer = detail.messages.filter((m: { role: string }) => m.role === 'customer');
    expect(fromCustomer.map((m: { id: string }) => m.id)).toEqual([first.json().id, next.json().id]);
    // Another conversation may use the same client id.
    const d = await startOk();
    expect(
      (await post(d.conversationId, { text: 'x', clientMessageId: 'm-1' }, bearer(d.token))).statusCode,
    ).toBe(202);
    expect(await messageCount(d.conversationId)).toBe(1);
  });

  it('refuses empty, blank, missing and oversized text and stores nothing', async () => {
    const c = await startOk();
    for (const body of [{ text: '' }, { text: '   \n\t ' }, {}, { text: 42 }, { text: 'x'.repeat(10_001) }]) {
      expectError(await post(c.conversationId, body, bearer(c.token)), 400, 'invalid_request');
    }
    expect(await messageCount(c.conversationId)).toBe(0);
  });

  it('answers text containing a NUL character with 400 or stores it, never a server error', async () => {
    const c = await startOk();
    const before = await conversationCount();
    const answers = [
      ['message text', await post(c.conversationId, { text: 'hi\u0000there' }, bearer(c.token))],
      [
        'client message id',
        await post(c.conversationId, { text: 'hi', clientMessageId: 'id\u0000' }, bearer(c.token)),
      ],
      ['customer name', await start({ widgetKey, customer: { name: 'Ann\u0000' } })],
      ['widget key', await start({ widgetKey: 'wk\u0000' })],
    ] as const;
    const serverErrors = answers.filter(([, res]) => res.statusCode >= 500).map(([label]) => label);
    expect(serverErrors).toEqual([]);
    for (const [, res] of answers) {
      if (res.statusCode >= 400) expect(res.json().error.code).toEqual(expect.any(String));
    }
    const started = answers[2][1].statusCode === 201 ? 1 : 0;
    expect(await conversationCount()).toBe(before + started);
  });

  it('reopens a resolved conversation when the customer writes again', async () => {
    const c = await startOk();
    await post(c.conversationId, { text: 'My order is late' }, bearer(c.token));
    expect(
      (await patchConversation(t.app, cookie, c.conversationId, { status: 'resolved' })).statusCode,
    ).toBe(200);
    expect(await listIds(t.app, cookie, { status: 'resolved' })).toContain(c.conversationId);
    expect((await post(c.conversationId, { text: 'Still late!' }, bearer(c.token))).statusCode).toBe(202);
    expect((await getDetail(t.app, cookie, c.conversationId)).status).toBe('unresolved');
    expect(await listIds(t.app, cookie, { status: 'unresolved' })).toContain(c.conversationId);
    expect(await listIds(t.app, cookie, { status: 'resolved' })).not.toContain(c.conversationId);
  });

  it('shows the customer the text of the conversation, never tool calls or system notes', async () => {
    const c = await startOk();
    const asked = (await post(c.conversationId, { text: 'Where is #1001?' }, bearer(c.token))).json();
    const base = Date.now() + 1000;
    const add = (i: number, role: 'ai' | 'system' | 'staff', parts: object[]) =>
      appendMessage(t.db, {
        shopId,
        conversationId: c.conversationId,
        role,
        parts: parts as never,
        createdAt: new Date(base + i * 1000),
      });
    await add(1, 'ai', [
      { type: 'text', text: 'Let me check.' },
      { type: 'tool-call', toolCallId: 't1', toolName: 'lookupOrder', input: { orderNumber: '#1001' } },
    ]);
    await add(2, 'ai', [
      { type: 'tool-result', toolCallId: 't1', toolName: 'lookupOrder', output: { secret: 'internal' } },
    ]);
    await add(3, 'system', [{ type: 'text', text: 'Ticket #4 created' }]);
    await add(4, 'ai', [{ type: 'text', text: 'It shipped on Monday.' }]);
    await add(5, 'staff', [{ type: 'text', text: 'Hi, this is Kari from support.' }]);

    const res = await history(c.conversationId, bearer(c.token));
    expect(res.statusCode).toBe(200);
    const shown = res.json().messages as Array<{ id: string; role: string; text: string; createdAt: string }>;
    expect(shown.map((m) => ({ role: m.role, text: m.text }))).toEqual([
      { role: 'customer', text: 'Where is #1001?' },
      // The agent's own answer: it asks for the email that order lookups need.
      { role: 'ai', text: expect.stringContaining('email') },
      { role: 'ai', text: 'Let me check.' },
      { role: 'ai', text: 'It shipped on Monday.' },
      { role: 'staff', text: 'Hi, this is Kari from support.' },
    ]);
    expect(shown[0]).toStrictEqual(asked);
    expect(res.body).not.toContain('lookupOrder');
    expect(res.body).not.toContain('internal');
    expect(res.body).not.toContain('Ticket #4');
    // Staff still see everything, the agent's reply included.
    expect((await getDetail(t.app, cookie, c.conversationId)).messages).toHaveLength(7);
  });

  it('lets a storefront on any domain call the widget API, without credentials', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/widget/v1/conversations',
      headers: {
        origin: 'https://some-store.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });
    expect(res.statusCode).toBeLessThan(300);
    expect(res.headers['access-control-allow-origin']).toBe('https://some-store.example');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    const started = await t.app.inject({
      method: 'POST',
      url: '/widget/v1/conversations',
      headers: { origin: 'https://some-store.example', 'sec-fetch-site': 'cross-site' },
      payload: { widgetKey },
    });
    expect(started.statusCode).toBe(201);
    expect(started.headers['access-control-allow-origin']).toBe('https://some-store.example');
  });

  it('limits how fast one address can start conversations', async () => {
    const statuses: number[] = [];
    let last = null;
    for (let i = 0; i < 40 && !statuses.includes(429); i++) {
      last = await t.app.inject({
        method: 'POST',
        url: '/widget/v1/conversations',
        payload: { widgetKey },
        // Its own address, so the other tests' budget is untouched.
        remoteAddress: '203.0.113.7',
      });
      statuses.push(last.statusCode);
    }
    expect(statuses).toContain(429);
    expect(statuses.indexOf(429)).toBeGreaterThanOrEqual(10);
    expect(last!.json().error.code).toBe('rate_limited');
    // Other visitors can still start conversations.
    expect((await start({ widgetKey })).statusCode).toBe(201);
  });
});
