import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
  conversations,
  customers,
  messages,
  ticketEvents,
  ticketMessages,
  tickets,
} from '../db/schema/index.ts';
import { allowedMoves } from './transitions.ts';

/** A shop's ticket by its number (deleted ones are gone); null when there is none. */
export async function findTicket(db: Db, shopId: string, number: number) {
  const [row] = await db
    .select({ ticket: tickets, customer: { name: customers.name, email: customers.email } })
    .from(tickets)
    .leftJoin(customers, eq(customers.id, tickets.customerId))
    .where(and(eq(tickets.shopId, shopId), eq(tickets.number, number), isNull(tickets.deletedAt)));
  return row ?? null;
}

type ReplyRow = typeof ticketMessages.$inferSelect;

const authored = (m: ReplyRow) => ({
  id: m.id,
  body: m.body,
  author: { name: m.authorName },
  createdAt: m.createdAt.toISOString(),
});

/** A reply as the thread shows it: where it went and whether that worked. */
export const toReplyItem = (m: ReplyRow) => ({
  kind: 'reply' as const,
  ...authored(m),
  delivery: {
    chat: m.conversationMessageId ? ('delivered' as const) : null,
    email: m.emailStatus
      ? { to: m.emailTo ?? '', status: m.emailStatus, attempts: m.emailAttempts, error: m.emailError }
      : null,
  },
});

/** An internal note as the thread shows it. */
export const toNoteItem = (m: ReplyRow) => ({ kind: 'note' as const, ...authored(m) });

export const toThreadItem = (m: ReplyRow) => (m.kind === 'note' ? toNoteItem(m) : toReplyItem(m));

/**
 * The ticket with its thread (the conversation's messages, the ticket's replies and notes, in time order;
 * a reply that went into the chat appears once, as the reply) and its history of changes.
 */
export async function getTicketDetail(db: Db, shopId: string, number: number) {
  const found = await findTicket(db, shopId, number);
  if (!found) return null;
  const { ticket: t, customer } = found;
  const [conversationRows, messageRows, replyRows, eventRows] = await Promise.all([
    t.conversationId
      ? db
          .select({ id: conversations.id, channel: conversations.channel, status: conversations.status })
          .from(conversations)
          .where(and(eq(conversations.shopId, shopId), eq(conversations.id, t.conversationId)))
      : Promise.resolve([]),
    t.conversationId
      ? db
          .select({
            id: messages.id,
            role: messages.role,
            parts: messages.parts,
            createdAt: messages.createdAt,
          })
          .from(messages)
          .where(and(eq(messages.shopId, shopId), eq(messages.conversationId, t.conversationId)))
          .orderBy(asc(messages.createdAt), asc(messages.seq))
      : Promise.resolve([]),
    db
      .select()
      .from(ticketMessages)
      .where(and(eq(ticketMessages.shopId, shopId), eq(ticketMessages.ticketId, t.id)))
      .orderBy(asc(ticketMessages.createdAt)),
    db
      .select()
      .from(ticketEvents)
      .where(and(eq(ticketEvents.shopId, shopId), eq(ticketEvents.ticketId, t.id)))
      .orderBy(asc(ticketEvents.id)),
  ]);
  const shownAsReply = new Set(replyRows.map((r) => r.conversationMessageId).filter(Boolean));
  const thread = [
    ...messageRows
      .filter((m) => !shownAsReply.has(m.id))
      .map((m) => ({ kind: 'message' as const, ...m, createdAt: m.createdAt.toISOString() })),
    ...replyRows.map(toThreadItem),
  ].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return {
    number: t.number,
    status: t.status,
    priority: t.priority,
    category: t.category,
    reason: t.reason,
    customer: { name: customer?.name ?? null, email: customer?.email ?? null },
    conversationId: conversationRows[0]?.id ?? null,
    conversation: conversationRows[0] ?? null,
    conversationExpiredAt: t.conversationExpiredAt?.toISOString() ?? null,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    allowedStatuses: allowedMoves(t.status),
    thread,
    history: eventRows.map((e) => ({
      id: e.id,
      field: e.field,
      from: e.fromValue,
      to: e.toValue,
      actor: { type: e.actorType, name: e.actorName },
      detail: e.detail,
      at: e.createdAt.toISOString(),
    })),
  };
}

export type TicketDetail = NonNullable<Awaited<ReturnType<typeof getTicketDetail>>>;
