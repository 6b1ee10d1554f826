import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shops } from '../src/db/schema/index.ts';
import { login, newConversation, newShop } from './helpers/factories.ts';
import { openSse, postWidgetMessage, type SseStream, startWidgetChat } from './helpers/fake-llm-harness.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

// `GET /api/events` over a real socket: ticket and conversation changes reach the signed-in shop only,
// including tickets the AI opens in the reply worker (dispatched from the ticket history outbox).

describe('admin events (SSE)', () => {
  let t: TestApp;
  let base: string;
  let cookieA: string;
  let cookieB: string;
  let shopA: string;
  let widgetKey: string;
  const streams: SseStream[] = [];
  const connect = async (cookie: string) => {
    const s = await openSse(`${base}/api/events`, { cookie });
    streams.push(s);
    return s;
  };
  const ticketEvent = (number: number, action: string) => (events: SseStream['events']) =>
    events.some((e) => e.event === 'ticket' && JSON.stringify(e.data) === JSON.stringify({ action, number }));

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const a = await newShop(t.db, 'Events A');
    const b = await newShop(t.db, 'Events B');
    shopA = a.shop.id;
    cookieA = await login(t.app, a.email);
    cookieB = await login(t.app, b.email);
    const [row] = await t.db.select({ widgetKey: shops.widgetKey }).from(shops).where(eq(shops.id, shopA));
    widgetKey = row.widgetKey;
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    await t?.close();
  });

  it('needs a staff session', async () => {
    const res = await fetch(`${base}/api/events`);
    expect(res.status).toBe(401);
    await res.body?.cancel();
  });

  it('announces staff ticket changes to the same shop and to no other', async () => {
    const mine = await connect(cookieA);
    const theirs = await connect(cookieB);
    expect(mine.status).toBe(200);
    const c = await newConversation(t.db, shopA);
    const send = (method: string, url: string, payload?: unknown) =>
      t.app.inject({
        method: method as 'POST',
        url,
        payload: payload as object,
        headers: { cookie: cookieA },
      });
    const created = await send('POST', '/api/tickets', { conversationId: c.id, category: 'Other' });
    const number = created.json().number as number;
    await mine.waitFor(ticketEvent(number, 'created'), 5000, 'created event');
    await send('PATCH', `/api/tickets/${number}`, { priority: 'urgent' });
    await mine.waitFor(ticketEvent(number, 'updated'), 5000, 'updated event');
    await send('DELETE', `/api/tickets/${number}`);
    await mine.waitFor(ticketEvent(number, 'deleted'), 5000, 'deleted event');
    // Give a stray event time to arrive before asserting there is none.
    await new Promise((r) => setTimeout(r, 300));
    expect(theirs.events.filter((e) => e.event === 'ticket')).toEqual([]);
  });

  it('announces a ticket the AI opens, and the conversation messages around it, without token deltas', async () => {
    const mine = await connect(cookieA);
    const chat = await startWidgetChat(base, widgetKey);
    await postWidgetMessage(base, chat, 'I want to talk to a human please');
    const events = await mine.waitFor(
      (evs) => evs.some((e) => e.event === 'ticket' && (e.data as { action: string }).action === 'created'),
      8000,
      'AI ticket event',
    );
    expect(
      events.some(
        (e) =>
          e.event === 'conversation' &&
          (e.data as { conversationId: string }).conversationId === chat.conversationId,
      ),
    ).toBe(true);
    expect(events.some((e) => e.event === 'delta')).toBe(false);
  });

  it("delivers a staff reply on the ticket into the customer's open chat", async () => {
    const chat = await startWidgetChat(base, widgetKey);
    const widget = await openSse(`${base}/widget/v1/conversations/${chat.conversationId}/stream`, {
      authorization: `Bearer ${chat.token}`,
    });
    streams.push(widget);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/tickets',
      payload: { conversationId: chat.conversationId, category: 'Other' },
      headers: { cookie: cookieA },
    });
    const number = created.json().number as number;
    await t.app.inject({
      method: 'POST',
      url: `/api/tickets/${number}/replies`,
      payload: { body: 'Hi, this is Siri from the shop. <script>x</script>' },
      headers: { cookie: cookieA },
    });
    const events = await widget.waitFor(
      (evs) => evs.some((e) => e.event === 'message' && (e.data as { role: string }).role === 'staff'),
      5000,
      'staff message in the widget',
    );
    const staff = events.find((e) => e.event === 'message' && (e.data as { role: string }).role === 'staff');
    expect(staff?.data).toMatchObject({
      role: 'staff',
      text: 'Hi, this is Siri from the shop. <script>x</script>',
    });
  });
});
