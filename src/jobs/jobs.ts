import { createHash, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { type Clock, type ConstructorOptions, fromPglite, type Job, PgBoss } from 'pg-boss';
import type { Database } from '../db/client.ts';
import type { JobHandler, JobPolicy, Jobs } from './types.ts';

export type JobsOptions = {
  database: Database;
  log: Pick<FastifyBaseLogger, 'warn' | 'error' | 'debug'>;
  /** Poll for due jobs this often (pg-boss allows ≥ 0.5 s). */
  pollingIntervalSeconds?: number;
  /** How long `stop` lets running handlers finish before failing them back to the queue. */
  stopTimeoutMs?: number;
  /** Run pg-boss's cron (schedules registered with `schedule`); off in tests, on in `supportify start`. */
  cron?: boolean;
  /** Tests: pg-boss's TestClock, so retries hours apart run in seconds (the database reads the same time). */
  clock?: Clock;
};

const DEFAULT_POLICY = {
  retryLimit: 4,
  retryDelay: 5,
  retryDelayMax: 600,
  expireInSeconds: 300,
  concurrency: 1,
};
// Dead letters and unfinished jobs are kept two weeks for inspection and redrive.
const RETENTION_SECONDS = 14 * 24 * 3600;
const DELETE_AFTER_SECONDS = 7 * 24 * 3600;

/** A job id derived from name and key: a repeat send collides with the stored job instead of adding one. */
function onceId(name: string, key: string): string {
  const h = createHash('sha256').update(`${name}\0${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function bossOptions(database: Database, cron: boolean, clock: Clock | undefined): ConstructorOptions {
  // No instance registry, and cron only where asked: fewer timers, and on PGlite fewer turns on its one connection.
  const common = {
    schedule: cron,
    registerInstance: false,
    openTelemetry: { enabled: false },
    ...(clock ? { clock } : {}),
  };
  if (database.kind === 'pglite') {
    if (!database.pglite) throw new Error('PGlite database without its instance');
    // pg-boss's adapter: multi-statement SQL through exec (rows of every statement), the rest through query.
    return { ...common, db: fromPglite(database.pglite), backend: 'pglite' };
  }
  if (!database.url) throw new Error('PostgreSQL database without its connection string');
  return { ...common, connectionString: database.url, max: 3, application_name: 'supportify-jobs' };
}

/** pg-boss on the app's own database (PGlite or PostgreSQL). Workers run only after `start`. */
export function createJobs({
  database,
  log,
  pollingIntervalSeconds = 1,
  stopTimeoutMs = 5000,
  cron = false,
  clock,
}: JobsOptions): Jobs {
  const registered = new Map<string, { handler: JobHandler; policy: Required<JobPolicy> }>();
  const schedules = new Map<string, string>();
  const queues = new Map<string, Promise<void>>();
  let opening: Promise<PgBoss> | null = null;
  let working = false;
  let stopped = false;

  const open = () => {
    if (stopped) return Promise.reject(new Error('jobs are stopped'));
    opening ??= (async () => {
      const boss = new PgBoss(bossOptions(database, cron, clock));
      boss.on('error', (err: Error) => log.error({ err: { message: err.message } }, 'job queue error'));
      boss.on('warning', (w: { message: string }) => log.warn({ warning: w.message }, 'job queue warning'));
      await boss.start();
      return boss;
    })();
    return opening;
  };

  const policyOf = (name: string) => registered.get(name)?.policy ?? DEFAULT_POLICY;

  const ensureQueue = (boss: PgBoss, name: string) => {
    let ready = queues.get(name);
    if (!ready) {
      const p = policyOf(name);
      const options = {
        retryLimit: p.retryLimit,
        retryDelay: p.retryDelay,
        retryBackoff: true,
        retryDelayMax: p.retryDelayMax,
        expireInSeconds: p.expireInSeconds,
        retentionSeconds: RETENTION_SECONDS,
        // Finished jobs go after a week: well inside the shortest useful retention of customer data.
        deleteAfterSeconds: DELETE_AFTER_SECONDS,
        deadLetter: `${name}-dead`,
      };
      // Stately: per singleton key at most one job waiting and one running (a key-less job gets its own key).
      ready = (async () => {
        await boss.createQueue(`${name}-dead`, { retentionSeconds: RETENTION_SECONDS });
        await boss.createQueue(name, { ...options, policy: 'stately' });
        // An existing queue keeps its old options on create; the policy in code wins.
        await boss.updateQueue(name, options);
      })();
      ready.catch(() => queues.delete(name));
      queues.set(name, ready);
    }
    return ready;
  };

  const run = async (name: string, job: Job<unknown>) => {
    const entry = registered.get(name);
    if (!entry) return;
    const context = {
      attempt: job.retryCount + 1,
      final: job.retryCount >= entry.policy.retryLimit,
      signal: job.signal,
    };
    try {
      await entry.handler(job.data as Record<string, unknown>, context);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      log.warn({ job: name, attempt: context.attempt, final: context.final, error: message }, 'job failed');
      throw err;
    }
  };

  return {
    async send(name, data, options = {}) {
      const boss = await open();
      await ensureQueue(boss, name);
      await boss.send(name, data, {
        singletonKey: options.singletonKey ?? options.onceKey ?? randomUUID(),
        ...(options.onceKey ? { id: onceId(name, options.onceKey) } : {}),
        ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
      });
    },
    schedule(name, expression) {
      if (working) throw new Error(`schedule job "${name}" before jobs start`);
      schedules.set(name, expression);
    },
    work(name, handler, policy = {}) {
      if (working) throw new Error(`register job "${name}" before jobs start`);
      registered.set(name, { handler, policy: { ...DEFAULT_POLICY, ...policy } });
    },
    async start() {
      const boss = await open();
      working = true;
      for (const [name, { policy }] of registered) {
        await ensureQueue(boss, name);
        await boss.work(
          name,
          { pollingIntervalSeconds, localConcurrency: policy.concurrency, batchSize: 1 },
          async ([job]) => run(name, job),
        );
      }
      // Stored in the database: however many processes run, each occurrence makes one job.
      if (cron)
        for (const [name, expression] of schedules) await boss.schedule(name, expression, {}, { tz: 'UTC' });
    },
    async stop() {
      stopped = true;
      const boss = await opening?.catch(() => null);
      await boss?.stop({ graceful: true, timeout: stopTimeoutMs });
    },
  };
}
