// `npm run bench -- [--quick] [--conversations N] [--requests N] [--only name] [--suite list|widget|purge|export|admin|load]`: every benchmark, one summary table.

import { runAdminBenchmark } from './admin/admin-benchmark.ts';
import { runConversationListBenchmark } from './conversations/list-benchmark.ts';
import { runExportBenchmark } from './export/export-benchmark.ts';
import { readArgs } from './lib/args.ts';
import { printTable, writeResult } from './lib/results.ts';
import { addHeadline, printSummary } from './lib/summary.ts';
import { runLoadBenchmark } from './load/load-benchmark.ts';
import { runPurgeBenchmark } from './retention/purge-benchmark.ts';
import { runWidgetReplyBenchmark } from './widget/reply-benchmark.ts';

const args = readArgs();
const log = (s: string) => process.stdout.write(`${s}\n`);

const started = performance.now();
const wants = (suite: string) => !args.suite || args.suite.split(',').includes(suite);
if (wants('list')) await benchConversationList();
if (wants('widget')) await benchWidgetReplies();
if (wants('purge')) await benchPurge();
if (wants('export')) await benchExport();
if (wants('admin')) await benchAdmin();
if (wants('load')) await benchLoad();
printSummary(log, (performance.now() - started) / 1000);

async function benchConversationList() {
  const list = await runConversationListBenchmark(args, log);
  const file = writeResult('conversations-list', { ...list, at: new Date().toISOString() });
  log(
    `\nconversations list on ${list.database}, ${list.conversations.toLocaleString('en')} conversations (${file})`,
  );
  const slowest = list.results.reduce((a, b) => (b.api.p95 > a.api.p95 ? b : a));
  addHeadline({
    suite: 'list',
    measure: `slowest list/search api p95 (${slowest.name})`,
    value: slowest.api.p95,
    unit: 'ms',
  });
  printTable(
    list.results.map((r) => ({
      scenario: r.name,
      'api p50': r.api.p50,
      'api p95': r.api.p95,
      'api p99': r.api.p99,
      'sql p50': r.sql.p50,
      'sql p95': r.sql.p95,
      'api/sql': r.apiToSql,
      path: r.path,
      indexes: r.indexes.join(',') || 'seq scan',
    })),
  );
}

async function benchWidgetReplies() {
  const replies = await runWidgetReplyBenchmark(args, log);
  const repliesFile = writeResult('widget-replies', { ...replies, at: new Date().toISOString() });
  log(`\nwidget replies on ${replies.database} (${repliesFile})`);
  addHeadline({
    suite: 'widget',
    measure: 'answered messages per second',
    value: replies.messagesPerSecond,
    unit: 'msg/s',
    target: { min: 1000 },
  });
  addHeadline({
    suite: 'widget',
    measure: 'complete reply p99',
    value: replies.completeReplyMs.p99,
    unit: 'ms',
    target: { max: 150 },
  });
  printTable([
    {
      conversations: replies.conversations,
      answered: replies.messages,
      failures: replies.failures,
      'msg/s': replies.messagesPerSecond,
      'server cpu ms/msg': replies.serverCpuMsPerMessage,
      'client cpu ms/msg': replies.clientCpuMsPerMessage,
      'machine cpu ms/msg': replies.machineCpuMsPerMessage ?? '-',
      'ttft p50': replies.timeToFirstTokenMs.p50,
      'ttft p99': replies.timeToFirstTokenMs.p99,
      'reply p50': replies.completeReplyMs.p50,
      'reply p99': replies.completeReplyMs.p99,
    },
  ]);
}

async function benchPurge() {
  const purge = await runPurgeBenchmark(args, log);
  const file = writeResult('retention-purge', { ...purge, at: new Date().toISOString() });
  log(
    `\npurge of one expired day on ${purge.database}, ${purge.conversations.toLocaleString('en')} conversations / ${purge.messages.toLocaleString('en')} messages (${file})`,
  );
  addHeadline({
    suite: 'purge',
    measure: `purge one day by partition drop (${purge.conversations.toLocaleString('en')} conversations)`,
    value: purge.partitioned.ms,
    unit: 'ms',
    target: { max: purge.targets.purgeMs },
  });
  addHeadline({
    suite: 'purge',
    measure: 'longest writer stall during the purge',
    value: purge.partitioned.writerMaxMs,
    unit: 'ms',
    target: { max: purge.targets.stallMs },
  });
  printTable(
    (['baseline', 'partitioned'] as const).map((k) => ({
      method: k === 'baseline' ? 'batched DELETE' : 'partition drop',
      'purge ms': purge[k].ms,
      conversations: purge[k].conversations,
      'messages row-deleted': purge[k].messagesDeleted,
      'partitions dropped': purge[k].partitionsDropped,
      'writer ops': purge[k].writerOps,
      'writer p99 ms': purge[k].writerP99Ms,
      'longest stall ms': purge[k].writerMaxMs,
    })),
  );
}

async function benchExport() {
  const exported = await runExportBenchmark(args, log);
  const file = writeResult('conversations-export', { ...exported, at: new Date().toISOString() });
  log(
    `\nconversation export on ${exported.database}, ${exported.conversations.toLocaleString('en')} conversations / ${exported.messages.toLocaleString('en')} messages (targets: ≥ ${exported.targets.megabytesPerSecond} MB/s, ≤ ${exported.targets.serverPeakRssMb} MB RSS) (${file})`,
  );
  for (const r of exported.results.filter((x) => x.name.endsWith('everything'))) {
    addHeadline({
      suite: 'export',
      measure: `${r.name}: throughput`,
      value: r.megabytesPerSecond,
      unit: 'MB/s',
      target: { min: exported.targets.megabytesPerSecond },
    });
    addHeadline({
      suite: 'export',
      measure: `${r.name}: server peak RSS`,
      value: r.serverPeakRssMb,
      unit: 'MB',
      target: { max: exported.targets.serverPeakRssMb },
    });
  }
  printTable(
    exported.results.map((r) => ({
      scenario: r.name,
      MB: r.megabytes,
      lines: r.lines,
      seconds: r.seconds,
      'MB/s': r.megabytesPerSecond,
      'first byte ms': r.firstByteMs,
      'server rss at start MB': r.serverStartRssMb,
      'server peak rss MB': r.serverPeakRssMb,
      'server cpu s': r.serverCpuSeconds,
    })),
  );
}

