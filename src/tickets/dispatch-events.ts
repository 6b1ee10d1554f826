import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { type Db, queryRows } from '../db/client.ts';
import type { RealtimeBus, TicketEvent } from '../realtime/bus.ts';

/** What a new ticket event asks the notifications for: a new ticket, or one that became urgent. */
export type TicketAlert = {
  shopId: string;
  ticketNumber: number;
  kind: 'created' | 'urgent';
  /** The history row behind the alert: a re-dispatched row must not alert twice. */
  dedupeKey: string;
};

type Options = {
  db: Db;
  bus: RealtimeBus;
  log: FastifyBaseLogger;
  /** Queues the alerts (notifications); a failure leaves the event for the next pass. */
  notify?: (alert: TicketAlert) => Promise<void>;
  /** Queues a reply's email (a reply row whose email is still pending). */
  emailReply?: (reply: { shopId: string; ticketMessageId: string }) => Promise<void>;
  intervalMs?: number;
};

type Claimed = {
  id: string;
  shop_id: string;
  number: number;
  field: string;
  to_value: string | null;
  priority: string;
  /** A reply whose email is still owed. */
  pending_reply_id: string | null;
};

export type TicketEventDispatcher = { kick(): void; start(): void; stop(): Promise<void> };

/** The alerts one history row asks for. */
function alertsFor(e: Claimed): TicketAlert['kind'][] {
  if (e.field === 'created') return e.priority === 'urgent' ? ['created', 'urgent'] : ['created'];
  if (e.field === 'priority' && e.to_value === 'urgent') return ['urgent'];
  return [];
}

/**
 * Follows ticket history rows written in the same transaction as each change (an outbox): tells open
 * admin screens, and queues notifications and reply emails. Rows are claimed with SKIP LOCKED, so any
 * number of processes can run this; a process dying after the commit leaves nothing undelivered.
 */
export function createTicketEventDispatcher({
  db,
  bus,
  log,
  notify,
  emailReply,
  intervalMs = 1000,
}: Options): TicketEventDispatcher {
  // The jobs this event queues; throws if queueing fails.
  async function follow(e: Claimed) {
    for (const kind of notify ? alertsFor(e) : [])
      await notify?.({ shopId: e.shop_id, ticketNumber: e.number, kind, dedupeKey: `${e.id}:${kind}` });
    if (e.pending_reply_id && emailReply)
      await emailReply({ shopId: e.shop_id, ticketMessageId: e.pending_reply_id });
  }
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function pass() {
    for (;;) {
      const claimed = await queryRows<Claimed>(
        db,
        sql`update ticket_events e set dispatched_at = now()
            from tickets t
            where t.id = e.ticket_id and e.id in (
              select id from ticket_events where dispatched_at is null order by id limit 100 for update skip locked)
            returning e.id, e.shop_id, t.number, e.field, e.to_value, t.priority,
              (select m.id from ticket_messages m where e.field = 'reply'
                and m.id::text = e.detail->>'replyId' and m.email_status = 'pending') as pending_reply_id`,
      );
      if (claimed.length === 0) return;
      const seen = new Set<string>();
      let failed = false;
      for (const e of claimed.sort((a, b) => Number(a.id) - Number(b.id))) {
        try {
          await follow(e);
        } catch (err) {
          log.warn({ err: { message: (err as Error).message } }, 'queueing ticket follow-up jobs failed');
          await queryRows(db, sql`update ticket_events set dispatched_at = null where id = ${e.id}`);
          failed = true;
        }
        const action: TicketEvent['action'] =
          e.field === 'created' ? 'created' : e.field === 'deleted' ? 'deleted' : 'updated';
        const key = `${e.shop_id}:${e.number}:${action}`;
        if (seen.has(key)) continue;
        seen.add(key);
        bus.publish({ type: 'ticket', shopId: e.shop_id, action, number: e.number });
      }
      // Retried on the next tick rather than in a tight loop.
      if (failed) return;
    }
  }

  function kick() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = pass()
      .catch((err: Error) => log.warn({ err: { message: err.message } }, 'ticket event dispatch failed'))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          kick();
        }
      });
  }

  return {
    kick,
    start() {
      timer = setInterval(kick, intervalMs);
      timer.unref();
      kick();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
