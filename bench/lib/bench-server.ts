import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type BenchServer = {
  base: string;
  /** The server's process id (for sampling its memory and CPU while it runs). */
  pid?: number;
  /** How it ended, if it has (product server only). */
  exitStatus?: () => { code: number | null; signal: string | null } | null;
  /** Its last logged warnings and errors (product server only). */
  logTail?: () => string[];
  /** Resident memory once it listens (modules loaded, database open). */
  startRssBytes: number;
  /** Stops the server: the CPU seconds it used after start-up, and its peak resident memory. */
  stop: () => Promise<{ cpuSeconds: number; peakRssBytes: number }>;
};

/** Runs the app in a child process (bench/widget/serve.ts) on the benchmark database. */
export async function startBenchServer(
  databaseUrl: string | undefined,
  dataDir: string | undefined,
): Promise<BenchServer> {
  const script = fileURLToPath(new URL('../widget/serve.ts', import.meta.url));
  const env = {
    ...process.env,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...(dataDir ? { BENCH_DATA_DIR: dataDir } : {}),
  };
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_SERVER_NODE_OPTIONS?.split(' ').filter(Boolean) ?? []), script],
    { env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [port, startRssBytes] = await new Promise<[number, number]>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = chunk.toString().match(/listening (\d+) rss (\d+)/);
      if (match) resolve([Number(match[1]), Number(match[2])]);
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
  const usage = { cpuSeconds: 0, peakRssBytes: 0 };
  child.stdout.on('data', (chunk: Buffer) => {
    const match = chunk.toString().match(/cpu ([\d.]+) maxrss (\d+)/);
    if (match) {
      usage.cpuSeconds = Number(match[1]);
      usage.peakRssBytes = Number(match[2]);
    }
  });
  return {
    base: `http://127.0.0.1:${port}`,
    startRssBytes,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve(usage));
        child.kill('SIGTERM');
      }),
  };
}
