import { desc, eq, max, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { notificationFailures, shops } from '../db/schema/index.ts';

export type Target = 'slack' | 'email';
export type TargetStatus = 'unset' | 'ok' | 'failing';

// Delivery health lives beside the settings (shops.settings.notificationHealth.<target>), written with
// jsonb merges so it never races a settings save: { okAt, changedAt, failedAt } as ISO strings.
const HEALTH = 'notificationHealth';

async function stamp(db: Db, shopId: string, target: Target, field: 'okAt' | 'changedAt' | 'failedAt') {
  const value = JSON.stringify({ [field]: new Date().toISOString() });
  await db
    .update(shops)
    .set({
      settings: sql`${shops.settings} || jsonb_build_object(${HEALTH}::text,
        coalesce(${shops.settings}->${HEALTH}, '{}'::jsonb) || jsonb_build_object(${target}::text,
          coalesce(${shops.settings}->${HEALTH}->${target}, '{}'::jsonb) || ${value}::jsonb))`,
    })
    .where(eq(shops.id, shopId));
}

/** A delivery to this target went through: it is no longer failing. */
export const recordSuccess = (db: Db, shopId: string, target: Target) => stamp(db, shopId, target, 'okAt');

/** The target's settings changed: earlier failures no longer say anything about it. */
export const recordSettingsChange = (db: Db, shopId: string, target: Target) =>
  stamp(db, shopId, target, 'changedAt');

/** Tries are failing and retries go on (for up to a day): the target shows as failing until one succeeds. */
export const recordRetrying = (db: Db, shopId: string, target: Target) =>
  stamp(db, shopId, target, 'failedAt');

/** A delivery failed after every retry (a dead letter): shown in Settings → Notifications. */
export async function recordFailure(
  db: Db,
  failure: { shopId: string; target: Target; ticketNumber: number | null; error: string; attempts: number },
) {
  await db.insert(notificationFailures).values({ ...failure, error: failure.error.slice(0, 500) });
}

export async function recentFailures(db: Db, shopId: string, limit = 20) {
  const rows = await db
    .select({
      target: notificationFailures.target,
      ticketNumber: notificationFailures.ticketNumber,
      error: notificationFailures.error,
      attempts: notificationFailures.attempts,
      createdAt: notificationFailures.createdAt,
    })
    .from(notificationFailures)
    .where(eq(notificationFailures.shopId, shopId))
    .orderBy(desc(notificationFailures.createdAt), desc(notificationFailures.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

type Health = Partial<Record<Target, { okAt?: string; changedAt?: string; failedAt?: string }>>;

/**
 * Failing = the newest dead letter or retried failure for the target is newer than its last success and
 * settings change.
 */
export async function targetStatuses(
  db: Db,
  shopId: string,
  configured: Record<Target, boolean>,
): Promise<Record<Target, TargetStatus>> {
  const [shop] = await db
    .select({ health: sql<Health | null>`${shops.settings}->${HEALTH}` })
    .from(shops)
    .where(eq(shops.id, shopId));
  const latest = await db
    .select({ target: notificationFailures.target, at: max(notificationFailures.createdAt) })
    .from(notificationFailures)
    .where(eq(notificationFailures.shopId, shopId))
    .groupBy(notificationFailures.target);
  const statusOf = (target: Target): TargetStatus => {
    if (!configured[target]) return 'unset';
    const h = shop?.health?.[target] ?? {};
    const deadAt = latest.find((l) => l.target === target)?.at;
    const failedAt = Math.max(deadAt ? new Date(deadAt).getTime() : 0, Date.parse(h.failedAt ?? '') || 0);
    const clearedAt = Math.max(Date.parse(h.okAt ?? '') || 0, Date.parse(h.changedAt ?? '') || 0);
    return failedAt > clearedAt ? 'failing' : 'ok';
  };
  return { slack: statusOf('slack'), email: statusOf('email') };
}
