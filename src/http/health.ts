import { sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { Database } from '../db/client.ts';
import { errorBody } from './errors.ts';

/** Liveness (`/healthz`: the process answers) and readiness (`/readyz`: the database answers). */
export const healthRoutes: FastifyPluginAsync<{ database: Database }> = async (app, { database }) => {
  app.get('/healthz', { logLevel: 'warn' }, async () => ({ ok: true }));
  app.get('/readyz', { logLevel: 'warn' }, async (_req, reply) => {
    try {
      await database.db.execute(sql`select 1`);
      return { ok: true, database: database.kind };
    } catch {
      return reply.status(503).send(errorBody('service_unavailable', 'Database unavailable'));
    }
  });
};
