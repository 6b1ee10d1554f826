import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, id, timestampMs } from './columns.ts';
import { conversations } from './conversations.ts';
import { customers } from './customers.ts';
import { shops } from './shops.ts';
import { staffUsers } from './staff.ts';

export const TICKET_STATUSES = ['new', 'open', 'waiting', 'resolved'] as const;
export const TICKET_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export const TICKET_REASONS = [
  'customer_requested_human',
  'ai_unable_to_solve',
  'bad_rating',
  'fallback_mode',
  'staff_created',
] as const;

export const tickets = pgTable(
  'tickets',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    // Kept when the conversation expires: the ticket then shows it as expired.
    conversationId: uuid('conversation_id').references(() => conversations.id, { onDelete: 'set null' }),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    status: text('status').$type<(typeof TICKET_STATUSES)[number]>().notNull().default('new'),
    priority: text('priority').$type<(typeof TICKET_PRIORITIES)[number]>().notNull().default('medium'),
    category: text('category').notNull().default('Other'),
    reason: text('reason').$type<(typeof TICKET_REASONS)[number]>().notNull(),
    createdAt: createdAt(),
    updatedAt: timestampMs('updated_at').notNull().defaultNow(),
    deletedAt: timestampMs('deleted_at'),
    // Set when the original conversation was deleted by retention or redaction (the ticket stays).
    conversationExpiredAt: timestampMs('conversation_expired_at'),
    // Low 1 … urgent 4, so "sort by priority" is an ordinary keyset on an index.
    priorityRank: smallint('priority_rank')
      .notNull()
      .generatedAlwaysAs(
        sql`case priority when 'urgent' then 4 when 'high' then 3 when 'medium' then 2 else 1 end`,
      ),
  },
  (t) => [
    uniqueIndex('tickets_shop_number_uq').on(t.shopId, t.number),
    index('tickets_shop_created_idx').on(t.shopId, t.createdAt, t.id),
    index('tickets_shop_priority_idx').on(t.shopId, t.priorityRank, t.updatedAt, t.id),
    index('tickets_shop_status_idx').on(t.shopId, t.status),
    index('tickets_shop_updated_idx').on(t.shopId, t.updatedAt, t.id),
    index('tickets_conversation_idx').on(t.conversationId),
    check('tickets_status_ck', sql`${t.status} in ('new','open','waiting','resolved')`),
    check('tickets_priority_ck', sql`${t.priority} in ('low','medium','high','urgent')`),
    check(
      'tickets_reason_ck',
      sql`${t.reason} in ('customer_requested_human','ai_unable_to_solve','bad_rating','fallback_mode','staff_created')`,
    ),
  ],
);

export const TICKET_MESSAGE_KINDS = ['reply', 'note'] as const;
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Staff replies (to the customer) and internal notes (staff only) on a ticket. */
export const ticketMessages = pgTable(
  'ticket_messages',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<(typeof TICKET_MESSAGE_KINDS)[number]>().notNull(),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    // The chat message a widget reply became (null for notes and email-only replies).
    // No foreign key: messages are partitioned; deleting a conversation clears this (delete-conversations.ts).
    conversationMessageId: uuid('conversation_message_id'),
    // Email delivery of a reply: null when no email is owed (notes, widget customers without email).
    emailTo: text('email_to'),
    emailStatus: text('email_status').$type<DeliveryStatus>(),
    emailAttempts: integer('email_attempts').notNull().default(0),
    emailError: text('email_error'),
    emailSentAt: timestampMs('email_sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('ticket_messages_ticket_idx').on(t.ticketId, t.createdAt),
    index('ticket_messages_email_pending_idx').on(t.emailStatus).where(sql`${t.emailStatus} = 'pending'`),
    check('ticket_messages_kind_ck', sql`${t.kind} in ('reply','note')`),
  ],
);

export const TICKET_EVENT_FIELDS = [
  'created',
  'trigger',
  'status',
  'priority',
  'category',
  'reply',
  'note',
  'deleted',
] as const;
export type TicketEventField = (typeof TICKET_EVENT_FIELDS)[number];

/**
 * Every change to a ticket (who, when, from → to). Also the outbox for what follows a change: realtime
 * events and notifications are dispatched from rows whose `dispatched_at` is still null.
 */
export const ticketEvents = pgTable(
  'ticket_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => tickets.id, { onDelete: 'cascade' }),
    field: text('field').$type<TicketEventField>().notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    actorType: text('actor_type').$type<'ai' | 'staff' | 'system'>().notNull(),
    actorId: uuid('actor_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    dispatchedAt: timestampMs('dispatched_at'),
  },
  (t) => [
    index('ticket_events_ticket_idx').on(t.ticketId, t.id),
    index('ticket_events_undispatched_idx').on(t.id).where(sql`${t.dispatchedAt} is null`),
  ],
);

/** A notification that could not be delivered after every retry: shown in Settings → Notifications. */
export const notificationFailures = pgTable(
  'notification_failures',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    target: text('target').$type<'slack' | 'email'>().notNull(),
    ticketNumber: integer('ticket_number'),
    error: text('error').notNull(),
    attempts: integer('attempts').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('notification_failures_shop_idx').on(t.shopId, t.createdAt)],
);
