import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import type { ChannelType, ConversationStatus } from '../../db/schema/index.ts';
import type { Cursor } from '../cursor.ts';
import { expiresAtIso, getRetentionDays } from '../expiry-filter.ts';
import { type ConversationFilters, listConditions } from '../list-query.ts';
import { findSearchCandidates } from '../queries.ts';

/** Conversations per page: a few hundred keeps each statement short and memory flat. */
export const EXPORT_PAGE_SIZE = 500;

type Ticket = { number: number; status: string; priority: string; category: string; reason: string };

/** One exported conversation without its messages (each format loads those its own way). */
export type ExportedConversation = {
  id: string;
  status: ConversationStatus;
  channel: ChannelType;
  subject: string | null;
  customer: { name: string | null; email: string | null };
  startedAt: string;
  lastMessageAt: string;
  expiresAt: string;
  rating: { rating: 'good' | 'bad'; comment: string | null; createdAt: string } | null;
  tickets: Ticket[];
};

/** What to export: the conversations the list's filters select, or one conversation. */
export type ExportScope = { filters: ConversationFilters } | { conversationId: string };

type PageRow = {
  id: string;
  status: ConversationStatus;
  channel: ChannelType;
  subject: string | null;
  startedAt: string | Date;
  lastMessageAt: string | Date;
  customerName: string | null;
  customerEmail: string | null;
  rating: 'good' | 'bad' | null;
  ratingComment: string | null;
  ratedAt: string | Date | null;
  tickets: Ticket[];
};

const iso = (v: string | Date) => new Date(v).toISOString();

// The list's conditions and order pick the page first; only its rows then get their customer, rating and
// tickets (not deleted ones), whatever plan the joins get.
function pageQuery(where: SQL, limit: number): SQL {
  return sql`
    select p.id, p.status, p.channel, p.subject, p.started_at as "startedAt",
      p.last_message_at as "lastMessageAt", cu.name as "customerName", cu.email as "customerEmail",
      r.rating, r.comment as "ratingComment", r.created_at as "ratedAt",
      coalesce((select json_agg(json_build_object('number', t.number, 'status', t.status,
          'priority', t.priority, 'category', t.category, 'reason', t.reason) order by t.number)
        from tickets t where t.shop_id = p.shop_id and t.conversation_id = p.id and t.deleted_at is null),
        '[]') as tickets
    from (
      select c.id, c.shop_id, c.customer_id, c.status, c.channel, c.subject, c.started_at, c.last_message_at
      from conversations c
      where ${where}
      order by c.started_at desc, c.id desc
      limit ${limit}) p
    left join customers cu on cu.id = p.customer_id
    left join ratings r on r.conversation_id = p.id and r.shop_id = p.shop_id
    order by p.started_at desc, p.id desc`;
}

function toExported(r: PageRow, retentionDays: number): ExportedConversation {
  return {
    id: r.id,
    status: r.status,
    channel: r.channel,
    subject: r.subject,
    customer: { name: r.customerName, email: r.customerEmail },
    startedAt: iso(r.startedAt),
    lastMessageAt: iso(r.lastMessageAt),
    expiresAt: expiresAtIso(r.startedAt, retentionDays),
    rating:
      r.rating && r.ratedAt
        ? { rating: r.rating, comment: r.ratingComment, createdAt: iso(r.ratedAt) }
        : null,
    tickets: r.tickets,
  };
}

/** Turns a page of conversations into what the caller writes (a format loads their messages). */
export type PageLoader<T> = (page: ExportedConversation[]) => Promise<T>;

/** A page on its way: its conversation rows (they give the next page's cursor), then the whole page. */
type PendingPage<T> = { rows: Promise<PageRow[]>; page: Promise<T | null> };

function startPage<T>(
  db: Db,
  where: SQL,
  limit: number,
  retentionDays: number,
  load: PageLoader<T>,
): PendingPage<T> {
  const rows = queryRows<PageRow>(db, pageQuery(where, limit));
  const page = rows.then((r) => (r.length > 0 ? load(r.map((row) => toExported(row, retentionDays))) : null));
  // Handled when awaited; until then a failure must not count as unhandled (the reader may be gone).
  rows.catch(() => {});
  page.catch(() => {});
  return { rows, page };
}

/**
 * The scope's conversations with their messages, a page at a time, newest first (the list's keyset on
 * (started_at, id), so rows arriving meanwhile never shift a page). The next page is fetched while the
 * caller writes this one, and never more: memory stays at two pages whatever the export's size.
 */
export async function* exportPages<T>(
  db: Db,
  shopId: string,
  scope: ExportScope,
  load: PageLoader<T>,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<T> {
  const retentionDays = await getRetentionDays(db, shopId);
  if ('conversationId' in scope) {
    const where = sql`c.shop_id = ${shopId} and c.id = ${scope.conversationId}`;
    const page = await startPage(db, where, 1, retentionDays, load).page;
    if (page !== null) yield page;
    return;
  }
  const { filters } = scope;
  const candidates = filters.q ? await findSearchCandidates(db, shopId, filters.q) : undefined;
  const start = (cursor: Cursor | null) =>
    startPage(db, listConditions(shopId, filters, cursor, candidates), pageSize, retentionDays, load);
  let current = start(null);
  for (;;) {
    const rows = await current.rows;
    const last = rows.at(-1);
    // The next page's rows need only this page's last row: they load while this page's messages do.
    const next =
      rows.length === pageSize && last ? start({ startedAt: new Date(last.startedAt), id: last.id }) : null;
    const page = await current.page;
    if (page !== null) yield page;
    if (!next) return;
    current = next;
  }
}

/** How many conversations an export with these filters holds (a progress bar's total). */
export async function countExportConversations(
  db: Db,
  shopId: string,
  filters: ConversationFilters,
): Promise<number> {
  const candidates = filters.q ? await findSearchCandidates(db, shopId, filters.q) : undefined;
  const [row] = await queryRows<{ n: number | string }>(
    db,
    sql`select count(*) as n from conversations c where ${listConditions(shopId, filters, null, candidates)}`,
  );
  return Number(row.n);
}
