import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/client.ts';
import { JOB } from '../jobs/types.ts';
import { ensureUpcomingPartitions } from './partitions.ts';
import { purgeExpired } from './purge.ts';
import { retentionRoutes } from './routes.ts';
import { PURGE_CRON } from './schedule.ts';

/** Retention: the settings routes, the daily purge job and its cron, and today's partitions at start-up. */
export async function wireRetention(app: FastifyInstance, { db, maintain }: { db: Db; maintain: boolean }) {
  app.jobs.work(
    JOB.retentionPurge,
    async () => {
      const result = await purgeExpired(db);
      // Counts only: nothing about whose data went.
      app.log.info(
        { purge: { ...result, partitionsDropped: result.partitionsDropped.length } },
        'retention purge',
      );
    },
    { retryLimit: 3, retryDelay: 60, expireInSeconds: 3600 },
  );
  app.jobs.schedule(JOB.retentionPurge, PURGE_CRON);
  if (maintain)
    app.addHook('onReady', async () => {
      await ensureUpcomingPartitions(db);
    });
  await app.register(retentionRoutes, { db });
}
