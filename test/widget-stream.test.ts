import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shops } from '../src/db/schema/index.ts';
import { login, newShop } from './helpers/factories.ts';
import {
  adminDetail,
  openSse,
  postWidgetMessage,
  type SseEvent,
  type SseStream,
  startWidgetChat,
  type WidgetMessage,
} from './helpers/fake-llm-harness.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

// `GET /widget/v1/conversations/:id/stream` over a real socket, read with `fetch` as the widget does:
// live messages and AI tokens, resuming with Last-Event-ID, authorization, and status changes.
// The shop uses the built-in offline model, which streams its answers word by word.

type Chat = { conversationId: string; token: string };

const isMessage = (e: SseEvent) => e.event === 'message';
const msg = (e: SseEvent) => e.data as WidgetMessage;
const aiMessages = (events: SseEvent[]) => events.filter((e) => isMessage(e) && msg(e).role === 'ai');

describe('widget SSE stream', () => {
  let t: TestApp;
  let base: string;
  let widgetKey: string;
  let cookie: string;
  const open: SseStream[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const { shop, email } = await newShop(t.db, 'Stream Shop');
    cookie = await login(t.app, email);
    const [row] = await t.db.select({ widgetKey: shops.widgetKey }).from(shops).where(eq(shops.id, shop.id));
    widgetKey = row.widgetKey;
  });
  afterAll(async () => {
    for (const s of open) s.close();
    await t?.close();
  });

  const streamUrl = (chat: Chat, query = '') =>
    `${base}/widget/v1/conversations/${chat.conversationId}/stream${query}`;
  const connect = async (chat: Chat, headers: Record<string, string> = {}, query = '') => {
    const s = await openSse(streamUrl(chat, query), { authorization: `Bearer ${chat.token}`, ...headers });
    open.push(s);
    return s;
  };
  /** Waits until the stream has shown `n` AI messages and the status event that follows the last one. */
  const untilReplies = (s: SseStream, n: number) =>
    s.waitFor(
      (evs) => {
        const ai = evs.findLastIndex((e) => isMessage(e) && msg(e).role === 'ai');
        return aiMessages(evs).length >= n && evs.slice(ai + 1).some((e) => e.event === 'status');
      },
      15_000,
      `${n} AI replies`,
    );

  it('streams the customer message, the AI tokens in order and the AI message, with seqs as event ids', async () => {
    const chat = await startWidgetChat(base, widgetKey);
    const s = await connect(chat);
    expect(s.status).toBe(200);
    // A policy answer is long enough to arrive in several pieces.
    const posted = await postWidgetMessage(base, chat, 'What is your return policy?');
    expect(posted.status).toBe(202);
    const events = await untilReplies(s, 1);

    expect(events[0]).toEqual({ event: 'message', id: posted.message.seq, data: posted.message });
    const aiAt = events.findIndex((e) => isMessage(e) && msg(e).role === 'ai');
    const ai = msg(events[aiAt]);
    expect(events[aiAt].id).toBe(ai.seq);
    expect(ai.seq).toBeGreaterThan(posted.message.seq);
    const deltas = events.slice(1, aiAt);
    expect(deltas.length).toBeGreaterThan(2);
    expect(deltas.every((e) => e.event === 'delta' && e.id === undefined)).toBe(true);
    const pieces = deltas.map((e) => e.data as { replyTo: string; text: string });
    expect(pieces.every((p) => p.replyTo === posted.message.id)).toBe(true);
    expect(pieces.map((p) => p.text).join('')).toBe(ai.text);
    expect(ai.text.length).toBeGreaterThan(0);
    expect(events.slice(aiAt + 1)).toEqual([{ event: 'status', data: { status: 'unresolved' } }]);

    // The stream matches what is stored.
    const detail = await adminDetail(base, cookie, chat.conversationId);
    expect(detail.messages.map((m) => m.id)).toEqual([posted.message.id, ai.id]);
    s.close();
  });

  it('replays exactly the messages missed while disconnected, in order, then continues live', async () => {
    const chat = await startWidgetChat(base, widgetKey);
    const first = await connect(chat);
    await postWidgetMessage(base, chat, 'Hi!');
    const before = await untilReplies(first, 1);
    const lastSeen = before.filter(isMessage).at(-1)!.id!;
    first.close();

    // While nobody listens: a question and its answer.
    const missed = await postWidgetMessage(base, chat, 'Do you ship to Norway?');
    expect(missed.status).toBe(202);
    await t.app.replyWorker.idle();
    const stored = (await adminDetail(base, cookie, chat.conversationId)).messages;
    expect(stored.map((m) => m.role)).toEqual(['customer', 'ai', 'customer', 'ai']);

    const resumed = await connect(chat, { 'last-event-id': String(lastSeen) });
    const replay = await resumed.waitFor((evs) => evs.filter(isMessage).length >= 2, 10_000, 'the replay');
    expect(replay.map((e) => [e.event, e.id, msg(e).id])).toEqual([
      ['message', msg(replay[0]).seq, stored[2].id],
      ['message', msg(replay[1]).seq, stored[3].id],
    ]);
    expect(msg(replay[0])).toEqual(missed.message);
    expect(msg(replay[1]).role).toBe('ai');
    expect(replay[1].id!).toBeGreaterThan(replay[0].id!);
    expect(replay[0].id!).toBeGreaterThan(lastSeen);

    // Live again: the next exchange arrives once, after the replay.
    const next = await postWidgetMessage(base, chat, 'Thanks!');
    const all = await untilReplies(resumed, 2);
    const ids = all.filter(isMessage).map((e) => e.id);
    expect(ids).toEqual([replay[0].id, replay[1].id, next.message.seq, expect.any(Number)]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => a! - b!));
    const live = all.slice(2);
    expect(live[0]).toEqual({ event: 'message', id: next.message.seq, data: next.message });
    expect(
      live
        .filter((e) => e.event === 'delta')
        .every((e) => (e.data as { replyTo: string }).replyTo === next.message.id),
    ).toBe(true);
    resumed.close();

    // `?lastEventId=` resumes the same way (for clients that cannot set headers).
    const byQuery = await connect(chat, {}, `?lastEventId=${lastSeen}`);
    const replayed = await byQuery.waitFor(
      (evs) => evs.filter(isMessage).length >= 4,
      10_000,
      'the query replay',
    );
    expect(replayed.filter(isMessage).map((e) => e.id)).toEqual(ids);
    // Nothing else is replayed: no deltas of finished replies, no duplicates.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(byQuery.events.map((e) => e.event)).toEqual(['message', 'message', 'message', 'message']);
    byQuery.close();

    // No resume point: the whole conversation, once.
    const fresh = await connect(chat);
    const everything = await fresh.waitFor(
      (evs) => evs.filter(isMessage).length >= 6,
      10_000,
      'the full replay',
    );
    const allStored = (await adminDetail(base, cookie, chat.conversationId)).messages;
    expect(everything.map((e) => msg(e).id)).toEqual(allStored.map((m) => m.id));
    fresh.close();
  });

  it('sends a message that arrives after a newer one (stored by another process), once', async () => {
    const chat = await startWidgetChat(base, widgetKey);
    const s = await connect(chat);
    const [row] = await t.db.select({ shopId: shops.id }).from(shops).where(eq(shops.widgetKey, widgetKey));
    const message = (seq: number, text: string) => ({
      type: 'message' as const,
      shopId: row.shopId,
      conversationId: chat.conversationId,
      message: {
        id: randomUUID(),
        seq,
        role: 'staff' as const,
        parts: [{ type: 'text' as const, text }],
        createdAt: new Date(),
      },
    });
    // As the bus between processes may deliver them: the newer first, the older next, then a repeat.
    t.app.bus.publish(message(1_000_002, 'newer'));
    t.app.bus.publish(message(1_000_001, 'older'));
    t.app.bus.publish(message(1_000_002, 'newer'));
    await s.waitFor((evs) => evs.filter(isMessage).length >= 2, 5_000, 'both messages');
    await new Promise((r) => setTimeout(r, 200));
    expect(s.events.filter(isMessage).map((e) => [e.id, msg(e).text])).toEqual([
      [1_000_002, 'newer'],
      [1_000_001, 'older'],
    ]);
    s.close();
  });

  it('resuming at the newest seq replays nothing and stays live', async () => {
    const chat = await startWidgetChat(base, widgetKey);
    const posted = await postWidgetMessage(base, chat, 'Hello');
    await t.app.replyWorker.idle();
    const stored = (await adminDetail(base, cookie, chat.conversationId)).messages;
    expect(stored).toHaveLength(2);
    const history = await fetch(`${base}/widget/v1/conversations/${chat.conversationId}/messages`, {
      headers: { authorization: `Bearer ${chat.token}` },
    });
    const newest = ((await history.json()) as { messages: WidgetMessage[] }).messages.at(-1)!.seq;
    expect(newest).toBeGreaterThan(posted.message.seq);
    const s = await connect(chat, { 'last-event-id': String(newest) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(s.events).toEqual([]);
    const next = await postWidgetMessage(base, chat, 'Hi again');
    const events = await untilReplies(s, 1);
    expect(events[0]).toEqual({ event: 'message', id: next.message.seq, data: next.message });
    s.close();
  });

  it('delivers the same events to two open tabs', async () => {
    const chat = await startWidgetChat(base, widgetKey);
    const a = await connect(chat);
    const b = await connect(chat);
    await postWidgetMessage(base, chat, 'Hello!');
    const ea = await untilReplies(a, 1);
    const eb = await untilReplies(b, 1);
    expect(eb).toEqual(ea);
    a.close();
    b.close();
  });

  it('refuses a missing token with 401 and a wrong, other or unknown one with 404', async () => {
    const chat = await startWidgetChat(base, widgetKey);
    const other = await startWidgetChat(base, widgetKey);
    const none = await openSse(streamUrl(chat));
    expect(none.status).toBe(401);
    expect(none.errorBody).toMatchObject({ error: { code: 'unauthenticated' } });
    for (const headers of [
      { authorization: `Bearer ${'A'.repeat(43)}` },
      { authorization: `Bearer ${other.token}` },
      { authorization: `Bearer ${chat.token}x` },
    ]) {
      const denied = await openSse(streamUrl(chat), headers);
      expect(denied.status).toBe(404);
      expect(denied.errorBody).toMatchObject({ error: { code: 'not_found' } });
    }
    const unknown = await openSse(
      `${base}/widget/v1/conversations/3f2a9c4e-8b1d-4e6f-a5c7-9d0b1e2f3a4b/stream`,
      {
        authorization: `Bearer ${chat.token}`,
      },
    );
    expect(unknown.status).toBe(404);
    // A token in the query string is not a credential.
    const inQuery = await openSse(streamUrl(chat, `?token=${chat.token}`));
    expect(inQuery.status).toBe(401);
  });

  it('sends a status event `resolved` after "that solved it, thanks"', async () => {
    const chat = await startWidgetChat(base, widgetKey);
    const s = await connect(chat);
    await postWidgetMessage(base, chat, 'Hello');
    await untilReplies(s, 1);
    await postWidgetMessage(base, chat, 'that solved it, thanks');
    const events = await untilReplies(s, 2);
    const statuses = events.filter((e) => e.event === 'status').map((e) => e.data);
    expect(statuses).toEqual([{ status: 'unresolved' }, { status: 'resolved' }]);
    const lastAi = msg(aiMessages(events).at(-1)!);
    expect(lastAi.text).toMatch(/resolved/i);
    expect(events.at(-1)).toEqual({ event: 'status', data: { status: 'resolved' } });
    const detail = await adminDetail(base, cookie, chat.conversationId);
    expect(detail.status).toBe('resolved');
    const markCall = detail.messages.at(-1)!.parts.find((p) => p.type === 'tool-call');
    expect(markCall).toMatchObject({ toolName: 'markResolved' });
    s.close();
  });
});
