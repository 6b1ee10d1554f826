import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { emailsByMessage } from '../channels/email/email-view.ts';
import { type Db, queryRows } from '../db/client.ts';
import {
  type ChannelType,
  type ConversationStatus,
  channels,
  conversations,
  customers,
  drafts,
  messages,
  ratings,
  shops,
  tickets,
} from '../db/schema/index.ts';
import { isUuid } from '../http/ids.ts';
import { type Cursor, encodeCursor } from './cursor.ts';
import { expiresAtIso, retentionDaysOf } from './expiry-filter.ts';
import {
  buildListQuery,
  buildSearchCandidatesQuery,
  type ConversationFilters,
  SEARCH_CANDIDATE_CAP,
} from './list-query.ts';

type ListRow = {
  id: string;
  status: ConversationStatus;
  channel: ChannelType;
  startedAt: string | Date;
  lastMessageAt: string | Date;
  preview: string;
  hasDraft: boolean;
  customerName: string | null;
  customerEmail: string | null;
  /** The shop's stored `settings.retention`, the same on every row. */
  retention: unknown;
};

const iso = (v: string | Date) => new Date(v).toISOString();

/** One page of a shop's conversations plus the cursor of the next page (null on the last). */
export async function listConversations(
  db: Db,
  shopId: string,
  filters: ConversationFilters,
  cursor: Cursor | null,
  limit: number,
) {
  const candidateIds = filters.q ? await findSearchCandidates(db, shopId, filters.q) : undefined;
  // One extra row tells whether another page exists without a count query.
  const rows = await queryRows<ListRow>(db, buildListQuery(shopId, filters, cursor, limit + 1, candidateIds));
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const retentionDays = retentionDaysOf(rows[0]?.retention);
  return {
    items: page.map((r) => ({
      id: r.id,
      status: r.status,
      customer: { name: r.customerName, email: r.customerEmail },
      channel: r.channel,
      startedAt: iso(r.startedAt),
      lastMessageAt: iso(r.lastMessageAt),
      expiresAt: expiresAtIso(r.startedAt, retentionDays),
      preview: r.preview,
      hasDraft: r.hasDraft,
    })),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ startedAt: new Date(last.startedAt), id: last.id }) : null,
  };
}

/** Every conversation id matching a rare search term, or undefined when the term is common. */
export async function findSearchCandidates(db: Db, shopId: string, q: string): Promise<string[] | undefined> {
  const rows = await queryRows<{ id: string }>(db, buildSearchCandidatesQuery(shopId, q));
  if (rows.length > SEARCH_CANDIDATE_CAP) return undefined;
  return [...new Set(rows.map((r) => r.id))];
}

/** A conversation with every message part, its pending draft, tickets and rating; null if not this shop's. */
export async function getConversation(db: Db, shopId: string, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({
      conversation: conversations,
      customer: customers,
      channelName: channels.name,
      retention: sql<unknown>`${shops.settings}->'retention'`,
    })
    .from(conversations)
    .innerJoin(shops, eq(shops.id, conversations.shopId))
    .leftJoin(customers, eq(customers.id, conversations.customerId))
    .leftJoin(channels, eq(channels.id, conversations.channelId))
    .where(and(eq(conversations.shopId, shopId), eq(conversations.id, id)));
  if (!row) return null;
  const [messageRows, draftRows, ticketRows, ratingRows, emails] = await Promise.all([
    db
      .select({ id: messages.id, role: messages.role, parts: messages.parts, createdAt: messages.createdAt })
      .from(messages)
      .where(
        and(
          eq(messages.shopId, shopId),
          eq(messages.conversationId, id),
          // The partition key: only this conversation's day is read.
          eq(messages.conversationStartedAt, row.conversation.startedAt),
        ),
      )
      .orderBy(asc(messages.createdAt), asc(messages.seq)),
    db
      .select({ id: drafts.id, body: drafts.body, createdAt: drafts.createdAt, updatedAt: drafts.updatedAt })
      .from(drafts)
      .where(and(eq(drafts.shopId, shopId), eq(drafts.conversationId, id), eq(drafts.status, 'pending'))),
    db
      .select({
        number: tickets.number,
        status: tickets.status,
        priority: tickets.priority,
        category: tickets.category,
        reason: tickets.reason,
        createdAt: tickets.createdAt,
      })
      .from(tickets)
      .where(and(eq(tickets.shopId, shopId), eq(tickets.conversationId, id), isNull(tickets.deletedAt)))
      .orderBy(asc(tickets.number)),
    db
      .select({ rating: ratings.rating, comment: ratings.comment, createdAt: ratings.createdAt })
      .from(ratings)
      .where(and(eq(ratings.shopId, shopId), eq(ratings.conversationId, id))),
    emailsByMessage(db, shopId, id),
  ]);
  const c = row.conversation;
  return {
    id: c.id,
    status: c.status,
    channel: c.channel,
    channelName: row.channelName,
    subject: c.subject,
    customer: { name: row.customer?.name ?? null, email: row.customer?.email ?? null },
    startedAt: c.startedAt.toISOString(),
    lastMessageAt: c.lastMessageAt.toISOString(),
    expiresAt: expiresAtIso(c.startedAt, retentionDaysOf(row.retention)),
    hasDraft: c.hasDraft,
    messages: messageRows.map((m) => {
      const email = emails.get(m.id);
      return { ...m, createdAt: m.createdAt.toISOString(), ...(email ? { email } : {}) };
    }),
    draft: draftRows[0]
      ? {
          ...draftRows[0],
          createdAt: draftRows[0].createdAt.toISOString(),
          updatedAt: draftRows[0].updatedAt.toISOString(),
        }
      : null,
    tickets: ticketRows.map((t) => ({ ...t, createdAt: t.createdAt.toISOString() })),
    rating: ratingRows[0] ? { ...ratingRows[0], createdAt: ratingRows[0].createdAt.toISOString() } : null,
  };
}
