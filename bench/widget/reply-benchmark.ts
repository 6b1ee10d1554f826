import { performance } from 'node:perf_hooks';
import { shops } from '../../src/db/schema/index.ts';
import { seedDemoShop } from '../../src/seed/seed-demo-shop.ts';
import type { BenchArgs } from '../lib/args.ts';
import { openBenchDatabase } from '../lib/bench-db.ts';
import { startBenchServer } from '../lib/bench-server.ts';
import { machineBusySeconds } from '../lib/machine-cpu.ts';
import { SHOPPER_QUESTIONS } from '../lib/shopper-questions.ts';
import { summarize } from '../lib/stats.ts';
import { openEventStream } from './sse-reader.ts';

type Waiter = { sentAt: number; firstToken?: number; resolve: (t: { ttft: number; total: number }) => void };

/**
 * Concurrent widget conversations, each posting messages one after another and awaiting the AI reply on
 * its SSE stream: messages answered per second, time to first token and to the complete reply.
 */
export async function runWidgetReplyBenchmark(args: BenchArgs, log: (s: string) => void) {
  const database = await openBenchDatabase('widget');
  const [existing] = await database.db.select().from(shops).limit(1);
  const widgetKey =
    existing?.widgetKey ??
    (await (async () => {
      const { shopId } = await seedDemoShop(database.db, {
        adminEmail: 'widget-bench@example.com',
        adminPassword: 'bench-pass-1',
      });
      const [shop] = await database.db.select().from(shops).limit(1);
      return shop.id === shopId ? shop.widgetKey : shop.widgetKey;
    })());
  await database.close();
  const server = await startBenchServer(database.url, database.dataDir);
  const base = server.base;
  const conversations = args.quick ? 20 : 50;
  const perConversation = args.quick ? 10 : 20;
  const abort = new AbortController();
  const ttft: number[] = [];
  const total: number[] = [];
  let failures = 0;

  const converse = async () => {
    const started = await fetch(`${base}/widget/v1/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ widgetKey }),
    });
    const { conversationId, token } = (await started.json()) as { conversationId: string; token: string };
    let waiter: Waiter | null = null;
    await openEventStream(
      `${base}/widget/v1/conversations/${conversationId}/stream`,
      token,
      (event, data) => {
        if (!waiter) return;
        if (event === 'delta' && waiter.firstToken === undefined) waiter.firstToken = performance.now();
        if (event === 'message' && JSON.parse(data).role === 'ai') {
          const now = performance.now();
          const w = waiter;
          waiter = null;
          w.resolve({ ttft: (w.firstToken ?? now) - w.sentAt, total: now - w.sentAt });
        }
      },
      abort.signal,
    );
    for (let i = 0; i < perConversation; i++) {
      const text = SHOPPER_QUESTIONS[i % SHOPPER_QUESTIONS.length];
      const done = new Promise<{ ttft: number; total: number }>((resolve) => {
        waiter = { sentAt: performance.now(), resolve };
      });
      const res = await fetch(`${base}/widget/v1/conversations/${conversationId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ text }),
      });
      if (res.status !== 202) {
        failures++;
        waiter = null;
        continue;
      }
      // A reply that never comes counts as a failure instead of stalling the run.
      const t = await Promise.race([done, new Promise<null>((r) => setTimeout(() => r(null), 15_000))]);
      if (!t) {
        failures++;
        waiter = null;
        continue;
      }
      ttft.push(t.ttft);
      total.push(t.total);
    }
  };

  log(`Widget replies: ${conversations} conversations × ${perConversation} messages on ${database.label}…`);
  const t0 = performance.now();
  const machine0 = machineBusySeconds();
  const client0 = process.cpuUsage();
  await Promise.all(Array.from({ length: conversations }, converse));
  const seconds = (performance.now() - t0) / 1000;
  const machine1 = machineBusySeconds();
  const client = process.cpuUsage(client0);
  abort.abort();
  const { cpuSeconds: serverCpuSeconds } = await server.stop();
  const answered = total.length;
  const perMessage = (cpuSeconds: number) =>
    Math.round((cpuSeconds * 1000 * 100) / Math.max(answered, 1)) / 100;
  return {
    database: database.label,
    conversations,
    messages: answered,
    failures,
    seconds: Math.round(seconds * 100) / 100,
    messagesPerSecond: Math.round(answered / seconds),
    // CPU the server process spent per answered message (the rest of the machine runs PostgreSQL and the load).
    serverCpuMsPerMessage: perMessage(serverCpuSeconds),
    // The load generator's own CPU, and the whole machine's (server, load, PostgreSQL, the rest) per message.
    clientCpuMsPerMessage: perMessage((client.user + client.system) / 1e6),
    machineCpuMsPerMessage: machine0 !== null && machine1 !== null ? perMessage(machine1 - machine0) : null,
    timeToFirstTokenMs: summarize(ttft),
    completeReplyMs: summarize(total),
  };
}
