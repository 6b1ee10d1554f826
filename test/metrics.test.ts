import type { FastifyInstance } from 'fastify';
import Fastify from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createMetrics, instrumentJobs, metricsRoute } from '../src/http/metrics.ts';
import { createJobs } from '../src/jobs/jobs.ts';
import { JOB, type JobHandler, type Jobs } from '../src/jobs/types.ts';
import { newShop } from './helpers/factories.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';
import { until } from './helpers/until.ts';

const TOKEN = 'metrics-token-for-tests-0123456789';

/** The value of one sample line, e.g. `name{a="b"}`; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const scrape = async () => {
    const res = await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    return res.body;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const log = pino({ level: 'silent' });
    app = await buildApp({
      config: { ...loadConfig({}), databaseUrl: undefined, metricsToken: TOKEN },
      database,
      logger: false,
      jobs: createJobs({ database, log, pollingIntervalSeconds: 0.5 }),
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('is a 404 without the bearer token, with a wrong one, and when METRICS_TOKEN is unset', async () => {
    expect((await app.inject({ url: '/metrics' })).statusCode).toBe(404);
    for (const authorization of ['Bearer wrong', `Bearer ${TOKEN}x`, TOKEN, `Basic ${TOKEN}`]) {
      expect((await app.inject({ url: '/metrics', headers: { authorization } })).statusCode).toBe(404);
    }
    const bare = Fastify();
    await bare.register(metricsRoute, { metrics: createMetrics(database.db), token: undefined });
    const res = await bare.inject({ url: '/metrics', headers: { authorization: 'Bearer ' } });
    expect(res.statusCode).toBe(404);
    await bare.close();
    expect(loadConfig({ METRICS_TOKEN: TOKEN }).metricsToken).toBe(TOKEN);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow('METRICS_TOKEN');
  });

  it('counts requests by method, route pattern and status, with durations', async () => {
    await app.inject({ url: '/healthz' });
    await app.inject({ url: '/healthz' });
    await app.inject({ url: '/api/tickets/12345' });
    const text = await scrape();
    expect(sample(text, 'supportify_http_requests_total{method="GET",route="/healthz",status="200"}')).toBe(
      2,
    );
    // The pattern, not the URL: ids never become label values.
    expect(text).toContain('route="/api/tickets/:number",status="401"');
    expect(text).not.toContain('12345');
    expect(
      sample(text, 'supportify_http_request_duration_seconds_count{method="GET",route="/healthz"}'),
    ).toBe(2);
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('counts AI replies and their tokens', async () => {
    const { shop } = await newShop(database.db);
    const start = await app.inject({
      method: 'POST',
      url: '/widget/v1/conversations',
      payload: { widgetKey: shop.widgetKey },
    });
    const { conversationId, token } = start.json();
    const sent = await app.inject({
      method: 'POST',
      url: `/widget/v1/conversations/${conversationId}/messages`,
      headers: { authorization: `Bearer ${token}` },
      payload: { text: 'Hello, what is your return policy?' },
    });
    expect(sent.statusCode).toBeLessThan(300);
    const text = await until(async () => {
      const t = await scrape();
      return sample(t, 'supportify_ai_replies_total{outcome="answered"}') === 1 && t;
    }, 'the AI reply to be counted');
    expect(sample(text, 'supportify_ai_tokens_total{kind="input"}')).toBeGreaterThan(0);
    expect(sample(text, 'supportify_ai_tokens_total{kind="output"}')).toBeGreaterThan(0);
  });

  it('counts processed jobs by name and shows queue depth at scrape time', async () => {
    await app.jobs.send(JOB.retentionPurge, {});
    await until(
      async () =>
        sample(await scrape(), `supportify_jobs_processed_total{name="${JOB.retentionPurge}"}`) === 1,
      'the purge job to be counted',
    );
    await app.jobs.send(
      JOB.notifyEmail,
      { shopId: 'x', ticketNumber: 1, kind: 'created', to: 'a@b.c' },
      {
        startAfterSeconds: 3600,
      },
    );
    const text = await scrape();
    expect(sample(text, `supportify_job_queue_depth{name="${JOB.notifyEmail}",state="created"}`)).toBe(1);
  });

  it('counts failed job attempts', async () => {
    const handlers = new Map<string, JobHandler>();
    const fake = {
      work: (name: string, handler: JobHandler) => handlers.set(name, handler),
    } as unknown as Jobs;
    const metrics = createMetrics(database.db);
    instrumentJobs(fake, metrics).work('flaky', async () => {
      throw new Error('boom');
    });
    const context = { attempt: 1, final: false, signal: new AbortController().signal };
    await expect(handlers.get('flaky')?.({}, context)).rejects.toThrow('boom');
    const text = await metrics.registry.metrics();
    expect(sample(text, 'supportify_jobs_failed_total{name="flaky"}')).toBe(1);
  });
});
