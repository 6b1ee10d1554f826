import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { instrumentJobs, type Metrics } from '../http/metrics.ts';
import { createJobs } from '../jobs/jobs.ts';
import type { Jobs } from '../jobs/types.ts';
import { createMailer, type Mailer } from '../mail/mailer.ts';
import { type NotificationDeps, type NotificationOptions, setupNotifications } from './deps.ts';

export type JobsWiring = {
  database: Database;
  config: Config;
  /** Bring your own (tests: faster polling); built on the app's database otherwise. */
  jobs?: Jobs;
  /** Process jobs in this app (off: jobs are still queued, for another process to run). */
  runJobs: boolean;
  /** Run scheduled jobs (the daily purge) from this process. */
  cron?: boolean;
  mailer?: Mailer;
  notifications?: NotificationOptions;
  /** Counts each job handler's outcome. */
  metrics?: Metrics;
};

/** Where ticket links point: PUBLIC_URL, or the address the server listens on. */
export function adminBaseUrl(config: Config): string {
  return config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
}

/**
 * Decorates `app.jobs`, registers the notification and reply-email job handlers, starts the workers when
 * the app is ready and stops them when it closes. Returns what the notification routes need.
 */
export function wireJobs(app: FastifyInstance, wiring: JobsWiring): NotificationDeps {
  const { config, database } = wiring;
  const base = wiring.jobs ?? createJobs({ database, log: app.log, cron: wiring.cron });
  const jobs = wiring.metrics ? instrumentJobs(base, wiring.metrics) : base;
  app.decorate('jobs', jobs);
  const mailer =
    wiring.mailer ??
    createMailer({ smtpUrl: config.smtpUrl, from: config.smtpFrom, dataDir: config.dataDir }, app.log);
  const deps = setupNotifications(
    jobs,
    { db: database.db, mailer, log: app.log, baseUrl: adminBaseUrl(config) },
    wiring.notifications,
  );
  if (wiring.runJobs) app.addHook('onReady', async () => jobs.start());
  // onClose runs after preClose, where the outbox dispatchers stop queueing; the caller closes the database after.
  app.addHook('onClose', async () => {
    await jobs.stop();
    mailer.close();
  });
  return deps;
}
