import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Db, queryRows } from '../db/client.ts';
import { getShopSettings, MAX_RETENTION_DAYS, saveSettingsSection } from '../settings/shop-settings.ts';
import { DAY_MS, expiryCutoff } from './expiry.ts';
import { nextPurgeAt } from './schedule.ts';

const ZRetentionView = z.object({
  days: z.number(),
  maxDays: z.number(),
  nextPurgeAt: z.string(),
  /** This shop's conversations the next purge deletes. */
  deletedAtNextPurge: z.number(),
  /** …and those deleted within the next 7 days (export them now). */
  expiringWithin7Days: z.number(),
});

/** Settings → Data retention: the period (never over 90 days), the next purge and what it will delete. */
export const retentionRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const view = async (shopId: string) => {
    const { retention } = await getShopSettings(db, shopId);
    const now = new Date();
    const next = nextPurgeAt(now);
    const [counts] = await queryRows<{ next: number; week: number }>(
      db,
      sql`select count(*) filter (where started_at < ${expiryCutoff(next, retention.days).toISOString()}::timestamptz)::int as next,
          count(*)::int as week
        from conversations where shop_id = ${shopId}::uuid
          and started_at < ${expiryCutoff(new Date(now.getTime() + 7 * DAY_MS), retention.days).toISOString()}::timestamptz`,
    );
    return {
      days: retention.days,
      maxDays: MAX_RETENTION_DAYS,
      nextPurgeAt: next.toISOString(),
      deletedAtNextPurge: counts?.next ?? 0,
      expiringWithin7Days: counts?.week ?? 0,
    };
  };

  app.get(
    '/api/settings/retention',
    { schema: { tags: ['settings'], response: { 200: ZRetentionView } } },
    (req) => view(req.staff.shopId),
  );
  app.put(
    '/api/settings/retention',
    {
      schema: {
        tags: ['settings'],
        body: z.object({ days: z.number().int().min(1).max(MAX_RETENTION_DAYS) }).strict(),
        response: { 200: ZRetentionView },
      },
    },
    async (req) => {
      await saveSettingsSection(db, req.staff.shopId, 'retention', { days: req.body.days });
      return view(req.staff.shopId);
    },
  );
};
