import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { type Db, queryRows } from '../../db/client.ts';

const SWEEP_MS = 30_000;

/**
 * Queues email answers still pending a while after they were stored: the safety net for a process that
 * died between committing an email and queueing its job (the job's singleton key prevents doubles).
 */
export function startPendingEmailSweep(
  db: Db,
  log: FastifyBaseLogger,
  send: (shopId: string, emailMessageId: string) => Promise<void>,
) {
  const sweep = async () => {
    const rows = await queryRows<{ id: string; shop_id: string }>(
      db,
      sql`select id, shop_id from email_messages
          where direction = 'out' and delivery_status = 'pending' and created_at < now() - interval '30 seconds'
            and created_at > now() - interval '2 days'
          order by created_at limit 100`,
    );
    for (const row of rows) await send(row.shop_id, row.id);
  };
  const timer = setInterval(
    () =>
      void sweep().catch((err: Error) => log.warn({ err: { message: err.message } }, 'email sweep failed')),
    SWEEP_MS,
  );
  timer.unref();
  return () => clearInterval(timer);
}
