import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, queryRows } from '../../src/db/client.ts';
import { deleteConversations } from '../../src/retention/delete-conversations.ts';
import { DAY_MS } from '../../src/retention/expiry.ts';
import { ensureDayPartitions } from '../../src/retention/partitions.ts';
import { purgeExpired } from '../../src/retention/purge.ts';
import { createShop } from '../../src/shops/queries.ts';
import type { BenchArgs } from '../lib/args.ts';
import { openFreshBenchDatabase } from '../lib/bench-db.ts';
import { summarize } from '../lib/stats.ts';

// One day of expired data purged two ways on the same database while writers keep adding messages:
// the batched-DELETE baseline on the oldest day, then the partition-dropping purge on the next day.
// The writers' slowest statement during each is the stall a live shop would feel.

const SPAN_DAYS = 92;
const MESSAGES_PER_CONVERSATION = 10;
const BATCH = 50_000;
const WRITERS = 4;

export type PurgeRun = {
  ms: number;
  conversations: number;
  messagesDeleted: number;
  partitionsDropped: number;
  writerOps: number;
  writerMaxMs: number;
  writerP99Ms: number;
};

export type PurgeBenchmark = {
  database: string;
  conversations: number;
  messages: number;
  seedSeconds: number;
  baseline: PurgeRun;
  partitioned: PurgeRun;
  targets: { purgeMs: number; stallMs: number };
};

async function seed(database: Database, n: number, today: Date, log: (s: string) => void) {
  const shop = await createShop(database.db, { name: 'Purge bench shop' });
  await ensureDayPartitions(database.db, new Date(today.getTime() - (SPAN_DAYS + 1) * DAY_MS), today);
  const spacing = (SPAN_DAYS * DAY_MS) / n;
  for (let from = 1; from <= n; from += BATCH) {
    const to = Math.min(n, from + BATCH - 1);
    // Conversation i started i·spacing before today's midnight: an even spread over the 92 days.
    const startedAt = `('${today.toISOString()}'::timestamptz - (i * ${spacing.toFixed(3)}) * interval '1 millisecond')`;
    await database.exec(`
      insert into conversations (id, shop_id, channel, status, preview, started_at, last_message_at, updated_at)
      select md5('purge-' || i)::uuid, '${shop.id}', 'widget', 'resolved', 'Where is my order?',
        ${startedAt}, ${startedAt} + interval '5 minutes', ${startedAt} + interval '5 minutes'
      from generate_series(${from}, ${to}) i;
      insert into messages (shop_id, conversation_id, conversation_started_at, role, parts, created_at)
      select '${shop.id}', md5('purge-' || i)::uuid, ${startedAt},
        case when k % 2 = 1 then 'customer' else 'ai' end,
        jsonb_build_array(jsonb_build_object('type', 'text', 'text',
          'Message ' || k || ' of conversation ' || i || ': where is my order, and when will it arrive?')),
        ${startedAt} + k * interval '30 seconds'
      from generate_series(${from}, ${to}) i cross join generate_series(1, ${MESSAGES_PER_CONVERSATION}) k;`);
    log(`  seeded ${to.toLocaleString('en')} / ${n.toLocaleString('en')} conversations`);
  }
  await database.exec('analyze');
  return shop.id;
}

/** Writers adding messages to recent conversations until stopped; returns every statement's duration. */
function startWriters(url: string | undefined) {
  const durations: number[] = [];
  let running = true;
  const loops = url
    ? Array.from({ length: WRITERS }, async (_, w) => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        let i = w;
        while (running) {
          const conversation = 1 + (i++ % 1000);
          const t0 = performance.now();
          await client.query(
            `insert into messages (shop_id, conversation_id, conversation_started_at, role, parts)
             select shop_id, id, started_at, 'customer', '[{"type":"text","text":"still there?"}]'::jsonb
             from conversations where id = md5('purge-' || $1::int)::uuid`,
            [conversation],
          );
          durations.push(performance.now() - t0);
        }
        await client.end();
      })
    : [];
  return {
    async stop() {
      running = false;
      await Promise.all(loops);
      return durations;
    },
  };
}

