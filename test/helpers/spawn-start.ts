import { type ChildProcess, spawn } from 'node:child_process';
import { expect } from 'vitest';
import { until } from './until.ts';

export type StartedProduct = {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output: () => string;
  /** The admin URL from the banner (absent for `--role worker`). */
  url?: string;
};

/**
 * Runs `supportify start <args>` from source with exactly `env`, added to `started` (for the caller's
 * clean-up); resolves once it says it runs (the admin URL, or the worker's line).
 */
export async function spawnStart(
  args: string[],
  env: NodeJS.ProcessEnv,
  started: ChildProcess[],
  timeoutMs = 60_000,
): Promise<StartedProduct> {
  const child = spawn(process.execPath, ['src/main.ts', 'start', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  await until(
    () => /Admin:\s+http:\/\/\S+\//.test(out) || /worker is running/.test(out) || child.exitCode !== null,
    'the server to start',
    timeoutMs,
  );
  expect(child.exitCode, out).toBeNull();
  return { child, output: () => out, url: /Admin:\s+(http:\/\/\S+?)\//.exec(out)?.[1] };
}

/** Kills (SIGKILL) every started process still running and waits for each to exit. */
export async function killStarted(started: ChildProcess[]): Promise<void> {
  await Promise.all(
    started.map(async (child) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }),
  );
}
