import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client.ts';
import { MAX_RETENTION_DAYS } from '../settings/shop-settings.ts';
import { type DoomedConversation, deleteConversations } from './delete-conversations.ts';
import { expiryCutoff } from './expiry.ts';
import { ensureUpcomingPartitions, listDayPartitions } from './partitions.ts';
import { purgePersonalRecords } from './personal-records.ts';

export type PurgeOptions = {
  now?: Date;
  /** Conversations deleted per transaction: small enough that no writer waits on one for long. */
  batchSize?: number;
  /** How long dropping a partition may wait for its lock before it backs off and retries. */
  lockTimeoutMs?: number;
  onProgress?: (deleted: number) => void;
};

export type PurgeResult = {
  conversations: number;
  /** Messages deleted row by row (from partitions not dropped whole). */
  messages: number;
  partitionsDropped: string[];
  /** Customer data request documents past their 30 days. */
  dataRequests: number;
  /** Shopify webhook payloads cleared after the retention limit. */
  webhookPayloads: number;
  ms: number;
};

type Row = { id: string; shop_id: string; started_at: string };

// Shops that keep conversations for less than the maximum: their cut-off is later than everyone's.
async function shorterRetentions(db: Db) {
  return queryRows<{ id: string; days: number }>(
    db,
    sql`select id, (settings #>> '{retention,days}')::int as days from shops
        where (settings #>> '{retention,days}') ~ '^[0-9]+$'
          and (settings #>> '{retention,days}')::int < ${MAX_RETENTION_DAYS}`,
  );
}

/**
 * Drops every whole day of messages past the 90-day limit (a lock held for milliseconds, retried if
 * writers are busy), then deletes the expired conversations in small batches — everyone's past 90 days,
 * and each shop's past its own shorter period. Idempotent: a crash part-way is finished by the next run.
 */
export async function purgeExpired(db: Db, options: PurgeOptions = {}): Promise<PurgeResult> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? 1000;
  const result: PurgeResult = {
    conversations: 0,
    messages: 0,
    partitionsDropped: [],
    dataRequests: 0,
    webhookPayloads: 0,
    ms: 0,
  };

  const cutoff = expiryCutoff(now, MAX_RETENTION_DAYS);
  for (const p of await listDayPartitions(db)) {
    if (p.to > cutoff) break;
    await dropPartition(db, p.name, options.lockTimeoutMs ?? 100);
    result.partitionsDropped.push(p.name);
  }

  const deleteAll = async (shopId: string | null, select: () => Promise<Row[]>) => {
    for (;;) {
      const rows = await select();
      if (rows.length === 0) return;
      const doomed: DoomedConversation[] = rows.map((r) => ({ id: r.id, startedAt: r.started_at }));
      const gone = await deleteConversations(db, shopId, doomed);
      result.conversations += gone.conversations;
      result.messages += gone.messages;
      options.onProgress?.(result.conversations);
      if (rows.length < batchSize) return;
    }
  };
  await deleteAll(null, () =>
    queryRows<Row>(
      db,
      sql`select id, shop_id, started_at from conversations where started_at <= ${cutoff.toISOString()}::timestamptz
          order by started_at limit ${batchSize}`,
    ),
  );
  for (const shop of await shorterRetentions(db)) {
    const shopCutoff = expiryCutoff(now, shop.days);
    await deleteAll(shop.id, () =>
      queryRows<Row>(
        db,
        sql`select id, shop_id, started_at from conversations where shop_id = ${shop.id}::uuid
            and started_at <= ${shopCutoff.toISOString()}::timestamptz order by started_at limit ${batchSize}`,
      ),
    );
  }
  Object.assign(result, await purgePersonalRecords(db, now));
  await ensureUpcomingPartitions(db, now);
  result.ms = Date.now() - started;
  return result;
}

// Dropping a partition needs a brief exclusive lock on `messages`: never queue behind a long reader
// (which would stall every writer queued behind us), back off and try again instead.
async function dropPartition(db: Db, name: string, lockTimeoutMs: number) {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local lock_timeout = '${Math.round(lockTimeoutMs)}ms'`));
        await tx.execute(sql.raw(`drop table if exists ${name}`));
      });
      return;
    } catch (err) {
      if (attempt >= 50 || !/lock timeout/i.test(String((err as Error).message))) throw err;
      await new Promise((r) => setTimeout(r, Math.min(1000, 20 * attempt)));
    }
  }
}
