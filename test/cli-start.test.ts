import { type ChildProcess, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn } from '../e2e/helpers/api.ts';
import { type Database, openDatabase, queryRows } from '../src/db/client.ts';
import { createJobs } from '../src/jobs/jobs.ts';
import { JOB } from '../src/jobs/types.ts';
import { killStarted, spawnStart } from './helpers/spawn-start.ts';
import { clonePgTemplate } from './helpers/test-db.ts';
import { until } from './helpers/until.ts';

const PG = process.env.DATABASE_URL;
const ADMIN_PASSWORD = 'start-test-password-1';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'supportify-start-'));
let databaseUrl: string | undefined;
let drop = async () => {};
const started: ChildProcess[] = [];

function env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = {
    ...process.env,
    SUPPORTIFY_DATA_DIR: dataDir,
    SUPPORTIFY_DEMO: '0',
    SUPPORTIFY_ADMIN_EMAIL: 'admin@example.com',
    SUPPORTIFY_ADMIN_PASSWORD: ADMIN_PASSWORD,
    PORT: '0',
    SMTP_PORT: '0',
    LOG_LEVEL: 'warn',
    ...extra,
  };
  if (databaseUrl) e.DATABASE_URL = databaseUrl;
  else delete e.DATABASE_URL;
  return e;
}

/** Starts `supportify start` with the given arguments; resolves once it says it runs. */
const start = (args: string[] = [], extraEnv: NodeJS.ProcessEnv = {}) =>
  spawnStart(args, env(extraEnv), started);

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

const signIn = (url: string) => apiSignIn(url, 'admin@example.com', ADMIN_PASSWORD);

/** Opens the admin SSE stream; resolves with the response once its headers arrived. */
function openEvents(url: string, cookie: string): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    http.get(`${url}/api/events`, { headers: { cookie } }, resolve).on('error', reject);
  });
}

beforeAll(async () => {
  if (PG) {
    const clone = await clonePgTemplate(PG);
    databaseUrl = clone.url;
    drop = clone.drop;
  }
});

afterAll(async () => {
  await killStarted(started);
  await drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('supportify start --role', () => {
  it('refuses an unknown role, and web or worker without PostgreSQL', () => {
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['src/main.ts', 'start', ...args], {
        env: { ...env(), DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 30_000,
      });
    const bad = run('--role', 'cron');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--role must be one of all, web, worker');
    for (const role of ['web', 'worker']) {
      const embedded = run('--role', role);
      expect(embedded.status).toBe(1);
      expect(embedded.stderr).toContain(`--role ${role} needs PostgreSQL (DATABASE_URL)`);
    }
  });

  it.skipIf(!PG)(
    'web serves HTTP but leaves jobs queued; a worker runs them without listening',
    async () => {
      const web = await start(['--role', 'web']);
      expect(web.url).toBeTruthy();
      expect((await fetch(`${web.url}/healthz`)).status).toBe(200);

      const database: Database = await openDatabase({ databaseUrl });
      const jobs = createJobs({ database, log: pino({ level: 'silent' }) });
      const state = async () =>
        (
          await queryRows<{ state: string }>(
            database.db,
            sql`select state from pgboss.job where name = ${JOB.retentionPurge}`,
          )
        )[0]?.state;
      try {
        await jobs.send(JOB.retentionPurge, {});
        // The web process polls nothing: after several polling intervals the job is still waiting.
        await new Promise((r) => setTimeout(r, 3_000));
        expect(await state()).toBe('created');

        const worker = await start(['--role', 'worker']);
        expect(worker.output()).toContain('worker is running');
        expect(worker.url).toBeUndefined();
        await until(async () => (await state()) === 'completed', 'the worker to run the job', 20_000);

        worker.child.kill('SIGTERM');
        expect(await exited(worker.child)).toBe(0);
      } finally {
        await jobs.stop();
        await database.close();
      }
      web.child.kill('SIGTERM');
      expect(await exited(web.child)).toBe(0);
    },
    120_000,
  );
});

describe('shutdown', () => {
  it('on SIGTERM ends open SSE streams, stops and exits 0 within seconds', async () => {
    const server = await start([], { SMTP_PORT: 'off' });
    if (!server.url) throw new Error(server.output());
    expect(server.output()).toContain('Inbound mail: off');
    const cookie = await signIn(server.url);
    const events = await openEvents(server.url, cookie);
    expect(events.statusCode).toBe(200);
    const ended = new Promise<void>((resolve) => {
      events.on('end', resolve);
      events.on('close', resolve);
      events.resume();
    });
    const t0 = Date.now();
    server.child.kill('SIGTERM');
    await ended;
    expect(await exited(server.child), server.output()).toBe(0);
    expect(Date.now() - t0).toBeLessThan(10_000);
  }, 120_000);
});
