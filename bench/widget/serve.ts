// The server half of the widget and export benchmarks, in its own process so the load generator does not share its CPU.
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/client.ts';

const databaseUrl = process.env.DATABASE_URL;
const dataDir = process.env.BENCH_DATA_DIR;
const database = await openDatabase({ databaseUrl, dataDir, poolSize: 10 });
// The load comes from one address: per-IP limits would measure the limiter, not the product.
const app = await buildApp({
  config: { ...loadConfig({}), databaseUrl, logLevel: 'warn' },
  database,
  logger: false,
  widgetRateLimits: { messages: 100_000, starts: 100_000 },
});
await app.listen({ port: 0, host: '127.0.0.1' });
// CPU is counted from here: start-up (module loading, migrations check) is not per-message work.
const ready = process.cpuUsage();
const address = app.server.address();
process.stdout.write(
  `listening ${typeof address === 'object' && address ? address.port : 0} rss ${process.memoryUsage.rss()}\n`,
);
process.on('SIGTERM', async () => {
  const { user, system } = process.cpuUsage(ready);
  // maxRSS is in kilobytes: the process's peak resident memory over its whole life.
  process.stdout.write(`cpu ${(user + system) / 1e6} maxrss ${process.resourceUsage().maxRSS * 1024}\n`);
  await app.close();
  await database.close();
  process.exit(0);
});
