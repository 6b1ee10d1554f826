import { createHash, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { type Db, queryRows } from '../db/client.ts';
import type { Jobs } from '../jobs/types.ts';
import { errorBody } from './errors.ts';

export type Metrics = {
  registry: Registry;
  /** A job handler finished: `ok` false when it threw (a retry or the dead letter follows). */
  jobDone(name: string, ok: boolean): void;
  /** An AI reply attempt finished: stored with its token usage, or failed. */
  aiReply(outcome: { ok: true; usage: { input: number; output: number } } | { ok: false }): void;
};

/** This process's Prometheus metrics; queue depth is read from the database at each scrape. */
export function createMetrics(db: Db): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const jobsProcessed = new Counter({
    name: 'supportify_jobs_processed_total',
    help: 'Background jobs that ran to completion in this process, by job name',
    labelNames: ['name'],
    registers: [registry],
  });
  const jobsFailed = new Counter({
    name: 'supportify_jobs_failed_total',
    help: 'Background job attempts that failed in this process, by job name',
    labelNames: ['name'],
    registers: [registry],
  });
  const aiReplies = new Counter({
    name: 'supportify_ai_replies_total',
    help: 'AI reply attempts in this process: answered (stored) or failed',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const aiTokens = new Counter({
    name: 'supportify_ai_tokens_total',
    help: 'Model tokens used by stored AI replies, input or output',
    labelNames: ['kind'],
    registers: [registry],
  });
  new Gauge({
    name: 'supportify_job_queue_depth',
    help: 'Jobs waiting (created, retry) or running (active) per queue, read from the database at scrape',
    labelNames: ['name', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      // pg-boss makes its schema on first use; before that there is nothing queued.
      const rows = await queryRows<{ name: string; state: string; n: number }>(
        db,
        sql`select name, state::text as state, count(*)::int as n from pgboss.job
            where state in ('created', 'retry', 'active') group by 1, 2`,
      ).catch(() => []);
      for (const r of rows) this.set({ name: r.name, state: r.state }, r.n);
    },
  });
  return {
    registry,
    jobDone(name, ok) {
      (ok ? jobsProcessed : jobsFailed).inc({ name });
    },
    aiReply(outcome) {
      aiReplies.inc({ outcome: outcome.ok ? 'answered' : 'failed' });
      if (outcome.ok) {
        aiTokens.inc({ kind: 'input' }, outcome.usage.input);
        aiTokens.inc({ kind: 'output' }, outcome.usage.output);
      }
    },
  };
}

/** Counts requests by method, route pattern (never the raw URL: ids would explode the series) and status. */
export function instrumentRequests(app: FastifyInstance, metrics: Metrics): void {
  const requests = new Counter({
    name: 'supportify_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    registers: [metrics.registry],
  });
  const duration = new Histogram({
    name: 'supportify_http_request_duration_seconds',
    help: 'HTTP request duration in seconds, by method and route pattern',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [metrics.registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    requests.inc({ method: req.method, route, status: String(reply.statusCode) });
    duration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });
}

/** Jobs whose handlers report each outcome to the metrics. */
export function instrumentJobs(jobs: Jobs, metrics: Metrics): Jobs {
  return {
    ...jobs,
    work(name, handler, policy) {
      jobs.work(
        name,
        async (data, context) => {
          try {
            await handler(data, context);
          } catch (err) {
            metrics.jobDone(name, false);
            throw err;
          }
          metrics.jobDone(name, true);
        },
        policy,
      );
    },
  };
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * `GET /metrics` (Prometheus text format): only with METRICS_TOKEN set and `Authorization: Bearer <it>`;
 * anything else is a 404, so the endpoint does not show it exists.
 */
export const metricsRoute: FastifyPluginAsync<{ metrics: Metrics; token: string | undefined }> = async (
  app,
  { metrics, token },
) => {
  const expected = token ? digest(`Bearer ${token}`) : null;
  app.get('/metrics', { logLevel: 'warn', schema: { hide: true } }, async (req, reply) => {
    const given = req.headers.authorization;
    if (!expected || !given || !timingSafeEqual(digest(given), expected))
      return reply.status(404).send(errorBody('not_found', 'Not found'));
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
};
