import { bigint, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, timestampMs } from './columns.ts';
import { conversations } from './conversations.ts';
import { shops } from './shops.ts';

/**
 * The reply outbox: one row per conversation that owes the customer an AI reply. Written in the same
 * transaction as the customer's message; deleted in the same transaction as the reply. A row whose
 * lease ran out (its process died) is picked up again, so every acknowledged message gets one reply.
 */
export const replyJobs = pgTable(
  'reply_jobs',
  {
    conversationId: uuid('conversation_id')
      .primaryKey()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    // The newest customer message (messages.seq) that needs an answer.
    lastCustomerSeq: bigint('last_customer_seq', { mode: 'number' }).notNull(),
    lockedBy: text('locked_by'),
    lockedUntil: timestampMs('locked_until').notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('reply_jobs_locked_until_idx').on(t.lockedUntil)],
);

/** AI replies and tokens per shop per calendar month (UTC), for the billing cap. */
export const aiUsage = pgTable(
  'ai_usage',
  {
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    replies: integer('replies').notNull().default(0),
    inputTokens: bigint('input_tokens', { mode: 'number' }).notNull().default(0),
    outputTokens: bigint('output_tokens', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.shopId, t.month] })],
);
