import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shops } from '../src/db/schema/index.ts';
import { login, newShop } from './helpers/factories.ts';
import {
  openSse,
  postWidgetMessage,
  type SseEvent,
  type SseStream,
  startWidgetChat,
} from './helpers/fake-llm-harness.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

// Text only shop A's events could carry.
const A_MARK = 'ALPHA-ONLY-7f3a';
const A_FIRST_TICKET = 100;

type Chat = { conversationId: string; token: string };

/**
 * Live events never cross shops. Shop B's admin stream (`GET /api/events`) and the widget stream of one of
 * B's conversations are open while shop A has a busy minute: customer messages and AI replies (with
 * deltas), a ticket the AI opens, staff tickets created, changed, replied to, noted and deleted,
 * conversations resolved and reopened one by one and in bulk. Then B does one thing of its own. B's streams
 * get B's events and nothing of A's; A's own admin stream, open alongside, shows A's events did happen.
 * And a widget token of one shop opens no conversation of the other's.
 */
describe('security: live events stay in their shop', () => {
  let t: TestApp;
  let base: string;
  let cookieA: string;
  let cookieB: string;
  let keyA: string;
  let keyB: string;
  const streams: SseStream[] = [];
  const open = async (url: string, headers: Record<string, string>) => {
    const s = await openSse(`${base}${url}`, headers);
    streams.push(s);
    return s;
  };

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const a = await newShop(t.db, 'Alpha events');
    const b = await newShop(t.db, 'Beta events');
    cookieA = await login(t.app, a.email);
    cookieB = await login(t.app, b.email);
    const keyOf = async (id: string) =>
      (await t.db.select({ widgetKey: shops.widgetKey }).from(shops).where(eq(shops.id, id)))[0].widgetKey;
    keyA = await keyOf(a.shop.id);
    keyB = await keyOf(b.shop.id);
    // Ticket events carry only a number, and numbers are per shop: A's start at 100, so one of A's on B's
    // stream could not pass for B's own #1.
    await t.db.update(shops).set({ nextTicketNumber: A_FIRST_TICKET }).where(eq(shops.id, a.shop.id));
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    await t?.close();
  });

  const api = async (cookie: string, method: string, url: string, payload?: object) => {
    const res = await t.app.inject({ method: method as 'POST', url, headers: { cookie }, payload });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.body ? res.json() : null;
  };
  const has =
    (event: string, data: Record<string, unknown>) =>
    (events: SseEvent[]): boolean =>
      events.some(
        (e) =>
          e.event === event &&
          Object.entries(data).every(([k, v]) => (e.data as Record<string, unknown>)[k] === v),
      );

  it("B's admin and widget streams get B's events and none of A's", async () => {
    const chatB: Chat = await startWidgetChat(base, keyB, 'Beta customer');
    const adminB = await open('/api/events', { cookie: cookieB });
    const widgetB = await open(`/widget/v1/conversations/${chatB.conversationId}/stream`, {
      authorization: `Bearer ${chatB.token}`,
    });
    const adminA = await open('/api/events', { cookie: cookieA });
    expect([adminB.status, widgetB.status, adminA.status]).toEqual([200, 200, 200]);

    // Shop A's busy minute.
    const chatA: Chat = await startWidgetChat(base, keyA, `Alpha customer ${A_MARK}`);
    const widgetA = await open(`/widget/v1/conversations/${chatA.conversationId}/stream`, {
      authorization: `Bearer ${chatA.token}`,
    });
    // The offline model answers (deltas, message, status) and, asked for a person, opens ticket #1.
    expect((await postWidgetMessage(base, chatA, `I want to talk to a human please ${A_MARK}`)).status).toBe(
      202,
    );
    await adminA.waitFor(
      has('ticket', { action: 'created', number: A_FIRST_TICKET }),
      10_000,
      "A's AI ticket",
    );
    await t.app.replyWorker.idle();
    const chatA2: Chat = await startWidgetChat(base, keyA, `Second ${A_MARK}`);
    expect((await postWidgetMessage(base, chatA2, `Do you sell wool? ${A_MARK}`)).status).toBe(202);
    await t.app.replyWorker.idle();
    const ticket2 = (await api(cookieA, 'POST', '/api/tickets', { conversationId: chatA2.conversationId }))
      .number as number;
    await api(cookieA, 'PATCH', `/api/tickets/${ticket2}`, { priority: 'urgent', status: 'open' });
    await api(cookieA, 'POST', `/api/tickets/${ticket2}/replies`, { body: `Staff reply ${A_MARK}` });
    await api(cookieA, 'POST', `/api/tickets/${ticket2}/notes`, { body: `Internal note ${A_MARK}` });
    await api(cookieA, 'POST', '/api/tickets/bulk', {
      numbers: [A_FIRST_TICKET, ticket2],
      set: { category: 'Billing' },
    });
    await api(cookieA, 'PATCH', `/api/conversations/${chatA.conversationId}`, { status: 'resolved' });
    await api(cookieA, 'POST', '/api/conversations/bulk', {
      ids: [chatA.conversationId, chatA2.conversationId],
      action: 'resolve',
    });
    await api(cookieA, 'POST', '/api/conversations/bulk', { ids: [chatA.conversationId], action: 'reopen' });
    await api(cookieA, 'DELETE', `/api/tickets/${ticket2}`);
    // Every kind of A event reached A's own streams.
    await adminA.waitFor(
      (evs) =>
        has('ticket', { action: 'deleted', number: ticket2 })(evs) &&
        has('ticket', { action: 'updated', number: A_FIRST_TICKET })(evs) &&
        has('conversation', { conversationId: chatA.conversationId, type: 'message' })(evs) &&
        has('conversation', { conversationId: chatA.conversationId, type: 'status' })(evs) &&
        has('conversation', { conversationId: chatA2.conversationId, type: 'status' })(evs),
      10_000,
      "A's events on A's admin stream",
    );
    await widgetA.waitFor(
      (evs) => evs.some((e) => e.event === 'delta') && has('status', { status: 'unresolved' })(evs),
      10_000,
      "A's deltas and status on A's widget stream",
    );

    // Then shop B's own: a customer message (the AI answers and opens ticket #1) and a staff ticket request.
    expect((await postWidgetMessage(base, chatB, 'Hello from beta')).status).toBe(202);
    await t.app.replyWorker.idle();
    const ticketB = (await api(cookieB, 'POST', '/api/tickets', { conversationId: chatB.conversationId }))
      .number as number;
    expect(ticketB).toBe(1);
    await adminB.waitFor(
      (evs) =>
        has('ticket', { action: 'created', number: 1 })(evs) &&
        has('conversation', { conversationId: chatB.conversationId, type: 'message' })(evs),
      10_000,
      "B's events on B's admin stream",
    );
    await widgetB.waitFor(
      (evs) => evs.some((e) => e.event === 'message' && (e.data as { role: string }).role === 'ai'),
      10_000,
      "B's AI reply on B's widget stream",
    );
    // Anything of A's would have been sent before B's own (one bus, in order); give stragglers a moment.
    await new Promise((r) => setTimeout(r, 300));

    // B's admin stream: B's conversation and B's ticket #1 (the AI opened it; the staff request added to
    // it), nothing else.
    const foreign = adminB.events.filter((e) =>
      e.event === 'conversation'
        ? (e.data as { conversationId: string }).conversationId !== chatB.conversationId
        : e.event === 'ticket'
          ? (e.data as { number: number }).number !== 1
          : e.event !== 'resync',
    );
    expect(foreign).toEqual([]);
    expect(adminB.events.filter((e) => e.event === 'ticket').map((e) => e.data)).toEqual([
      { action: 'created', number: 1 },
      { action: 'updated', number: 1 },
    ]);
    expect(JSON.stringify(adminB.events)).not.toContain(chatA.conversationId);
    expect(JSON.stringify(adminB.events)).not.toContain(chatA2.conversationId);

    // B's widget stream: only the messages of B's conversation, their deltas and its status.
    const history = await t.app.inject({
      url: `/widget/v1/conversations/${chatB.conversationId}/messages`,
      headers: { authorization: `Bearer ${chatB.token}` },
    });
    const ids = new Set(history.json().messages.map((m: { id: string }) => m.id));
    for (const e of widgetB.events) {
      expect(['message', 'delta', 'status']).toContain(e.event);
      if (e.event === 'message') expect(ids.has((e.data as { id: string }).id)).toBe(true);
      if (e.event === 'delta') expect(ids.has((e.data as { replyTo: string }).replyTo)).toBe(true);
    }
    expect(JSON.stringify(widgetB.events)).not.toContain(A_MARK);
    expect(JSON.stringify(adminB.events)).not.toContain(A_MARK);
    // A's streams did carry A's text (the marker is real).
    expect(JSON.stringify(widgetA.events)).toContain(A_MARK);
  });

  it("refuses a widget token of one shop on the other shop's conversation (401/404), stream included", async () => {
    const chatA: Chat = await startWidgetChat(base, keyA);
    const chatB: Chat = await startWidgetChat(base, keyB);
    const failures: unknown[] = [];
    for (const [token, conversationId] of [
      [chatA.token, chatB.conversationId],
      [chatB.token, chatA.conversationId],
    ]) {
      const headers = { authorization: `Bearer ${token}` };
      const stream = await openSse(`${base}/widget/v1/conversations/${conversationId}/stream`, headers);
      streams.push(stream);
      const attempts = [
        { what: 'stream', status: stream.status, body: stream.errorBody },
        ...(await Promise.all(
          [
            { method: 'GET', url: `/widget/v1/conversations/${conversationId}/messages` },
            {
              method: 'POST',
              url: `/widget/v1/conversations/${conversationId}/messages`,
              payload: { text: 'Hijack' },
            },
            {
              method: 'GET',
              url: `/widget/v1/conversations/${conversationId}/stream?lastEventId=0`,
            },
          ].map(async (r) => {
            const res = await t.app.inject({ ...(r as { method: 'GET'; url: string }), headers });
            return { what: `${r.method} ${r.url}`, status: res.statusCode, body: res.json() };
          }),
        )),
      ];
      for (const attempt of attempts) {
        const code = (attempt.body as { error?: { code?: string } })?.error?.code;
        if (![401, 404].includes(attempt.status) || !['unauthenticated', 'not_found'].includes(code ?? ''))
          failures.push({ ...attempt, code });
      }
    }
    expect(failures).toEqual([]);
    // Nothing was posted into either conversation.
    for (const chat of [chatA, chatB]) {
      const res = await t.app.inject({
        url: `/widget/v1/conversations/${chat.conversationId}/messages`,
        headers: { authorization: `Bearer ${chat.token}` },
      });
      expect(res.json().messages).toEqual([]);
    }
  });
});
