import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client.ts';
import {
  conversations,
  customers,
  emailMessages,
  messages,
  ratings,
  shopifyDataRequests,
  ticketMessages,
  tickets,
} from '../db/schema/index.ts';
import { uuidArray } from '../db/sql-arrays.ts';
import { type DoomedConversation, deleteConversations } from '../retention/delete-conversations.ts';

/** What a shop holds about one customer, found by email address (case-insensitive), in that shop only. */
export type CustomerData = {
  customerIds: string[];
  conversations: DoomedConversation[];
  ticketIds: string[];
};

/**
 * The customer's rows: customer records with the email; conversations of those customers or with inbound
 * mail from the address; tickets of those customers, on those conversations, or whose replies were
 * emailed to the address. (We hold no phone numbers or Shopify customer ids to match on.)
 */
export async function findCustomerData(db: Db, shopId: string, email: string): Promise<CustomerData> {
  const address = email.trim().toLowerCase();
  if (!address) return { customerIds: [], conversations: [], ticketIds: [] };
  const customerRows = await queryRows<{ id: string }>(
    db,
    sql`select id from customers where shop_id = ${shopId} and lower(email) = ${address}`,
  );
  const customerIds = customerRows.map((r) => r.id);
  const conversationRows = await queryRows<{ id: string; started_at: Date | string }>(
    db,
    sql`select c.id, c.started_at from conversations c
        where c.shop_id = ${shopId} and (c.customer_id = any(${uuidArray(customerIds)})
          or exists (select 1 from email_messages em where em.conversation_id = c.id and em.shop_id = ${shopId}
            and em.direction = 'in' and lower(em.from_address) = ${address}))`,
  );
  const conversationIds = conversationRows.map((r) => r.id);
  const ticketRows = await queryRows<{ id: string }>(
    db,
    sql`select t.id from tickets t where t.shop_id = ${shopId} and (t.customer_id = any(${uuidArray(customerIds)})
          or t.conversation_id = any(${uuidArray(conversationIds)})
          or exists (select 1 from ticket_messages tm where tm.ticket_id = t.id and lower(tm.email_to) = ${address}))`,
  );
  return {
    customerIds,
    conversations: conversationRows.map((r) => ({ id: r.id, startedAt: r.started_at })),
    ticketIds: ticketRows.map((r) => r.id),
  };
}

/**
 * customers/redact: deletes the customer's tickets (with their replies and history), conversations (through
 * deleteConversations: messages, emails, drafts, ratings, reply jobs), customer records and earlier data
 * exports, in that shop only.
 */
export async function redactCustomer(db: Db, shopId: string, email: string) {
  const found = await findCustomerData(db, shopId, email);
  // Tickets first: deleteConversations keeps a conversation's tickets, but a redacted customer's go too.
  const goneTickets = found.ticketIds.length
    ? await db
        .delete(tickets)
        .where(and(eq(tickets.shopId, shopId), inArray(tickets.id, found.ticketIds)))
        .returning({ id: tickets.id })
    : [];
  const gone = await deleteConversations(db, shopId, found.conversations);
  if (found.customerIds.length) {
    await db
      .delete(customers)
      .where(and(eq(customers.shopId, shopId), inArray(customers.id, found.customerIds)));
  }
  const address = email.trim().toLowerCase();
  const exports = address
    ? await db
        .delete(shopifyDataRequests)
        .where(
          and(
            eq(shopifyDataRequests.shopId, shopId),
            sql`lower(${shopifyDataRequests.customerEmail}) = ${address}`,
          ),
        )
        .returning({ id: shopifyDataRequests.id })
    : [];
  return {
    customers: found.customerIds.length,
    conversations: gone.conversations,
    messages: gone.messages,
    tickets: goneTickets.length,
    dataRequests: exports.length,
  };
}

// What the export shows of each table.
const CUSTOMER_FIELDS = { name: customers.name, email: customers.email, createdAt: customers.createdAt };
const CONVERSATION_FIELDS = {
  id: conversations.id,
  channel: conversations.channel,
  status: conversations.status,
  subject: conversations.subject,
  startedAt: conversations.startedAt,
  lastMessageAt: conversations.lastMessageAt,
};
const MESSAGE_FIELDS = {
  conversationId: messages.conversationId,
  id: messages.id,
  role: messages.role,
  parts: messages.parts,
  createdAt: messages.createdAt,
};
const EMAIL_FIELDS = {
  conversationId: emailMessages.conversationId,
  direction: emailMessages.direction,
  subject: emailMessages.subject,
  from: emailMessages.fromAddress,
  to: emailMessages.toAddresses,
  text: emailMessages.fullText,
  createdAt: emailMessages.createdAt,
};
const RATING_FIELDS = {
  conversationId: ratings.conversationId,
  rating: ratings.rating,
  comment: ratings.comment,
  createdAt: ratings.createdAt,
};
const TICKET_FIELDS = {
  id: tickets.id,
  number: tickets.number,
  conversationId: tickets.conversationId,
  status: tickets.status,
  priority: tickets.priority,
  category: tickets.category,
  reason: tickets.reason,
  createdAt: tickets.createdAt,
  updatedAt: tickets.updatedAt,
  deletedAt: tickets.deletedAt,
};
const TICKET_MESSAGE_FIELDS = {
  ticketId: ticketMessages.ticketId,
  kind: ticketMessages.kind,
  body: ticketMessages.body,
  authorName: ticketMessages.authorName,
  emailTo: ticketMessages.emailTo,
  createdAt: ticketMessages.createdAt,
};

