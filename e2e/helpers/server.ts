import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startArgs } from '../../scripts/start-command.ts';
import { clonePgTemplate } from '../../test/helpers/test-db.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ADMIN_EMAIL = 'e2e-admin@example.com';
export const ADMIN_PASSWORD = 'e2e-password-123';

export type SpawnedProduct = {
  url: string;
  child: ChildProcess;
  /** Resolves once the process has exited. */
  exited: Promise<void>;
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string;
};

/**
 * Spawns the product as `npm start` runs it (the server bundle, see scripts/start-command.ts) with exactly `env` and resolves with the admin URL once the server
 * prints it; rejects if the process exits first or nothing appears within 60 s.
 */
export async function spawnProduct(env: NodeJS.ProcessEnv): Promise<SpawnedProduct> {
  const child: ChildProcess = spawn(process.execPath, startArgs(), {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/Admin:\s+(http:\/\/\S+?)\/?\s/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    // Recorded for failure reports: a server that went away mid-run says how.
    child.on('exit', (code, signal) => {
      output += `\n[server process exited: code ${code}, signal ${signal}]\n`;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return { url, child, exited, output: () => output };
}

export type RunningServer = {
  url: string;
  stop: () => Promise<void>;
  output: () => string;
  /** SUPPORTIFY_DATA_DIR: PGlite, and `outbox/` with every mail sent as an .eml file (no SMTP_URL). */
  dataDir: string;
  /** The inbound SMTP listener's port, from the start-up banner (null if it printed none). */
  smtpPort: () => number | null;
};

/**
 * Starts the real product (as `npm start` runs it) on a free port with the demo data, on a fresh
 * PGlite directory, or on a fresh PostgreSQL database when DATABASE_URL is set.
 */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'supportify-e2e-'));
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (process.env.DATABASE_URL) {
    // A migrated clone of the template; the server itself seeds the demo shop into it.
    const clone = await clonePgTemplate(process.env.DATABASE_URL);
    databaseUrl = clone.url;
    dropDatabase = clone.drop;
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    SMTP_PORT: '0',
    HOST: '127.0.0.1',
    SUPPORTIFY_DATA_DIR: dataDir,
    SUPPORTIFY_ADMIN_EMAIL: ADMIN_EMAIL,
    SUPPORTIFY_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const { url, child, output } = await spawnProduct(env);
  return {
    url,
    output,
    dataDir,
    smtpPort: () => {
      const match = output().match(/Inbound mail:\s+smtp:\/\/\S+?:(\d+)/);
      return match ? Number(match[1]) : null;
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await dropDatabase();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
