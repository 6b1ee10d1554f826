import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { BenchArgs } from '../lib/args.ts';
import { emptyBenchDatabase } from '../lib/bench-db.ts';
import { machineBusySeconds } from '../lib/machine-cpu.ts';
import { startProductServer, usageOf } from '../lib/product-server.ts';
import { type Customer, converse, openCustomer } from './customers.ts';
import { createClient, loopbackAddress, request } from './http.ts';
import { createRecorder } from './recorder.ts';
import { type StaffMember, signInStaff, workInbox } from './staff.ts';

const LOGIN = { email: 'load-bench@example.com', password: 'load-bench-pass-1' };
const CUSTOMERS = 500;
const STAFF = 5;
/** Shoppers opening the widget at the same moment while the 500 arrive. */
const OPENING_CONCURRENCY = 25;
const GAP_MS: [number, number] = [5_000, 15_000];
const THINK_MS: [number, number] = [250, 750];
const REPLY_TIMEOUT_MS = 15_000;
const MB = 1_000_000;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A small seeded PRNG (mulberry32): the same run plan every time. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The server's event-loop delay since the last scrape (prom-client resets it on each), from `GET /metrics`:
 * how long a ready request or stream write waited for the server's one JavaScript thread.
 */
async function scrapeEventLoopLag(base: string, token: string) {
  const res = await request(createClient(base, loopbackAddress(3, 0)), 'GET', '/metrics', {
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.status !== 200) throw new Error(`GET /metrics answered ${res.status}`);
  const ms = (name: string) =>
    round(
      Number(res.body.match(new RegExp(`^nodejs_eventloop_lag_${name}_seconds (\\S+)$`, 'm'))?.[1]) * 1000,
    );
  return { p50: ms('p50'), p99: ms('p99'), max: ms('max') };
}

/** Runs `task` over 0..n-1, `concurrency` at a time. */
async function pool<T>(n: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

/**
 * Issue 8's load test against the product as `npm start` runs it, on a fresh database and demo shop: 500 widget
 * conversations each hold their event stream for the whole run (60 s; 20 s with --quick) and chat at a
 * shopper's pace (a message 5–15 s after each answer, the offline AI replying), while 5 signed-in staff
 * hold the admin's event stream and list, filter, search, page and open conversations and tickets
 * continuously. Every non-2xx, network error, stream that ends early and reply not complete within 15 s
 * is an error. Each shopper and staff member connects from its own loopback address, as real ones would:
 * the widget's per-address limit on new conversations (30 a minute) stays as shipped.
 */
export async function runLoadBenchmark(args: BenchArgs, log: (s: string) => void) {
  const holdSeconds = args.quick ? 15 : 60;
  const t0 = performance.now();
  // Empty: the product migrates it and seeds the demo shop on its first start, as `npm start` does.
  const database = await emptyBenchDatabase('load');
  const tServer = performance.now();
  // /metrics on, as an operator would have it, for the server's own view of its event loop.
  const metricsToken = randomBytes(16).toString('hex');
  const server = await startProductServer(database.url, database.dataDir, {
    METRICS_TOKEN: metricsToken,
    SUPPORTIFY_DEMO: '1',
    SUPPORTIFY_ADMIN_EMAIL: LOGIN.email,
    SUPPORTIFY_ADMIN_PASSWORD: LOGIN.password,
  });
  const rec = createRecorder();
  const random = seeded(8);
  let customers: Customer[] = [];
  let staff: StaffMember[] = [];
  let usage: { cpuSeconds: number; peakRssBytes: number } | null = null;
  const sampler = { peakRssBytes: 0, timer: undefined as NodeJS.Timeout | undefined };
  try {
    const serverStartSeconds = (performance.now() - tServer) / 1000;
    const tOpen = performance.now();
    log(`load: ${STAFF} staff sign in, ${CUSTOMERS} shoppers open the widget on ${database.label}…`);
    staff = (
      await Promise.all(Array.from({ length: STAFF }, (_, i) => signInStaff(server.base, i, LOGIN, rec)))
    ).filter((s) => s !== null);
    if (staff.length === 0) throw new Error('no staff member could sign in');
    // The storefront's widget key, from Settings → Channels.
    const channels = await request(staff[0].client, 'GET', '/api/settings/channels', {
      headers: { cookie: staff[0].cookie },
    });
    if (channels.status !== 200) throw new Error(`GET /api/settings/channels answered ${channels.status}`);
    const { widgetKey } = JSON.parse(channels.body) as { widgetKey: string };
    const opened = await pool(CUSTOMERS, OPENING_CONCURRENCY, (i) =>
      openCustomer(server.base, widgetKey, i, rec),
    );
    customers = opened.filter((c) => c !== null);
    for (const s of staff) s.seen.push(...customers.slice(0, 50).map((c) => c.conversationId));
    const setupSeconds = (performance.now() - t0) / 1000;
    const openSeconds = (performance.now() - tOpen) / 1000;

    log(
      `load: holding ${customers.length} widget and ${staff.length} admin streams for ${holdSeconds} s with chat and admin traffic…`,
    );
    const holdStart = performance.now();
    const holdUntil = holdStart + holdSeconds * 1000;
    const pid = server.pid ?? 0;
    // The server's memory and CPU now; null (and one error) once its process is gone.
    let gone = false;
    const sample = () => {
      try {
        return usageOf(pid);
      } catch {
        if (!gone) rec.error('server', 'process exited', JSON.stringify(server.exitStatus?.()));
        gone = true;
        return null;
      }
    };
    const server0 = usageOf(pid);
    await scrapeEventLoopLag(server.base, metricsToken);
    const client0 = process.cpuUsage();
    const machine0 = machineBusySeconds();
    sampler.timer = setInterval(() => {
      sampler.peakRssBytes = Math.max(sampler.peakRssBytes, sample()?.rss ?? 0);
    }, 1000);
    await Promise.all([
      ...customers.map((c) =>
        converse(
          c,
          {
            holdUntil,
            sendUntil: holdUntil - (args.quick ? 3_000 : 5_000),
            gapMs: GAP_MS,
            replyTimeoutMs: REPLY_TIMEOUT_MS,
            random,
          },
          rec,
        ),
      ),
      ...staff.map((s) => workInbox(s, { until: holdUntil, thinkMs: THINK_MS, random }, rec)),
    ]);
    // Every stream stays open to the end of the hold, whatever the shoppers' last message.
    await new Promise((r) => setTimeout(r, Math.max(0, holdUntil - performance.now())));
    const heldSeconds = (performance.now() - holdStart) / 1000;
    const eventLoopLagMs = gone
      ? null
      : await scrapeEventLoopLag(server.base, metricsToken).catch(() => null);
    clearInterval(sampler.timer);
    const server1 = sample() ?? { ...server0, rss: 0 };
    const client = process.cpuUsage(client0);
    const machine1 = machineBusySeconds();
    const widgetHeld = customers.filter((c) => !c.stream.dropped).length;
    const adminHeld = staff.filter((s) => !s.events.dropped).length;
    for (const c of customers) {
      c.stream.close();
      c.client.agent.destroy();
    }
    for (const s of staff) {
      s.events.close();
      s.client.agent.destroy();
    }
    const exited = server.exitStatus?.() ?? null;
    usage = await server.stop();
    const percentOfCore = (seconds: number) => round((seconds / heldSeconds) * 100);
    const sent = customers.reduce((n, c) => n + c.sent, 0);
    const answered = customers.reduce((n, c) => n + c.answered, 0);
    const errors = rec.errors();
    const missing = CUSTOMERS - widgetHeld + (STAFF - adminHeld);
    return {
      database: database.label,
      customers: CUSTOMERS,
      staff: STAFF,
      holdSeconds,
      // An empty database, the product's first start (migrations, demo shop), then staff and shoppers arriving.
      setupSeconds: round(setupSeconds),
      serverStartSeconds: round(serverStartSeconds),
      openSeconds: round(openSeconds),
      heldSeconds: round(heldSeconds),
      plan: {
        messageGapMs: GAP_MS,
        staffThinkMs: THINK_MS,
        replyTimeoutMs: REPLY_TIMEOUT_MS,
        openingConcurrency: OPENING_CONCURRENCY,
      },
      streams: {
        widgetOpened: customers.length,
        widgetHeldToEnd: widgetHeld,
        adminOpened: staff.length,
        adminHeldToEnd: adminHeld,
        adminEventsReceived: staff.reduce((n, s) => n + s.events.events, 0),
      },
      messages: { sent, answered, perSecond: round(answered / heldSeconds) },
      adminRequests: staff.reduce((n, s) => n + s.requests, 0),
      // Streams that never opened are counted where they failed (start, open); each one missing at the end is an error.
      errors: { ...errors, streamsMissingAtEnd: missing },
      operations: rec.operations(),
      server: {
        startRssMb: round(server.startRssBytes / MB),
        peakRssBeforeHoldMb: round(server0.peakRss / MB),
        holdPeakRssMb: round(Math.max(sampler.peakRssBytes, server1.rss) / MB),
        // VmHWM: the process's peak over its whole life, start-up included.
        peakRssMb: round(usage.peakRssBytes / MB),
        holdCpuPercentOfCore: percentOfCore(server1.cpuSeconds - server0.cpuSeconds),
        cpuSeconds: round(usage.cpuSeconds, 2),
        eventLoopLagMs,
        // Set when the server's process ended before the run did.
        exited,
        logTail: server.logTail?.() ?? [],
      },
      clientCpuPercentOfCore: percentOfCore((client.user + client.system) / 1e6),
      // Busy share of the whole machine (every core: server, load generator, PostgreSQL, the rest).
      machineCpuPercent:
        machine0 !== null && machine1 !== null
          ? round(((machine1 - machine0) / heldSeconds / os.availableParallelism()) * 100)
          : null,
      seconds: round((performance.now() - t0) / 1000),
    };
  } finally {
    clearInterval(sampler.timer);
    if (!usage) {
      for (const c of customers) c.stream.close();
      for (const s of staff) s.events.close();
      await server.stop();
    }
  }
}
