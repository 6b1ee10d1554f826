import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { encodeCursor } from '../../src/conversations/cursor.ts';
import {
  buildListQuery,
  buildSearchCandidatesQuery,
  type ConversationFilters,
} from '../../src/conversations/list-query.ts';
import { findSearchCandidates } from '../../src/conversations/queries.ts';
import { type Database, queryRows } from '../../src/db/client.ts';
import { expiryCutoff } from '../../src/retention/expiry.ts';
import { MAX_RETENTION_DAYS } from '../../src/settings/shop-settings.ts';
import type { BenchArgs } from '../lib/args.ts';
import { openBenchDatabase } from '../lib/bench-db.ts';
import { timeRequests } from '../lib/http-timer.ts';
import { summarize } from '../lib/stats.ts';
import { BENCH_EMAIL, BENCH_PASSWORD, findSeededShop, seedBulk } from './seed-bulk.ts';

type Scenario = {
  name: string;
  filters: ConversationFilters;
  cursor?: { startedAt: Date; id: string };
  /** API parameters the SQL filters stand for (`expiresWithinDays` becomes `startedBefore`). */
  query?: Record<string, string>;
};
type PlanNode = { 'Node Type': string; 'Index Name'?: string; Plans?: PlanNode[] };

function indexesUsed(node: PlanNode, found = new Set<string>()): Set<string> {
  if (node['Index Name']) found.add(node['Index Name']);
  for (const child of node.Plans ?? []) indexesUsed(child, found);
  return found;
}

/** EXPLAIN ANALYZE of the exact list SQL: planning + execution milliseconds per run, and the indexes used. */
async function timeSql(database: Database, shopId: string, s: Scenario, count: number) {
  const times: number[] = [];
  let indexes: string[] = [];
  const q = s.filters.q;
  // The same statements the API runs: the candidate probe for a search, then the page.
  const candidates = q ? await findSearchCandidates(database.db, shopId, q) : undefined;
  const statements = [
    ...(q ? [buildSearchCandidatesQuery(shopId, q)] : []),
    buildListQuery(shopId, s.filters, s.cursor ?? null, 51, candidates),
  ];
  for (let i = 0; i < count; i++) {
    let total = 0;
    const used = new Set<string>();
    for (const statement of statements) {
      const [row] = await queryRows<{ 'QUERY PLAN': unknown }>(
        database.db,
        sql`explain (analyze, format json) ${statement}`,
      );
      const raw = row['QUERY PLAN'];
      const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{
        Plan: PlanNode;
        'Planning Time': number;
        'Execution Time': number;
      }>;
      total += plan[0]['Planning Time'] + plan[0]['Execution Time'];
      indexesUsed(plan[0].Plan, used);
    }
    times.push(total);
    indexes = [...used];
  }
  const path = !q
    ? 'index walk'
    : candidates
      ? `${candidates.length} matches sorted`
      : 'common term: index walk';
  return { times, indexes, path };
}

async function pickScenarios(database: Database, shopId: string, n: number): Promise<Scenario[]> {
  const [customer] = await queryRows<{ email: string; name: string }>(
    database.db,
    sql`select email, name from customers where shop_id = ${shopId} order by email offset ${Math.floor(n / 4)} limit 1`,
  );
  const [deep] = await queryRows<{ started_at: string; id: string }>(
    database.db,
    sql`select started_at, id from conversations where shop_id = ${shopId}
        order by started_at desc, id desc offset ${Math.min(Math.floor(n / 2), 50_000)} limit 1`,
  );
  return [
    { name: 'default list', filters: {} },
    { name: 'status=unresolved', filters: { status: 'unresolved' } },
    { name: 'status=draft', filters: { status: 'draft' } },
    { name: 'channel=outlook', filters: { channel: 'outlook' } },
    { name: 'hasDrafts=true', filters: { hasDrafts: true } },
    { name: 'status+channel', filters: { status: 'resolved', channel: 'email' } },
    { name: 'word search (common)', filters: { q: 'zipper' } },
    { name: 'word search (rare)', filters: { q: String(10000 + Math.floor(n / 3)) } },
    { name: 'email search', filters: { q: customer.email } },
    { name: 'partial email', filters: { q: customer.email.slice(0, 12) } },
    { name: 'name search', filters: { q: customer.name } },
    { name: 'search+status', filters: { q: 'refund', status: 'unresolved' } },
    { name: 'deep page', filters: {}, cursor: { startedAt: new Date(deep.started_at), id: deep.id } },
    {
      name: 'expiresWithinDays=7',
      filters: { startedBefore: expiryCutoff(new Date(), MAX_RETENTION_DAYS - 7) },
      query: { expiresWithinDays: '7' },
    },
  ];
}

function toQueryString(s: Scenario): string {
  const params = new URLSearchParams({ limit: '50' });
  for (const [k, v] of Object.entries(s.filters))
    if (v !== undefined && k !== 'startedBefore') params.set(k, String(v));
  for (const [k, v] of Object.entries(s.query ?? {})) params.set(k, v);
  if (s.cursor) params.set('cursor', encodeCursor(s.cursor));
  return params.toString();
}

/** Seeds (once) and measures `GET /api/conversations` end to end against the same SQL under EXPLAIN ANALYZE. */
export async function runConversationListBenchmark(args: BenchArgs, log: (s: string) => void) {
  const n = args.conversations;
  const database = await openBenchDatabase(`list_${n}`);
  let shopId = await findSeededShop(database, n);
  let seedSeconds: number | null = null;
  if (!shopId) {
    log(
      `Seeding ${n.toLocaleString('en')} conversations (~${(n * 10).toLocaleString('en')} messages) on ${database.label}…`,
    );
    const t0 = performance.now();
    shopId = await seedBulk(database, n, log);
    seedSeconds = Math.round((performance.now() - t0) / 100) / 10;
  }
  const config = { ...loadConfig({}), databaseUrl: database.url, logLevel: 'warn' };
  const app = await buildApp({ config, database, logger: false, loginRateLimit: 1000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: BENCH_EMAIL, password: BENCH_PASSWORD }),
    });
    if (!login.ok) throw new Error(`bench login failed: ${login.status}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const scenarios = await pickScenarios(database, shopId, n);
    const results = [];
    for (const s of scenarios) {
      if (args.only && !s.name.includes(args.only)) continue;
      const api = summarize(
        await timeRequests(`${base}/api/conversations?${toQueryString(s)}`, { cookie }, args.requests),
      );
      const sqlRun = await timeSql(database, shopId, s, Math.max(20, Math.floor(args.requests / 4)));
      const sqlSummary = summarize(sqlRun.times);
      const ratio = Math.round((api.p50 / sqlSummary.p50) * 100) / 100;
      results.push({
        name: s.name,
        query: toQueryString(s),
        api,
        sql: sqlSummary,
        apiToSql: ratio,
        path: sqlRun.path,
        indexes: sqlRun.indexes,
      });
      log(`  ${s.name}: api p95 ${api.p95} ms, sql p95 ${sqlSummary.p95} ms`);
    }
    return {
      database: database.label,
      conversations: n,
      messages: n * 10,
      seedSeconds,
      requests: args.requests,
      results,
    };
  } finally {
    await app.close();
    await database.close();
  }
}
