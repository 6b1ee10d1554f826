import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createStaffUser } from '../../src/auth/staff-users.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import { ensureDayPartitions } from '../../src/retention/partitions.ts';
import { createShop } from '../../src/shops/queries.ts';
import { DOMAINS, FIRST_NAMES, LAST_NAMES, sqlArray, WORDS } from './vocabulary.ts';

export const BENCH_EMAIL = 'bench@example.com';
export const BENCH_PASSWORD = 'bench-password-1';
const BATCH = 20_000;
const MESSAGES_PER_CONVERSATION = 10;
const SPAN_SECONDS = 85 * 24 * 3600;

/** Deterministic SQL helpers: message text for (conversation i, message k), and customer names. */
function helperFunctions(): string {
  const w = WORDS.length;
  return `
create or replace function bench_text(i int, k int) returns text language sql immutable as $$
  select string_agg((${sqlArray(WORDS)})[1 + ((i::bigint * 7919 + k * 613 + j * 131 + (i % 97) * j * j) % ${w})::int], ' ')
    || case when k = 1 then ' order ' || (10000 + i % 900000)::text else '' end
  from generate_series(1, 9) j
$$;
create or replace function bench_first(c int) returns text language sql immutable as $$
  select (${sqlArray(FIRST_NAMES)})[1 + (c * 13) % ${FIRST_NAMES.length}] $$;
create or replace function bench_last(c int) returns text language sql immutable as $$
  select (${sqlArray(LAST_NAMES)})[1 + (c * 7 + c / 50) % ${LAST_NAMES.length}] $$;
create or replace function bench_domain(c int) returns text language sql immutable as $$
  select (${sqlArray(DOMAINS)})[1 + c % ${DOMAINS.length}] $$;
create table if not exists bench_meta (shop_id uuid not null, conversations int not null);`;
}

/** The shop already seeded with exactly `n` conversations, if any. */
export async function findSeededShop(database: Database, n: number): Promise<string | null> {
  try {
    const rows = await queryRows<{ shop_id: string }>(
      database.db,
      sql`select shop_id from bench_meta where conversations = ${n} limit 1`,
    );
    return rows[0]?.shop_id ?? null;
  } catch {
    return null;
  }
}

/** Seeds one shop with n conversations of ~10 messages each using set-based INSERT … SELECT batches. */
export async function seedBulk(database: Database, n: number, log: (s: string) => void): Promise<string> {
  await database.exec(helperFunctions());
  await database.exec('truncate bench_meta');
  const shop = await createShop(database.db, { name: `Bench shop ${randomBytes(3).toString('hex')}` });
  await createStaffUser(database.db, {
    shopId: shop.id,
    email: BENCH_EMAIL,
    password: BENCH_PASSWORD,
    role: 'owner',
  }).catch(async () => {
    // The bench user from an earlier run moves to the new shop.
    await database.exec(`update staff_users set shop_id = '${shop.id}' where email = '${BENCH_EMAIL}'`);
  });
  const customers = Math.max(1, Math.floor(n / 2));
  const spacing = SPAN_SECONDS / n;
  await ensureDayPartitions(database.db, new Date(Date.now() - SPAN_SECONDS * 1000), new Date());
  const started = Date.now();
  await database.exec(`
    insert into customers (id, shop_id, name, email)
    select md5('${shop.id}-cust-' || c)::uuid, '${shop.id}', bench_first(c) || ' ' || bench_last(c),
      lower(bench_first(c) || '.' || bench_last(c) || c || '@' || bench_domain(c))
    from generate_series(1, ${customers}) c`);
  for (let from = 1; from <= n; from += BATCH) {
    const to = Math.min(n, from + BATCH - 1);
    const startedAt = `(now() - (i * ${spacing.toFixed(6)}) * interval '1 second')`;
    await database.exec(`
      insert into conversations (id, shop_id, customer_id, channel, status, has_draft, preview, started_at,
        last_message_at, updated_at, search_vector)
      select md5('${shop.id}-conv-' || i)::uuid, '${shop.id}',
        case when i % 10 = 0 then null else md5('${shop.id}-cust-' || (1 + i % ${customers}))::uuid end,
        (array['widget','widget','widget','widget','widget','widget','gmail','outlook','email','api'])[1 + i % 10],
        case when i % 10 = 6 and i % 3 = 0 then 'draft' when i % 2 = 0 then 'resolved' else 'unresolved' end,
        (i % 10 = 6 and i % 3 = 0),
        left(bench_text(i, ${MESSAGES_PER_CONVERSATION}), 160),
        ${startedAt}, ${startedAt} + interval '5 minutes', ${startedAt} + interval '5 minutes',
        to_tsvector('simple', (select string_agg(bench_text(i, k), ' ') from generate_series(1, ${MESSAGES_PER_CONVERSATION}) k))
      from generate_series(${from}, ${to}) i;
      insert into messages (shop_id, conversation_id, conversation_started_at, role, parts, created_at)
      select '${shop.id}', md5('${shop.id}-conv-' || i)::uuid, ${startedAt},
        case when k % 2 = 1 then 'customer' else 'ai' end,
        case when k = 4 then jsonb_build_array(
            jsonb_build_object('type', 'tool-call', 'toolCallId', 'call_' || i, 'toolName', 'lookupOrder',
              'input', jsonb_build_object('orderNumber', '#' || (10000 + i % 900000), 'email', 'x@example.com')),
            jsonb_build_object('type', 'tool-result', 'toolCallId', 'call_' || i, 'toolName', 'lookupOrder',
              'output', jsonb_build_object('found', false)),
            jsonb_build_object('type', 'text', 'text', bench_text(i, k)))
          else jsonb_build_array(jsonb_build_object('type', 'text', 'text', bench_text(i, k))) end,
        ${startedAt} + k * interval '30 seconds'
      from generate_series(${from}, ${to}) i cross join generate_series(1, ${MESSAGES_PER_CONVERSATION}) k;`);
    const rate = Math.round(to / ((Date.now() - started) / 1000));
    log(`  seeded ${to.toLocaleString('en')} / ${n.toLocaleString('en')} conversations (${rate}/s)`);
  }
  await database.exec('analyze');
  await database.exec(`insert into bench_meta values ('${shop.id}', ${n})`);
  return shop.id;
}
