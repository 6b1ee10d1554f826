import { eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendMessage } from '../src/conversations/append-message.ts';
import { queryRows } from '../src/db/client.ts';
import { shops } from '../src/db/schema/index.ts';
import type { ConversationEvent, ShopEvent } from '../src/realtime/bus.ts';
import {
  createPgRealtimeBus,
  LISTENER_APPLICATION_NAME,
  type PgRealtimeBus,
} from '../src/realtime/pg-bus.ts';
import { login, newConversation, newShop } from './helpers/factories.ts';
import { openSse, type SseStream, startWidgetChat } from './helpers/fake-llm-harness.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';
import { until } from './helpers/until.ts';

// The realtime bus between processes on PostgreSQL (LISTEN/NOTIFY): buses on one database stand in for
// processes; the app's own bus serves the SSE routes. PGlite serves one process and keeps the in-process bus.

const PG = process.env.DATABASE_URL;
const log = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!PG)('realtime bus across processes (PostgreSQL)', () => {
  let t: TestApp;
  let base: string;
  const buses: PgRealtimeBus[] = [];
  const streams: SseStream[] = [];

  const newBus = async () => {
    const bus = createPgRealtimeBus({
      url: t.database.url as string,
      db: t.db,
      log,
      reconnectMs: { min: 50, max: 400 },
    });
    buses.push(bus);
    await bus.start();
    expect(bus.listening()).toBe(true);
    return bus;
  };
  /** Everything a subscriber of the shop receives. */
  const record = (bus: PgRealtimeBus, shopId: string) => {
    const got: ShopEvent[] = [];
    bus.subscribeShop(shopId, (e) => got.push(e));
    return got;
  };
  const killListeners = () =>
    queryRows<{ ok: boolean }>(
      t.db,
      sql`select pg_terminate_backend(pid) as ok from pg_stat_activity
          where application_name = ${LISTENER_APPLICATION_NAME} and datname = current_database()`,
    );
  const listenerCount = async () =>
    (
      await queryRows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from pg_stat_activity
            where application_name = ${LISTENER_APPLICATION_NAME} and datname = current_database()`,
      )
    )[0].n;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    for (const bus of buses) await bus.close();
    await t?.close();
  });

  it('delivers events to the other process once, in order, dates intact, never to another shop', async () => {
    const [a, b] = [await newBus(), await newBus()];
    const { shop: shopA } = await newShop(t.db, 'Bus shop A');
    const { shop: shopB } = await newShop(t.db, 'Bus shop B');
    const conv = await newConversation(t.db, shopA.id);
    const onA = record(a, shopA.id);
    const onB = record(b, shopA.id);
    const shopBOnB = record(b, shopB.id);
    const conversationOnB: ConversationEvent[] = [];
    b.subscribe(conv.id, (e) => conversationOnB.push(e));

    const createdAt = new Date('2025-06-07T08:09:10.123Z');
    const events: ShopEvent[] = [
      {
        type: 'message',
        shopId: shopA.id,
        conversationId: conv.id,
        message: { id: conv.id, seq: 1, role: 'staff', parts: [{ type: 'text', text: 'Hei' }], createdAt },
      },
      { type: 'status', shopId: shopA.id, conversationId: conv.id, status: 'resolved' },
      { type: 'ticket', shopId: shopA.id, action: 'created', number: 3 },
    ];
    for (const e of events) a.publish(e);
    await until(() => onB.length >= 3, 'the events on the other bus', 5000);
    await sleep(300);
    expect(onB).toEqual(events);
    const first = onB[0];
    expect(first.type === 'message' && first.message.createdAt).toEqual(createdAt);
    expect(conversationOnB.map((e) => e.type)).toEqual(['message', 'status']);
    // The publisher's own subscribers got each event once (its own notifications are skipped).
    expect(onA).toEqual(events);
    expect(shopBOnB).toEqual([]);
  });

  it('delivers a message over the 8000-byte NOTIFY limit whole, loaded from the database', async () => {
    const [a, b] = [await newBus(), await newBus()];
    const { shop } = await newShop(t.db, 'Large message shop');
    const conv = await newConversation(t.db, shop.id);
    const text = `Lang melding: ${'æøå og mer tekst '.repeat(700)}`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(8000);
    const { message } = await appendMessage(t.db, {
      shopId: shop.id,
      conversationId: conv.id,
      role: 'staff',
      parts: [{ type: 'text', text }],
    });
    const got: ConversationEvent[] = [];
    b.subscribe(conv.id, (e) => got.push(e));
    a.publish({ type: 'message', shopId: shop.id, conversationId: conv.id, message });
    a.publish({ type: 'status', shopId: shop.id, conversationId: conv.id, status: 'resolved' });
    await until(() => got.length >= 2, 'the large message', 5000);
    expect(got.map((e) => e.type)).toEqual(['message', 'status']);
    const received = got[0].type === 'message' ? got[0].message : null;
    expect(received).toEqual({
      id: message.id,
      seq: message.seq,
      role: 'staff',
      parts: [{ type: 'text', text }],
      createdAt: message.createdAt,
    });
  });

  it('sends token deltas batched: the same text, in order, in far fewer events, before the message', async () => {
    const [a, b] = [await newBus(), await newBus()];
    const { shop } = await newShop(t.db, 'Delta shop');
    const conv = await newConversation(t.db, shop.id);
    const got: ConversationEvent[] = [];
    b.subscribe(conv.id, (e) => got.push(e));
    const words = Array.from({ length: 400 }, (_, i) => `w${i} `);
    for (const [i, word] of words.entries()) {
      a.publish({ type: 'delta', shopId: shop.id, conversationId: conv.id, replyTo: 'r1', text: word });
      if (i % 50 === 49) await sleep(20);
    }
    a.publish({ type: 'status', shopId: shop.id, conversationId: conv.id, status: 'unresolved' });
    await until(() => got.some((e) => e.type === 'status'), 'the status after the deltas', 5000);
    const deltas = got.filter((e) => e.type === 'delta');
    expect(deltas.map((e) => (e.type === 'delta' ? e.text : '')).join('')).toBe(words.join(''));
    expect(deltas.length).toBeLessThan(20);
    expect(got.at(-1)?.type).toBe('status');
  });

  it('reconnects after its LISTEN connection is killed, asks streams to resync, and delivers again', async () => {
    const [a, b] = [await newBus(), await newBus()];
    const { shop } = await newShop(t.db, 'Reconnect shop');
    let resyncs = 0;
    b.onResync(() => resyncs++);
    const onB = record(b, shop.id);

    expect((await killListeners()).length).toBeGreaterThanOrEqual(2);
    await until(() => resyncs > 0 && a.listening() && b.listening(), 'the buses to listen again', 10_000);
    a.publish({ type: 'ticket', shopId: shop.id, action: 'updated', number: 1 });
    await until(() => onB.length === 1, 'an event after the reconnect', 5000);

    // Again, and this time the second bus's subscribers hear the first one.
    await killListeners();
    await until(() => resyncs > 1 && a.listening(), 'the buses to listen again', 10_000);
    a.publish({ type: 'ticket', shopId: shop.id, action: 'updated', number: 2 });
    await until(() => onB.length === 2, 'a second event after the reconnect', 5000);
  });

  it('after a reconnect, open widget and admin streams catch up on what they missed', async () => {
    // The earlier test killed this app's listener too: let its reconnect and resync pass first, or that
    // resync could deliver the message below before this test's own kill.
    await until(() => (t.app.bus as PgRealtimeBus).listening(), "the app's bus to listen again", 10_000);
    await sleep(500);
    const { shop, email } = await newShop(t.db, 'Resync shop');
    const [row] = await t.db.select({ widgetKey: shops.widgetKey }).from(shops).where(eq(shops.id, shop.id));
    const chat = await startWidgetChat(base, row.widgetKey);
    const widget = await openSse(`${base}/widget/v1/conversations/${chat.conversationId}/stream`, {
      authorization: `Bearer ${chat.token}`,
    });
    const admin = await openSse(`${base}/api/events`, { cookie: await login(t.app, email) });
    streams.push(widget, admin);
    expect([widget.status, admin.status]).toEqual([200, 200]);

    // Stored, but its event never reaches this process (as when NOTIFY went out while it was not listening).
    const { message } = await appendMessage(t.db, {
      shopId: shop.id,
      conversationId: chat.conversationId,
      role: 'staff',
      parts: [{ type: 'text', text: 'Sent while you were away' }],
    });
    await sleep(300);
    expect(widget.events.some((e) => e.event === 'message')).toBe(false);

    await killListeners();
    await widget.waitFor(
      (evs) =>
        evs.some((e) => e.event === 'message' && e.id === message.seq) && evs.at(-1)?.event === 'status',
      10_000,
      'the missed message and the status',
    );
    await admin.waitFor((evs) => evs.some((e) => e.event === 'resync'), 10_000, 'a resync event');
    expect(widget.events.filter((e) => e.event === 'message')).toHaveLength(1);
    expect(widget.events.find((e) => e.event === 'status')?.data).toEqual({ status: 'unresolved' });
  });

  it('close ends the LISTEN connection', async () => {
    const before = await listenerCount();
    const bus = await newBus();
    await until(async () => (await listenerCount()) === before + 1, 'the new listener', 5000);
    await bus.close();
    expect(bus.listening()).toBe(false);
    await until(async () => (await listenerCount()) === before, 'the listener to go', 5000);
  });
});
