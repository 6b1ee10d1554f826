import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendMessage } from '../src/conversations/append-message.ts';
import { conversations, drafts, type MessagePart, ratings, tickets } from '../src/db/schema/index.ts';
import { login, newConversation, newShop } from './helpers/factories.ts';
import { expectError, getDetail, listIds, patchConversation } from './helpers/http.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

const T0 = Date.parse('2025-05-10T08:00:00.000Z');

const toolCall: MessagePart = {
  type: 'tool-call',
  toolCallId: 'call_42',
  toolName: 'lookupOrder',
  input: { orderNumber: '#1001', email: 'ingrid@example.com' },
};
const toolResult: MessagePart = {
  type: 'tool-result',
  toolCallId: 'call_42',
  toolName: 'lookupOrder',
  output: { found: true, order: { name: '#1001', fulfillmentStatus: 'shipped', items: [{ qty: 2 }] } },
};

let t: TestApp;
let cookie: string;
let shopId: string;

beforeAll(async () => {
  t = await createTestApp();
  const { shop, email } = await newShop(t.db);
  shopId = shop.id;
  cookie = await login(t.app, email);
});
afterAll(() => t.close());

describe('GET /api/conversations/:id', () => {
  it('shows every message in order with its role and all of its parts', async () => {
    const c = await newConversation(t.db, shopId, {
      channel: 'widget',
      customer: { name: 'Ingrid Johansen', email: 'ingrid@example.com' },
      startedAt: new Date(T0),
      messages: [],
    });
    const script: Array<{ role: 'customer' | 'ai' | 'staff' | 'system'; parts: MessagePart[] }> = [
      { role: 'customer', parts: [{ type: 'text', text: 'Where is order #1001?' }] },
      { role: 'ai', parts: [{ type: 'text', text: 'Let me look that up.' }, toolCall] },
      { role: 'ai', parts: [toolResult] },
      { role: 'ai', parts: [{ type: 'text', text: 'It shipped on Monday.' }] },
      { role: 'system', parts: [{ type: 'text', text: 'Conversation rated' }] },
      { role: 'staff', parts: [{ type: 'text', text: 'Anything else?' }] },
    ];
    for (const [i, m] of script.entries()) {
      await appendMessage(t.db, {
        shopId,
        conversationId: c.id,
        role: m.role,
        parts: m.parts,
        createdAt: new Date(T0 + (i + 1) * 1000),
      });
    }
    const detail = await getDetail(t.app, cookie, c.id);
    expect(detail).toMatchObject({
      id: c.id,
      status: 'unresolved',
      channel: 'widget',
      customer: { name: 'Ingrid Johansen', email: 'ingrid@example.com' },
      startedAt: new Date(T0).toISOString(),
      lastMessageAt: new Date(T0 + 6000).toISOString(),
      hasDraft: false,
      draft: null,
      tickets: [],
      rating: null,
    });
    expect(detail.messages).toEqual(
      script.map((m, i) => ({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        role: m.role,
        parts: m.parts,
        createdAt: new Date(T0 + (i + 1) * 1000).toISOString(),
      })),
    );
    expect(new Set(detail.messages.map((m: { id: string }) => m.id)).size).toBe(script.length);
  });

  it('keeps the order messages were stored in when they share a millisecond', async () => {
    // An AI turn stores its tool call and result back to back; they can land in the same millisecond.
    const c = await newConversation(t.db, shopId, { messages: [] });
    const same = new Date(T0);
    const texts = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];
    for (const text of texts) {
      await appendMessage(t.db, {
        shopId,
        conversationId: c.id,
        role: 'customer',
        parts: [{ type: 'text', text }],
        createdAt: same,
      });
    }
    const detail = await getDetail(t.app, cookie, c.id);
    expect(detail.messages.map((m: { parts: Array<{ text: string }> }) => m.parts[0].text)).toEqual(texts);
  });

  it('shows a pending draft, and null once it is sent or discarded', async () => {
    const c = await newConversation(t.db, shopId, { channel: 'gmail', hasDraft: true });
    await t.db
      .insert(drafts)
      .values({ shopId, conversationId: c.id, body: 'Old draft', status: 'discarded' });
    const [pending] = await t.db
      .insert(drafts)
      .values({ shopId, conversationId: c.id, body: 'Hi Ingrid,\nYour refund is on its way.' })
      .returning();
    const detail = await getDetail(t.app, cookie, c.id);
    expect(detail.status).toBe('draft');
    expect(detail.hasDraft).toBe(true);
    expect(detail.draft).toEqual({
      id: pending.id,
      body: 'Hi Ingrid,\nYour refund is on its way.',
      createdAt: pending.createdAt.toISOString(),
      updatedAt: pending.updatedAt.toISOString(),
    });
    await t.db.update(drafts).set({ status: 'sent' }).where(eq(drafts.id, pending.id));
    expect((await getDetail(t.app, cookie, c.id)).draft).toBeNull();
  });

  it('shows its tickets (not deleted ones) and its rating', async () => {
    const c = await newConversation(t.db, shopId, {});
    await t.db.insert(tickets).values([
      {
        shopId,
        conversationId: c.id,
        number: 7,
        reason: 'customer_requested_human',
        category: 'Return request',
        priority: 'high',
        status: 'open',
      },
      { shopId, conversationId: c.id, number: 8, reason: 'bad_rating', deletedAt: new Date() },
      { shopId, conversationId: c.id, number: 9, reason: 'ai_unable_to_solve' },
    ]);
    await t.db.insert(ratings).values({ shopId, conversationId: c.id, rating: 'bad', comment: 'Too slow' });
    const detail = await getDetail(t.app, cookie, c.id);
    expect(detail.tickets).toEqual([
      {
        number: 7,
        status: 'open',
        priority: 'high',
        category: 'Return request',
        reason: 'customer_requested_human',
        createdAt: expect.any(String),
      },
      {
        number: 9,
        status: 'new',
        priority: 'medium',
        category: 'Other',
        reason: 'ai_unable_to_solve',
        createdAt: expect.any(String),
      },
    ]);
    expect(detail.rating).toEqual({ rating: 'bad', comment: 'Too slow', createdAt: expect.any(String) });
  });

  it('answers 404 for an unknown id', async () => {
    const res = await t.app.inject({
      url: '/api/conversations/9b2f3c1e-4d5a-4b6c-8d7e-0f1a2b3c4d5e',
      headers: { cookie },
    });
    expectError(res, 404, 'not_found');
  });
});

