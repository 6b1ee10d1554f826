import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import { type Db, queryRows } from '../db/client.ts';
import { conversations, messages } from '../db/schema/index.ts';
import { createLocalFanout, type RealtimeBus, type ShopEvent, type StoredMessage } from './bus.ts';
import {
  encodeEvent,
  type MessageRef,
  packPayloads,
  parsePayload,
  type WireEvent,
} from './notify-payload.ts';

/** The NOTIFY channel every process of one database shares. */
export const NOTIFY_CHANNEL = 'supportify_events';
/** `application_name` of the LISTEN connection (pg_stat_activity shows it). */
export const LISTENER_APPLICATION_NAME = 'supportify-realtime';

export type PgRealtimeBus = RealtimeBus & {
  /** This process's id in every notification it sends (it skips its own). */
  readonly origin: string;
  /** Connects and LISTENs; resolves once listening, or after a first failure (retrying goes on). */
  start(): Promise<void>;
  /** True while the LISTEN connection is up. */
  listening(): boolean;
  /** Sends what is still queued, then ends the LISTEN connection for good. */
  close(): Promise<void>;
};

export type PgRealtimeBusOptions = {
  url: string;
  db: Db;
  log: FastifyBaseLogger;
  /** Hold a LISTEN connection (default true). A process without SSE clients (a worker) only publishes. */
  listen?: boolean;
  /** How long token deltas wait to be sent together (default 50 ms); other events go at once. */
  deltaBatchMs?: number;
  /** Reconnect backoff: the first delay, doubled per failure up to the last (with jitter). */
  reconnectMs?: { min: number; max: number };
  /** How often the LISTEN connection is checked with a query (a silently dead TCP connection). */
  pingMs?: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * The realtime bus on PostgreSQL: every event goes to this process's subscribers at once and, by
 * `pg_notify`, to every other process of the database, which hands it to its own subscribers.
 *
 * - Order: one process's notifications go out one at a time, in publish order, and PostgreSQL delivers
 *   them in commit order, so a process's events reach the others in the order it published them.
 * - Size: a notification carries several events, under PostgreSQL's 8000-byte limit. A message too large
 *   travels as a reference the receiver loads from the database; a huge delta is split.
 * - Token deltas wait up to `deltaBatchMs` and one reply's deltas merge into one: a streaming reply costs
 *   ~20 notifications a second per process however many tokens it yields, and the reply's typing shows
 *   on every process (the widget's stream often lives on another process than the one answering).
 * - The LISTEN connection reconnects with backoff. Notifications sent while it was down are lost, so
 *   once it listens again subscribers get a resync and re-read what they show from the database.
 */
export function createPgRealtimeBus(options: PgRealtimeBusOptions): PgRealtimeBus {
  const { url, db, log, listen = true, deltaBatchMs = 50, pingMs = 30_000 } = options;
  const reconnectMs = options.reconnectMs ?? { min: 500, max: 30_000 };
  const origin = randomUUID();
  const local = createLocalFanout();
  let closed = false;

  // --- Sending -------------------------------------------------------------------------------------
  let pending: ShopEvent[] = [];
  let flushTimer: NodeJS.Timeout | undefined;
  let flushSoon = false;
  let sending: Promise<void> | null = null;

  function queue(event: ShopEvent) {
    if (event.type === 'delta') {
      // Merge into this reply's queued delta unless something else of the conversation came after it.
      for (let i = pending.length - 1; i >= 0; i--) {
        const queued = pending[i];
        if (queued.type === 'ticket' || queued.conversationId !== event.conversationId) continue;
        if (queued.type === 'delta' && queued.replyTo === event.replyTo) {
          pending[i] = { ...queued, text: queued.text + event.text };
          return;
        }
        break;
      }
      pending.push(event);
      scheduleFlush(deltaBatchMs);
      return;
    }
    pending.push(event);
    scheduleFlush(0);
  }

  function scheduleFlush(delayMs: number) {
    if (delayMs > 0) {
      if (!flushTimer && !flushSoon) {
        flushTimer = setTimeout(() => {
          flushTimer = undefined;
          void flush();
        }, delayMs);
        flushTimer.unref();
      }
      return;
    }
    clearTimeout(flushTimer);
    flushTimer = undefined;
    if (flushSoon) return;
    flushSoon = true;
    // Events published in the same tick (a message and its status) share a notification.
    setImmediate(() => {
      flushSoon = false;
      void flush();
    });
  }

  function flush(): Promise<void> {
    sending ??= drain().finally(() => {
      sending = null;
    });
    return sending;
  }

  async function drain() {
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      const encoded: string[] = [];
      for (const event of batch) {
        try {
          encoded.push(...encodeEvent(event, origin));
        } catch (err) {
          log.error(
            { err: { message: errorMessage(err) }, type: event.type },
            'realtime: event not sendable',
          );
        }
      }
      for (const payload of packPayloads(origin, encoded)) await notify(payload);
    }
  }

  async function notify(payload: string) {
    for (let attempt = 0; ; attempt++) {
      try {
        await queryRows(db, sql`select pg_notify(${NOTIFY_CHANNEL}, ${payload})`, { prepared: true });
        return;
      } catch (err) {
        if (attempt >= 2) {
          // The change itself is stored: other processes' screens show it on their next refetch.
          log.error(
            { err: { message: errorMessage(err) } },
            'realtime: events not sent to other processes (the database refused NOTIFY)',
          );
          return;
        }
        await sleep(200 * 2 ** attempt);
      }
    }
  }

  // --- Receiving -----------------------------------------------------------------------------------
  let client: pg.Client | null = null;
  let everListened = false;
  let failures = 0;
  let retryTimer: NodeJS.Timeout | undefined;
  let pingTimer: NodeJS.Timeout | undefined;
  // Received events are handed on one notification after another (a reference waits for its load).
  let delivering: Promise<void> = Promise.resolve();

  function enqueue(step: () => Promise<void> | void) {
    delivering = delivering.then(step).catch((err: unknown) => {
      log.error({ err: { message: errorMessage(err) } }, 'realtime: delivering an event failed');
    });
  }

  function receive(text: string) {
    const parsed = parsePayload(text);
    if (!parsed) {
      log.warn('realtime: ignored a notification that is not an event list');
      return;
    }
    if (parsed.origin === origin) return;
    if (parsed.invalid > 0) log.warn({ invalid: parsed.invalid }, 'realtime: ignored malformed events');
    enqueue(() => deliver(parsed.events));
  }

  async function deliver(events: WireEvent[]) {
    for (const event of events) {
      if (event.type !== 'message-ref') {
        emit(event);
        continue;
      }
      const message = await loadMessage(event);
      if (message)
        emit({ type: 'message', shopId: event.shopId, conversationId: event.conversationId, message });
    }
  }

  function emit(event: ShopEvent) {
    try {
      local.emit(event);
    } catch (err) {
      log.error({ err: { message: errorMessage(err) } }, 'realtime: a subscriber failed');
    }
  }

  /** The referenced message (null if it is gone); on repeated database errors, a resync instead. */
  async function loadMessage(ref: MessageRef): Promise<StoredMessage | null> {
    for (let attempt = 0; ; attempt++) {
      try {
        const [row] = await db
          .select({
            id: messages.id,
            seq: messages.seq,
            role: messages.role,
            parts: messages.parts,
            createdAt: messages.createdAt,
          })
          .from(messages)
          .where(
            and(
              eq(messages.shopId, ref.shopId),
              eq(messages.conversationId, ref.conversationId),
              // The partition key, so only the conversation's day partition is searched.
              eq(
                messages.conversationStartedAt,
                sql`(select ${conversations.startedAt} from ${conversations} where ${conversations.id} = ${ref.conversationId} and ${conversations.shopId} = ${ref.shopId})`,
              ),
              eq(messages.id, ref.messageId),
              eq(messages.seq, ref.seq),
            ),
          );
        return row ?? null;
      } catch (err) {
        if (attempt >= 2) {
          log.error({ err: { message: errorMessage(err) } }, 'realtime: loading a large message failed');
          local.resync();
          return null;
        }
        await sleep(200 * 2 ** attempt);
      }
    }
  }

  async function connect() {
    const c = new pg.Client({
      connectionString: url,
      application_name: LISTENER_APPLICATION_NAME,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      connectionTimeoutMillis: 10_000,
    });
    // A listener error never reaches the process: the connection is dropped and made again.
    c.on('error', (err) => lost(c, err));
    c.on('end', () => lost(c, new Error('connection ended')));
    c.on('notification', (msg) => {
      if (msg.channel === NOTIFY_CHANNEL && msg.payload) receive(msg.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${NOTIFY_CHANNEL}`);
    } catch (err) {
      discard(c);
      throw err;
    }
    if (closed) {
      discard(c);
      return;
    }
    client = c;
    failures = 0;
    pingTimer = setInterval(() => void ping(c), pingMs);
    pingTimer.unref();
    if (everListened) {
      log.info('realtime: listening again; open streams re-read what they may have missed');
      // After what was received before the drop, so a stream's re-read comes last.
      enqueue(() => local.resync());
    }
    everListened = true;
  }

  async function ping(c: pg.Client) {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        c.query('select 1'),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('no answer to a ping in 10 s')), 10_000);
        }),
      ]);
    } catch (err) {
      lost(c, err);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stops using a connection, ignoring whatever it does next. */
  function discard(c: pg.Client) {
    c.removeAllListeners('notification');
    c.removeAllListeners('end');
    c.removeAllListeners('error');
    c.on('error', () => {});
    c.end().catch(() => {});
  }

  function lost(c: pg.Client, err: unknown) {
    if (c !== client) return;
    client = null;
    clearInterval(pingTimer);
    discard(c);
    if (closed) return;
    log.warn({ err: { message: errorMessage(err) } }, 'realtime: LISTEN connection lost; reconnecting');
    scheduleReconnect();
  }

  function scheduleReconnect() {
    if (closed || retryTimer) return;
    const delay = Math.min(reconnectMs.max, reconnectMs.min * 2 ** failures) * (0.5 + Math.random() / 2);
    failures++;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      connect().catch((err: unknown) => {
        log.warn({ err: { message: errorMessage(err) } }, 'realtime: LISTEN reconnect failed');
        scheduleReconnect();
      });
    }, delay);
    retryTimer.unref();
  }

  return {
    origin,
    publish(event) {
      if (!closed) queue(event);
      local.emit(event);
    },
    subscribe: local.subscribe,
    subscribeShop: local.subscribeShop,
    onResync: local.onResync,
    listening: () => client !== null,
    async start() {
      if (!listen || closed || client) return;
      try {
        await connect();
      } catch (err) {
        log.warn({ err: { message: errorMessage(err) } }, 'realtime: LISTEN failed; retrying');
        scheduleReconnect();
      }
    },
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      clearInterval(pingTimer);
      while (pending.length > 0 || sending) await flush();
      clearTimeout(flushTimer);
      const c = client;
      client = null;
      if (!c) return;
      c.removeAllListeners('end');
      c.removeAllListeners('notification');
      await Promise.race([c.end().catch(() => {}), sleep(2000)]);
    },
  };
}
