import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { type ChannelType, channels } from './channels.ts';
import { createdAt, id, timestampMs, tsvector } from './columns.ts';
import { customers } from './customers.ts';
import { shops } from './shops.ts';

export const CONVERSATION_STATUSES = ['unresolved', 'resolved', 'draft'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];
export const MESSAGE_ROLES = ['customer', 'ai', 'staff', 'system'] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];

export type TextPart = { type: 'text'; text: string };
export type ToolCallPart = { type: 'tool-call'; toolCallId: string; toolName: string; input: unknown };
export type ToolResultPart = { type: 'tool-result'; toolCallId: string; toolName: string; output: unknown };
export type MessagePart = TextPart | ToolCallPart | ToolResultPart;

export const conversations = pgTable(
  'conversations',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    channelId: uuid('channel_id').references(() => channels.id, { onDelete: 'set null' }),
    // Copied from the channel so the channel filter is one indexed column.
    channel: text('channel').$type<ChannelType>().notNull(),
    status: text('status').$type<ConversationStatus>().notNull().default('unresolved'),
    hasDraft: boolean('has_draft').notNull().default(false),
    subject: text('subject'),
    preview: text('preview').notNull().default(''),
    startedAt: timestampMs('started_at').notNull().defaultNow(),
    lastMessageAt: timestampMs('last_message_at').notNull().defaultNow(),
    updatedAt: timestampMs('updated_at').notNull().defaultNow(),
    // sha256 of the widget's bearer token for this conversation.
    widgetTokenHash: text('widget_token_hash'),
    // Words of every text part, appended as messages arrive (language-neutral 'simple' config).
    searchVector: tsvector('search_vector').notNull().default(sql`''::tsvector`),
  },
  (t) => [
    // Ascending indexes scanned backwards serve "order by started_at desc, id desc" (desc indexes would be NULLS LAST).
    index('conversations_shop_started_idx').on(t.shopId, t.startedAt, t.id),
    // The retention purge walks every shop's oldest conversations.
    index('conversations_started_idx').on(t.startedAt),
    index('conversations_shop_status_started_idx').on(t.shopId, t.status, t.startedAt, t.id),
    index('conversations_shop_channel_started_idx').on(t.shopId, t.channel, t.startedAt, t.id),
    index('conversations_shop_drafts_started_idx').on(t.shopId, t.startedAt, t.id).where(sql`${t.hasDraft}`),
    index('conversations_customer_idx').on(t.customerId),
    index('conversations_search_idx').using('gin', t.searchVector),
    check('conversations_status_ck', sql`${t.status} in ('unresolved','resolved','draft')`),
    check('conversations_channel_ck', sql`${t.channel} in ('widget','gmail','outlook','email','api')`),
  ],
);

/**
 * Partitioned by day of `conversation_started_at` (migration 0005, src/retention/partitions.ts): the
 * retention purge drops a whole day of expired messages at once. No foreign key to conversations, so
 * deleting a conversation never probes every partition; src/retention/delete-conversations.ts deletes both.
 */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').notNull().defaultRandom(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id').notNull(),
    // The conversation's started_at: the partition key, so a conversation's messages share its expiry.
    conversationStartedAt: timestampMs('conversation_started_at').notNull(),
    role: text('role').$type<MessageRole>().notNull(),
    parts: jsonb('parts').$type<MessagePart[]>().notNull(),
    // Client-chosen id so a retried POST stores the message once.
    clientMessageId: text('client_message_id'),
    createdAt: createdAt(),
    // Insertion order: breaks ties between messages stored in the same millisecond.
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  },
  (t) => [
    primaryKey({ name: 'messages_pkey', columns: [t.id, t.conversationStartedAt] }),
    index('messages_conversation_order_idx').on(t.conversationId, t.createdAt, t.seq),
    index('messages_shop_idx').on(t.shopId),
    uniqueIndex('messages_client_id_uq').on(t.conversationId, t.clientMessageId, t.conversationStartedAt),
    check('messages_role_ck', sql`${t.role} in ('customer','ai','staff','system')`),
  ],
);

export const drafts = pgTable(
  'drafts',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    status: text('status').$type<'pending' | 'sent' | 'discarded'>().notNull().default('pending'),
    createdAt: createdAt(),
    updatedAt: timestampMs('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // At most one draft waits for review per conversation.
    uniqueIndex('drafts_pending_uq').on(t.conversationId).where(sql`${t.status} = 'pending'`),
    // Deleting a conversation (retention, redaction) finds its drafts by this.
    index('drafts_conversation_idx').on(t.conversationId),
    check('drafts_status_ck', sql`${t.status} in ('pending','sent','discarded')`),
  ],
);

export const ratings = pgTable(
  'ratings',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    rating: text('rating').$type<'good' | 'bad'>().notNull(),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('ratings_conversation_uq').on(t.conversationId),
    check('ratings_rating_ck', sql`${t.rating} in ('good','bad')`),
  ],
);
