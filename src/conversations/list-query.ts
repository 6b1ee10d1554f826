import { type SQL, sql } from 'drizzle-orm';
import type { ChannelType, ConversationStatus } from '../db/schema/index.ts';
import type { Cursor } from './cursor.ts';
import { toContainsPattern, toPrefixTsquery } from './search-terms.ts';

export type ConversationFilters = {
  status?: ConversationStatus;
  channel?: ChannelType;
  hasDrafts?: boolean;
  q?: string;
};

/** The SQL behind `GET /api/conversations`: newest first, keyset-paginated, every filter optional. */
export function buildListQuery(
  shopId: string,
  filters: ConversationFilters,
  cursor: Cursor | null,
  limit: number,
): SQL {
  const where: SQL[] = [sql`c.shop_id = ${shopId}`];
  if (filters.status) where.push(sql`c.status = ${filters.status}`);
  if (filters.channel) where.push(sql`c.channel = ${filters.channel}`);
  if (filters.hasDrafts) where.push(sql`c.has_draft`);
  if (cursor)
    where.push(
      sql`(c.started_at, c.id) < (${cursor.startedAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`,
    );
  const search = filters.q ? searchCondition(shopId, filters.q) : null;
  if (search) where.push(search);
  return sql`
    select c.id, c.status, c.channel, c.started_at as "startedAt", c.last_message_at as "lastMessageAt",
      c.preview, c.has_draft as "hasDraft", cu.name as "customerName", cu.email as "customerEmail"
    from conversations c
    left join customers cu on cu.id = c.customer_id
    where ${sql.join(where, sql` and `)}
    order by c.started_at desc, c.id desc
    limit ${limit}`;
}

// Message words by prefix full-text search; names and emails (and fragments of them) by trigram.
// `= any(array(…))` runs the customer lookup once, so the planner can BitmapOr it with the GIN match for
// rare terms, or walk the started_at index and filter for common ones.
function searchCondition(shopId: string, q: string): SQL {
  const tsquery = toPrefixTsquery(q);
  const customerMatch = sql`c.customer_id = any(array(
    select id from customers where shop_id = ${shopId} and search_text like ${toContainsPattern(q)}))`;
  if (!tsquery) return customerMatch;
  return sql`(c.search_vector @@ to_tsquery('simple', ${tsquery}) or ${customerMatch})`;
}
