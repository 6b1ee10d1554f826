import { performance } from 'node:perf_hooks';
import { BENCH_EMAIL, BENCH_PASSWORD, findSeededShop, seedBulk } from '../conversations/seed-bulk.ts';
import type { BenchArgs } from '../lib/args.ts';
import { openBenchDatabase } from '../lib/bench-db.ts';
import { startProductServer } from '../lib/product-server.ts';

const SCENARIOS = [
  { name: 'ndjson, everything', query: 'format=ndjson' },
  { name: 'csv, everything', query: 'format=csv' },
  { name: 'ndjson, status=unresolved', query: 'format=ndjson&status=unresolved' },
];

const MB = 1_000_000;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function signIn(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: BENCH_EMAIL, password: BENCH_PASSWORD }),
  });
  if (!res.ok) throw new Error(`bench login failed: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

/** Reads a whole export as a client would: bytes, lines, time to the first byte and to the last. */
async function download(url: string, cookie: string) {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  if (!res.ok || !res.body) throw new Error(`${url} answered ${res.status}`);
  let bytes = 0;
  let lines = 0;
  let firstByteMs = 0;
  for await (const chunk of res.body) {
    if (bytes === 0) firstByteMs = performance.now() - t0;
    bytes += chunk.length;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  }
  return { bytes, lines, firstByteMs, seconds: (performance.now() - t0) / 1000 };
}

/**
 * `GET /api/conversations/export` over real HTTP from the product as `npm start` runs it, on the list
 * benchmark's data (N conversations of 10 messages, seeded once): MB/s and the server's peak memory.
 * A fresh server per scenario, so each peak is that export's (or start-up's, whichever is higher).
 */
export async function runExportBenchmark(args: BenchArgs, log: (s: string) => void) {
  const n = args.conversations;
  const database = await openBenchDatabase(`list_${n}`);
  let seedSeconds: number | null = null;
  if (!(await findSeededShop(database, n))) {
    log(`Seeding ${n.toLocaleString('en')} conversations (~${(n * 10).toLocaleString('en')} messages)…`);
    const t0 = performance.now();
    await seedBulk(database, n, log);
    seedSeconds = round((performance.now() - t0) / 1000);
  }
  // PGlite is one process's: the server opens it next.
  await database.close();
  const results = [];
  for (const scenario of SCENARIOS) {
    if (args.only && !scenario.name.includes(args.only)) continue;
    const server = await startProductServer(database.url, database.dataDir);
    let run: Awaited<ReturnType<typeof download>>;
    try {
      const cookie = await signIn(server.base);
      run = await download(`${server.base}/api/conversations/export?${scenario.query}`, cookie);
    } catch (err) {
      await server.stop();
      throw err;
    }
    const usage = await server.stop();
    const result = {
      name: scenario.name,
      query: scenario.query,
      megabytes: round(run.bytes / MB),
      lines: run.lines,
      seconds: round(run.seconds, 2),
      megabytesPerSecond: round(run.bytes / MB / run.seconds),
      firstByteMs: round(run.firstByteMs),
      serverStartRssMb: round(server.startRssBytes / MB),
      serverPeakRssMb: round(usage.peakRssBytes / MB),
      serverCpuSeconds: round(usage.cpuSeconds, 2),
    };
    results.push(result);
    log(
      `  ${scenario.name}: ${result.megabytes} MB in ${result.seconds} s = ${result.megabytesPerSecond} MB/s, server peak RSS ${result.serverPeakRssMb} MB`,
    );
  }
  return {
    database: database.label,
    conversations: n,
    messages: n * 10,
    seedSeconds,
    targets: { megabytesPerSecond: 50, serverPeakRssMb: 200 },
    results,
  };
}
