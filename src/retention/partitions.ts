import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client.ts';
import { DAY_MS } from './expiry.ts';

/** Day partitions are made this many days ahead, so live conversations never fall into the default. */
export const PARTITION_LOOKAHEAD_DAYS = 7;
const NAME = /^messages_p(\d{4})(\d{2})(\d{2})$/;

export type DayPartition = { name: string; from: Date; to: Date };

const startOfDay = (t: Date) => new Date(Math.floor(t.getTime() / DAY_MS) * DAY_MS);
const dayName = (day: Date) => `messages_p${day.toISOString().slice(0, 10).replaceAll('-', '')}`;

/** The day partitions of `messages` (not the default one), oldest first. */
export async function listDayPartitions(db: Db): Promise<DayPartition[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
        where i.inhparent = 'messages'::regclass`,
  );
  const out: DayPartition[] = [];
  for (const { name } of rows) {
    const m = NAME.exec(name);
    if (!m) continue;
    const from = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    out.push({ name, from, to: new Date(from.getTime() + DAY_MS) });
  }
  return out.sort((a, b) => a.from.getTime() - b.from.getTime());
}

/**
 * Creates the missing day partitions for every UTC day from `from` to `to`. A day whose messages already
 * sit in the default partition (data older than partitioning, imports) stays there: the purge deletes
 * those rows one by one. Safe to run from several processes at once.
 */
export async function ensureDayPartitions(db: Db, from: Date, to: Date): Promise<number> {
  const existing = new Set((await listDayPartitions(db)).map((p) => p.name));
  let created = 0;
  for (let day = startOfDay(from); day <= to; day = new Date(day.getTime() + DAY_MS)) {
    const name = dayName(day);
    if (existing.has(name)) continue;
    const next = new Date(day.getTime() + DAY_MS);
    const [taken] = await queryRows<{ taken: boolean }>(
      db,
      sql`select exists(select 1 from messages_default where conversation_started_at >= ${day.toISOString()}::timestamptz
          and conversation_started_at < ${next.toISOString()}::timestamptz) as taken`,
    );
    if (taken?.taken) continue;
    try {
      await db.execute(
        sql.raw(
          `create table if not exists ${name} partition of messages for values from ('${day.toISOString()}') to ('${next.toISOString()}')`,
        ),
      );
      created++;
    } catch (err) {
      // Another process made it first, or rows arrived in the default meanwhile: both are fine.
      // Drizzle wraps the driver's error ("Failed query: …"): the reason is in its cause.
      const reason = `${(err as Error).message} ${String((err as { cause?: unknown }).cause ?? '')}`;
      if (!/already exists|would be violated|overlap/i.test(reason)) throw err;
    }
  }
  return created;
}

/** The partitions for yesterday through the lookahead: run at start-up and daily. */
export const ensureUpcomingPartitions = (db: Db, now = new Date()) =>
  ensureDayPartitions(
    db,
    new Date(now.getTime() - DAY_MS),
    new Date(now.getTime() + PARTITION_LOOKAHEAD_DAYS * DAY_MS),
  );
