import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startArgs } from '../../scripts/start-command.ts';
import type { BenchServer } from './bench-server.ts';

const TICKS_PER_SECOND = 100;

/** Resident memory now and at its peak, and CPU seconds used, of a Linux process (from /proc). */
export function usageOf(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(status.match(new RegExp(`${field}:\\s+(\\d+) kB`))?.[1] ?? 0) * 1024;
  // utime and stime are fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name).
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return {
    rss: kb('VmRSS'),
    peakRss: kb('VmHWM'),
    cpuSeconds: (Number(stat[11]) + Number(stat[12])) / TICKS_PER_SECOND,
  };
}

/**
 * The product exactly as `npm start` runs it (server bundle, Node flags, background jobs) on the benchmark
 * database, on free ports: what a merchant's server would use, not a test harness.
 */
export async function startProductServer(
  databaseUrl: string | undefined,
  dataDir: string | undefined,
  /** More settings, as a merchant would set them (e.g. METRICS_TOKEN). */
  settings: Record<string, string> = {},
): Promise<BenchServer> {
  // Like `npm start`: rebuild the bundles first if the sources changed (a no-op when they did not).
  const build = spawnSync(
    process.execPath,
    [fileURLToPath(new URL('../../scripts/build-if-stale.ts', import.meta.url))],
    { stdio: 'inherit' },
  );
  if (build.status !== 0) throw new Error(`building the product failed (${build.status})`);
  const env = {
    ...process.env,
    PORT: '0',
    SMTP_PORT: '0',
    LOG_LEVEL: 'warn',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '' }),
    ...(dataDir ? { SUPPORTIFY_DATA_DIR: dataDir } : {}),
    ...settings,
  };
  const child = spawn(process.execPath, startArgs(), { env, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  let startTimer: NodeJS.Timeout | undefined;
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/Admin:\s+(http:\/\/\S+?)\/\s/);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`product server exited with ${code}: ${output}`)));
    startTimer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`product server did not start within 60 s: ${output}`));
    }, 60_000);
  }).finally(() => clearTimeout(startTimer));
  const pid = child.pid ?? 0;
  const ready = usageOf(pid);
  let exited: { code: number | null; signal: string | null } | null = null;
  child.once('exit', (code, signal) => {
    exited = { code, signal };
  });
  let last = { cpuSeconds: ready.cpuSeconds, peakRss: ready.peakRss };
  return {
    base,
    pid,
    startRssBytes: ready.rss,
    exitStatus: () => exited,
    // Warnings and errors it logged (JSON lines on stdout at LOG_LEVEL=warn), the last 20.
    logTail: () =>
      output
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .slice(-20),
    stop: () =>
      new Promise((resolve) => {
        const usage = () => ({ cpuSeconds: last.cpuSeconds - ready.cpuSeconds, peakRssBytes: last.peakRss });
        if (exited) return resolve(usage());
        last = usageOf(pid);
        child.once('exit', () => resolve(usage()));
        child.kill('SIGTERM');
      }),
  };
}