/**
 * customers/data_request: everything the shop holds about the customer as one JSON document: customer
 * records, conversations with every message part (text, tool calls and results), emails and ratings, and
 * tickets with their replies and notes.
 */
export async function buildCustomerExport(
  db: Db,
  shopId: string,
  request: {
    email: string | null;
    shopifyCustomerId: string | null;
    shopDomain: string;
    requestId: string | null;
  },
) {
  const found = request.email
    ? await findCustomerData(db, shopId, request.email)
    : { customerIds: [], conversations: [], ticketIds: [] };
  const conversationIds = found.conversations.map((c) => c.id);
  const starts = found.conversations.map((c) => new Date(c.startedAt));
  const { customerIds, ticketIds } = found;
  // Every query is scoped to the shop as well as to the ids found in it.
  const none = Promise.resolve([]);
  const [customerRows, conversationRows, messageRows, emailRows, ratingRows, ticketRows, ticketMessageRows] =
    await Promise.all([
      customerIds.length
        ? db
            .select(CUSTOMER_FIELDS)
            .from(customers)
            .where(and(eq(customers.shopId, shopId), inArray(customers.id, customerIds)))
        : none,
      conversationIds.length
        ? db
            .select(CONVERSATION_FIELDS)
            .from(conversations)
            .where(and(eq(conversations.shopId, shopId), inArray(conversations.id, conversationIds)))
            .orderBy(asc(conversations.startedAt), asc(conversations.id))
        : none,
      conversationIds.length
        ? db
            .select(MESSAGE_FIELDS)
            .from(messages)
            .where(
              and(
                eq(messages.shopId, shopId),
                inArray(messages.conversationId, conversationIds),
                // The partition key: only the conversations' day partitions are read.
                inArray(messages.conversationStartedAt, starts),
              ),
            )
            .orderBy(asc(messages.createdAt), asc(messages.seq))
        : none,
      conversationIds.length
        ? db
            .select(EMAIL_FIELDS)
            .from(emailMessages)
            .where(
              and(eq(emailMessages.shopId, shopId), inArray(emailMessages.conversationId, conversationIds)),
            )
            .orderBy(asc(emailMessages.createdAt))
        : none,
      conversationIds.length
        ? db
            .select(RATING_FIELDS)
            .from(ratings)
            .where(and(eq(ratings.shopId, shopId), inArray(ratings.conversationId, conversationIds)))
        : none,
      ticketIds.length
        ? db
            .select(TICKET_FIELDS)
            .from(tickets)
            .where(and(eq(tickets.shopId, shopId), inArray(tickets.id, ticketIds)))
            .orderBy(asc(tickets.number))
        : none,
      ticketIds.length
        ? db
            .select(TICKET_MESSAGE_FIELDS)
            .from(ticketMessages)
            .where(and(eq(ticketMessages.shopId, shopId), inArray(ticketMessages.ticketId, ticketIds)))
            .orderBy(asc(ticketMessages.createdAt))
        : none,
    ]);
  const byConversation = <T extends { conversationId: string }>(rows: T[], id: string) =>
    rows.filter((r) => r.conversationId === id).map(({ conversationId: _, ...rest }) => rest);
  const document = {
    kind: 'customers/data_request',
    shop: request.shopDomain,
    shopifyRequestId: request.requestId,
    generatedAt: new Date().toISOString(),
    customer: { email: request.email, shopifyCustomerId: request.shopifyCustomerId },
    customerRecords: customerRows,
    conversations: conversationRows.map((c) => {
      const rating = ratingRows.find((r) => r.conversationId === c.id);
      return {
        ...c,
        messages: byConversation(messageRows, c.id),
        emails: byConversation(emailRows, c.id),
        rating: rating
          ? { rating: rating.rating, comment: rating.comment, createdAt: rating.createdAt }
          : null,
      };
    }),
    tickets: ticketRows.map(({ id, ...t }) => ({
      ...t,
      messages: ticketMessageRows.filter((m) => m.ticketId === id).map(({ ticketId: _, ...rest }) => rest),
    })),
  };
  return {
    document: JSON.stringify(document, null, 2),
    conversations: conversationRows.length,
    tickets: ticketRows.length,
  };
}

const SHOP_BATCH = 500;

/** shop/redact: every conversation through deleteConversations (messages have no foreign key), then the shop. */
export async function redactShop(db: Db, shopId: string) {
  let conversationsGone = 0;
  let messagesGone = 0;
  for (;;) {
    const batch = await db
      .select({ id: conversations.id, startedAt: conversations.startedAt })
      .from(conversations)
      .where(eq(conversations.shopId, shopId))
      .limit(SHOP_BATCH);
    if (batch.length === 0) break;
    const gone = await deleteConversations(db, shopId, batch);
    conversationsGone += gone.conversations;
    messagesGone += gone.messages;
  }
  // Everything else hangs off the shop and cascades: customers, tickets, staff, settings, installs, exports.
  await db.execute(sql`delete from shops where id = ${shopId}`);
  return { conversations: conversationsGone, messages: messagesGone, shop: true };
}
