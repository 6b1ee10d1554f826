import type { Db } from '../db/client.ts';
import { expiresAt, expiryCutoff } from '../retention/expiry.ts';
import { getShopSettings, parseSettings } from '../settings/shop-settings.ts';
import type { ConversationFilters } from './list-query.ts';
import type { TConversationFilterQuery } from './schema.ts';

/** The retention days in a shop's stored `settings.retention` (the default when missing or invalid). */
export const retentionDaysOf = (stored: unknown): number =>
  parseSettings({ retention: stored }).retention.days;

/** A shop's retention period in days. */
export const getRetentionDays = async (db: Db, shopId: string): Promise<number> =>
  (await getShopSettings(db, shopId)).retention.days;

/** When the retention purge deletes a conversation that started at `startedAt`, as an ISO string. */
export const expiresAtIso = (startedAt: string | Date, retentionDays: number): string =>
  expiresAt(new Date(startedAt), retentionDays).toISOString();

/**
 * The list's filters from the API's query. `expiresWithinDays` N means "deleted within N days": started
 * before now − (retention − N) days, with the shop's own retention period.
 */
export async function toConversationFilters(
  db: Db,
  shopId: string,
  query: TConversationFilterQuery & { ids?: string[] },
  now = new Date(),
): Promise<ConversationFilters> {
  const { status, channel, hasDrafts, q, expiresWithinDays, ids } = query;
  const filters: ConversationFilters = {
    status,
    channel,
    hasDrafts: hasDrafts === 'true',
    q: q || undefined,
    ids,
  };
  if (expiresWithinDays !== undefined) {
    filters.startedBefore = expiryCutoff(now, (await getRetentionDays(db, shopId)) - expiresWithinDays);
  }
  return filters;
}