describe('PATCH /api/conversations/:id', () => {
  const statusInDb = async (id: string) =>
    (
      await t.db.select({ status: conversations.status }).from(conversations).where(eq(conversations.id, id))
    )[0].status;

  it('marks a conversation resolved, then unresolved again, and the list filters follow', async () => {
    const c = await newConversation(t.db, shopId, {});
    const resolved = await patchConversation(t.app, cookie, c.id, { status: 'resolved' });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json()).toEqual({ id: c.id, status: 'resolved' });
    expect((await getDetail(t.app, cookie, c.id)).status).toBe('resolved');
    expect(await listIds(t.app, cookie, { status: 'resolved' })).toContain(c.id);
    expect(await listIds(t.app, cookie, { status: 'unresolved' })).not.toContain(c.id);

    const reopened = await patchConversation(t.app, cookie, c.id, { status: 'unresolved' });
    expect(reopened.json()).toEqual({ id: c.id, status: 'unresolved' });
    expect((await getDetail(t.app, cookie, c.id)).status).toBe('unresolved');
    expect(await listIds(t.app, cookie, { status: 'unresolved' })).toContain(c.id);
    expect(await listIds(t.app, cookie, { status: 'resolved' })).not.toContain(c.id);
  });

  it('refuses to set the Draft status by hand', async () => {
    const c = await newConversation(t.db, shopId, {});
    const res = await patchConversation(t.app, cookie, c.id, { status: 'draft' });
    expectError(res, 400, 'invalid_request');
    expect(await statusInDb(c.id)).toBe('unresolved');
  });

  it('keeps a conversation with a draft waiting in Draft when marked unresolved', async () => {
    const c = await newConversation(t.db, shopId, { channel: 'email', hasDraft: true });
    const unresolved = await patchConversation(t.app, cookie, c.id, { status: 'unresolved' });
    expect(unresolved.json()).toEqual({ id: c.id, status: 'draft' });
    expect((await getDetail(t.app, cookie, c.id)).status).toBe('draft');

    const resolved = await patchConversation(t.app, cookie, c.id, { status: 'resolved' });
    expect(resolved.json()).toEqual({ id: c.id, status: 'resolved' });
    expect(await listIds(t.app, cookie, { hasDrafts: 'true', status: 'resolved' })).toContain(c.id);

    const back = await patchConversation(t.app, cookie, c.id, { status: 'unresolved' });
    expect(back.json()).toEqual({ id: c.id, status: 'draft' });
    expect(await listIds(t.app, cookie, { status: 'draft' })).toContain(c.id);
  });

  it('answers 404 for an unknown id and a non-UUID id', async () => {
    for (const id of ['0e8b5a0c-2f0e-4c4e-9d43-6a2e9b6f1c11', 'not-a-uuid', '123']) {
      expectError(await patchConversation(t.app, cookie, id, { status: 'resolved' }), 404, 'not_found');
    }
  });
});
