import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestampMs } from './columns.ts';
import { conversations } from './conversations.ts';
import { customers } from './customers.ts';
import { shops } from './shops.ts';

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
  },
  (t) => [
    uniqueIndex('tickets_shop_number_uq').on(t.shopId, t.number),
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
