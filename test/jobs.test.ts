import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { createJobs } from '../src/jobs/jobs.ts';
import type { JobContext } from '../src/jobs/types.ts';
import { until } from './helpers/notifications-app.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

const log = pino({ level: 'silent' });

describe('jobs (pg-boss on the app database)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  const newJobs = () => createJobs({ database, log, pollingIntervalSeconds: 0.5, stopTimeoutMs: 1000 });

  it('retries with backoff, tells the handler its attempt, then dead-letters the job', async () => {
    const jobs = newJobs();
    const seen: Array<{ attempt: number; final: boolean; at: number }> = [];
    jobs.work(
      'always-fails',
      async (_data, ctx: JobContext) => {
        seen.push({ attempt: ctx.attempt, final: ctx.final, at: Date.now() });
        throw new Error('nope');
      },
      { retryLimit: 2, retryDelay: 1 },
    );
    await jobs.start();
    try {
      await jobs.send('always-fails', { n: 1 });
      await until(() => seen.length >= 3, 'three tries');
      expect(seen.map(({ attempt, final }) => ({ attempt, final }))).toEqual([
        { attempt: 1, final: false },
        { attempt: 2, final: false },
        { attempt: 3, final: true },
      ]);
      // Exponential: the second wait is at least the first delay doubled (1 s, then ≥ 2 s).
      expect(seen[1].at - seen[0].at).toBeGreaterThanOrEqual(1000);
      expect(seen[2].at - seen[1].at).toBeGreaterThanOrEqual(2000);
      const dead = await until(async () => {
        const rows = await queryRows<{ data: { n: number } }>(
          database.db,
          sql`select data from pgboss.job where name = 'always-fails-dead'`,
        );
        return rows.length > 0 && rows;
      }, 'the dead letter');
      expect(dead[0].data).toEqual({ n: 1 });
    } finally {
      await jobs.stop();
    }
  });

  it('drops a queued duplicate (singletonKey) and anything sent again with a used onceKey', async () => {
    const jobs = newJobs();
    const ran: unknown[] = [];
    jobs.work('counted', async (data) => {
      ran.push(data.label);
    });
    // Queued before the workers start, so the duplicates meet the first job still waiting.
    await jobs.send('counted', { label: 'a' }, { singletonKey: 'k' });
    await jobs.send('counted', { label: 'a-again' }, { singletonKey: 'k' });
    await jobs.send('counted', { label: 'once' }, { onceKey: 'o' });
    await jobs.start();
    try {
      await until(() => ran.length >= 2, 'two jobs');
      await jobs.send('counted', { label: 'once-again' }, { onceKey: 'o' });
      await jobs.send('counted', { label: 'b' }, { singletonKey: 'k' });
      await until(() => ran.includes('b'), 'the later job with the same singleton key');
      await new Promise((r) => setTimeout(r, 1200));
      expect(ran.sort()).toEqual(['a', 'b', 'once']);
    } finally {
      await jobs.stop();
    }
  });

  it('stops promptly with a handler still running, aborting its signal', async () => {
    const jobs = newJobs();
    let aborted = false;
    let started = false;
    jobs.work('slow', async (_data, ctx) => {
      started = true;
      await new Promise<void>((resolve) => {
        ctx.signal.addEventListener('abort', () => {
          aborted = true;
          resolve();
        });
      });
    });
    await jobs.start();
    await jobs.send('slow', {});
    await until(() => started, 'the slow handler');
    const t0 = Date.now();
    await jobs.stop();
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(aborted).toBe(true);
    // The database is still usable: pg-boss shares (PGlite) or left (PostgreSQL) it cleanly.
    expect(await queryRows(database.db, sql`select 1 as one`)).toEqual([{ one: 1 }]);
  });

  it('refuses to register a handler after start', async () => {
    const jobs = newJobs();
    await jobs.start();
    try {
      expect(() => jobs.work('late', async () => {})).toThrow(/before jobs start/);
    } finally {
      await jobs.stop();
    }
  });
});