async function measure(
  database: Database & { url?: string },
  work: () => Promise<{ conversations: number; messages: number; partitionsDropped: number }>,
): Promise<PurgeRun> {
  const writers = startWriters(database.url);
  await new Promise((r) => setTimeout(r, 500));
  const before = performance.now();
  const done = await work();
  const ms = Math.round(performance.now() - before);
  await new Promise((r) => setTimeout(r, 200));
  const durations = await writers.stop();
  const stats = summarize(durations);
  return {
    ms,
    conversations: done.conversations,
    messagesDeleted: done.messages,
    partitionsDropped: done.partitionsDropped,
    writerOps: durations.length,
    writerMaxMs: durations.length ? Math.round(Math.max(...durations) * 10) / 10 : 0,
    writerP99Ms: durations.length ? stats.p99 : 0,
  };
}

// The baseline: the same day's rows deleted in batches, as a purge without partitions would.
async function batchedDelete(database: Database, dayStart: Date) {
  const from = dayStart.toISOString();
  const to = new Date(dayStart.getTime() + DAY_MS).toISOString();
  let messages = 0;
  for (;;) {
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`with d as (select id, conversation_started_at from messages
            where conversation_started_at >= ${from}::timestamptz and conversation_started_at < ${to}::timestamptz
            limit 5000),
          gone as (delete from messages m using d where m.id = d.id and m.conversation_started_at = d.conversation_started_at
            returning 1)
          select count(*)::int as n from gone`,
    );
    messages += row?.n ?? 0;
    if (!row || row.n === 0) break;
  }
  let conversations = 0;
  for (;;) {
    const rows = await queryRows<{ id: string; started_at: string }>(
      database.db,
      sql`select id, started_at from conversations
          where started_at >= ${from}::timestamptz and started_at < ${to}::timestamptz limit 1000`,
    );
    if (rows.length === 0) break;
    const gone = await deleteConversations(
      database.db,
      null,
      rows.map((r) => ({ id: r.id, startedAt: r.started_at })),
    );
    conversations += gone.conversations;
  }
  return { conversations, messages, partitionsDropped: 0 };
}

export async function runPurgeBenchmark(args: BenchArgs, log: (s: string) => void): Promise<PurgeBenchmark> {
  const n = args.quick ? 50_000 : 1_000_000;
  const database = await openFreshBenchDatabase(`purge_${n}`);
  try {
    const today = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS);
    log(
      `purge: seeding ${n.toLocaleString('en')} conversations over ${SPAN_DAYS} days on ${database.label}…`,
    );
    const seedStart = performance.now();
    await seed(database, n, today, log);
    const seedSeconds = Math.round((performance.now() - seedStart) / 1000);

    // Oldest day (92 days before today's midnight): batched DELETE.
    log('purge: batched-DELETE baseline on one day…');
    const oldest = new Date(today.getTime() - SPAN_DAYS * DAY_MS);
    const baseline = await measure(database, () => batchedDelete(database, oldest));

    // The next day, as the daily cron sees it: today 00:05 UTC is 90 days after that day ended.
    log('purge: partition-dropping purge of the next day…');
    const now = new Date(today.getTime() + 5 * 60_000);
    const partitioned = await measure(database, async () => {
      const r = await purgeExpired(database.db, { now });
      return {
        conversations: r.conversations,
        messages: r.messages,
        partitionsDropped: r.partitionsDropped.length,
      };
    });
    return {
      database: database.label,
      conversations: n,
      messages: n * MESSAGES_PER_CONVERSATION,
      seedSeconds,
      baseline,
      partitioned,
      targets: { purgeMs: 2000, stallMs: 100 },
    };
  } finally {
    await database.close();
  }
}