async function benchAdmin() {
  const admin = await runAdminBenchmark(args, log);
  const file = writeResult('admin', { ...admin, at: new Date().toISOString() });
  log(
    `
admin in Chromium on ${admin.database}, ${admin.conversations.toLocaleString('en')} conversations (targets: rows ≤ ${admin.targets.timeToRowsMs} ms, search ≤ ${admin.targets.searchMs} ms, initial JS ≤ ${admin.targets.adminInitialJsKb} KB gz) (${file})`,
  );
  printTable([
    {
      'rows p50 ms': admin.timeToRowsMs.p50,
      'rows p95 ms': admin.timeToRowsMs.p95,
      'search p50 ms': admin.searchMs.p50,
      'search p95 ms': admin.searchMs.p95,
      'initial JS KB gz': admin.bundles.adminInitialJsKb,
      'initial CSS KB gz': admin.bundles.adminInitialCssKb,
      'lazy JS KB gz': admin.bundles.adminLazyJsKb,
      'widget KB gz': admin.bundles.widgetJsKb,
    },
  ]);
  const long = admin.longHistory;
  const n = admin.conversations.toLocaleString('en');
  addHeadline({
    suite: 'admin',
    measure: 'initial JS (gzipped)',
    value: admin.bundles.adminInitialJsKb,
    unit: 'KB',
    target: { max: admin.targets.adminInitialJsKb },
  });
  addHeadline({
    suite: 'admin',
    measure: `time to first row p95 (${n} conversations)`,
    value: admin.timeToRowsMs.p95,
    unit: 'ms',
    target: { max: admin.targets.timeToRowsMs },
  });
  addHeadline({
    suite: 'admin',
    measure: `search end to end p95 (${n} conversations)`,
    value: admin.searchMs.p95,
    unit: 'ms',
    target: { max: admin.targets.searchMs },
  });
  addHeadline({
    suite: 'admin',
    measure: `2,000-message history scroll frame p95`,
    value: long.frameMs.p95,
    unit: 'ms',
  });
  log(
    `long history (${long.messages} messages): first message ${long.firstMessageMs} ms, ${long.messagesInDom} in the DOM, scroll frames p50 ${long.frameMs.p50} ms / p95 ${long.frameMs.p95} ms / max ${long.frameMs.max} ms over ${long.scrollFrames} frames${long.reachedOldest ? '' : ' (did not reach the oldest message)'}`,
  );
}

async function benchLoad() {
  const load = await runLoadBenchmark(args, log);
  const file = writeResult('load', { ...load, at: new Date().toISOString() });
  log(
    `\nload on ${load.database}: ${load.streams.widgetOpened} widget streams and ${load.streams.adminOpened} admin streams held ${load.heldSeconds} s, ${load.messages.answered} replies (${load.messages.perSecond}/s), ${load.adminRequests} admin requests; server RSS ${load.server.startRssMb} MB at start, ${load.server.holdPeakRssMb} MB peak under load, CPU ${load.server.holdCpuPercentOfCore} % of a core, event loop delay p99 ${load.server.eventLoopLagMs?.p99 ?? '-'} ms / max ${load.server.eventLoopLagMs?.max ?? '-'} ms; machine ${load.machineCpuPercent ?? '-'} % busy (${file})`,
  );
  printTable(
    load.operations.map((o) => ({
      operation: o.name,
      count: o.count,
      errors: o.errors,
      'p50 ms': o.p50,
      'p95 ms': o.p95,
      'p99 ms': o.p99,
      'max ms': o.max,
    })),
  );
  for (const [kind, n] of Object.entries(load.errors.byKind)) log(`  error: ${kind} × ${n}`);
  for (const line of load.server.logTail) log(`  server log: ${line.slice(0, 300)}`);
  for (const sample of load.errors.samples.slice(0, 5)) log(`  first errors: ${sample}`);
  if (load.server.exited) log(`  the server exited during the run: ${JSON.stringify(load.server.exited)}`);
  const op = (name: string) => load.operations.find((o) => o.name === name)?.p99 ?? Number.NaN;
  addHeadline({ suite: 'load', measure: 'errors', value: load.errors.total, unit: '', target: { max: 0 } });
  addHeadline({
    suite: 'load',
    measure: `widget streams held ${load.holdSeconds} s`,
    value: load.streams.widgetHeldToEnd,
    unit: 'streams',
    target: { min: load.customers },
  });
  addHeadline({
    suite: 'load',
    measure: 'widget complete reply p99',
    value: op('widget: complete reply'),
    unit: 'ms',
  });
  addHeadline({
    suite: 'load',
    measure: 'widget post message p99',
    value: op('widget: post message'),
    unit: 'ms',
  });
  addHeadline({
    suite: 'load',
    measure: 'admin conversation list p99',
    value: op('admin: conversation list'),
    unit: 'ms',
  });
  addHeadline({
    suite: 'load',
    measure: 'admin search p99',
    value: op('admin: conversation search'),
    unit: 'ms',
  });
  addHeadline({
    suite: 'load',
    measure: 'server peak RSS under load',
    value: load.server.holdPeakRssMb,
    unit: 'MB',
  });
}
