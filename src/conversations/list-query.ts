import { type SQL, sql } from 'drizzle-orm';
import type { ChannelType, ConversationStatus } from '../db/schema/index.ts';
import { uuidArray } from '../db/sql-arrays.ts';
import type { Cursor } from './cursor.ts';
import { toContainsPattern, toTsquery } from './search-terms.ts';

export type ConversationFilters = {
  status?: ConversationStatus;
  channel?: ChannelType;
  hasDrafts?: boolean;
  q?: string;
  /** Only conversations started before this instant (`expiresWithinDays` resolved with the shop's retention). */
  startedBefore?: Date;
  /** Only these conversations (the export of selected rows). */
  ids?: string[];
};

/** How many search matches are collected before a term counts as common. */
export const SEARCH_CANDIDATE_CAP = 2000;

/**
 * The conditions of the list (and of the export, which pages through the same rows): the shop, every
 * filter, the keyset position. With `candidateIds` (all matches of a rare search term) the search is
 * just `id = any(…)`.
 */
export function listConditions(
  shopId: string,
  filters: ConversationFilters,
  cursor: Cursor | null,
  candidateIds?: string[],
): SQL {
  const where: SQL[] = [sql`c.shop_id = ${shopId}`];
  if (filters.status) where.push(sql`c.status = ${filters.status}`);
  if (filters.channel) where.push(sql`c.channel = ${filters.channel}`);
  if (filters.hasDrafts) where.push(sql`c.has_draft`);
  if (filters.ids) where.push(sql`c.id = any(${uuidArray(filters.ids)})`);
  if (filters.startedBefore)
    where.push(sql`c.started_at < ${filters.startedBefore.toISOString()}::timestamptz`);
  if (cursor)
    where.push(
      sql`(c.started_at, c.id) < (${cursor.startedAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`,
    );
  if (candidateIds) where.push(sql`c.id = any(${uuidArray(candidateIds)})`);
  else if (filters.q) where.push(searchCondition(shopId, filters.q));
  return sql.join(where, sql` and `);
}

/**
 * The SQL behind `GET /api/conversations`: newest first, keyset-paginated, every filter optional. It also
 * returns the shop's retention setting (evaluated once per statement) for `expiresAt`, saving a round trip.
 */
export function buildListQuery(
  shopId: string,
  filters: ConversationFilters,
  cursor: Cursor | null,
  limit: number,
  candidateIds?: string[],
): SQL {
  return sql`
    select c.id, c.status, c.channel, c.started_at as "startedAt", c.last_message_at as "lastMessageAt",
      c.preview, c.has_draft as "hasDraft", cu.name as "customerName", cu.email as "customerEmail",
      (select s.settings->'retention' from shops s where s.id = ${shopId}) as "retention"
    from conversations c
    left join customers cu on cu.id = c.customer_id
    where ${listConditions(shopId, filters, cursor, candidateIds)}
    order by c.started_at desc, c.id desc
    limit ${limit}`;
}

/**
 * Up to `cap` + 1 ids of conversations matching a search term, unordered. Fewer than the cap means the
 * term is rare and these are all its matches; the list then sorts just them instead of walking the
 * whole newest-first index looking for a handful of rows (the planner cannot estimate prefix terms).
 */
export function buildSearchCandidatesQuery(shopId: string, q: string, cap = SEARCH_CANDIDATE_CAP): SQL {
  const tsquery = toTsquery(q);
  const byText = tsquery
    ? sql`select id from conversations where shop_id = ${shopId} and search_vector @@ to_tsquery('simple', ${tsquery})
      union all `
    : sql``;
  return sql`${byText}select c.id from conversations c where c.shop_id = ${shopId} and ${customerMatch(shopId, q)}
    limit ${cap + 1}`;
}

// Message words by full-text search; names and emails (and fragments of them) by trigram.
function searchCondition(shopId: string, q: string): SQL {
  const tsquery = toTsquery(q);
  if (!tsquery) return customerMatch(shopId, q);
  return sql`(c.search_vector @@ to_tsquery('simple', ${tsquery}) or ${customerMatch(shopId, q)})`;
}

// `= any(array(…))` runs the customer lookup once, so the planner can BitmapOr it with the GIN match.
function customerMatch(shopId: string, q: string): SQL {
  return sql`c.customer_id = any(array(
    select id from customers where shop_id = ${shopId} and search_text like ${toContainsPattern(q)}))`;
}
