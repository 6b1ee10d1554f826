import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { channels } from './channels.ts';
import { createdAt, id, timestampMs } from './columns.ts';
import { conversations } from './conversations.ts';
import { shops } from './shops.ts';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export type EmailAuth = { dkim: string; spf: string; dmarc: string; verifiedSender: boolean };
export type EmailDelivery = 'pending' | 'sent' | 'failed';

/**
 * The email side of a conversation message: headers for threading and dedupe, the sanitized HTML and
 * the original text of inbound mail, and the delivery state of outbound mail.
 */
export const emailMessages = pgTable(
  'email_messages',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    // The chat message this email is (null for an outbound email not yet tied to one).
    // No foreign key: messages are partitioned; the row goes with its conversation.
    messageId: uuid('message_id'),
    channelId: uuid('channel_id').references(() => channels.id, { onDelete: 'set null' }),
    direction: text('direction').$type<'in' | 'out'>().notNull(),
    // RFC 5322 Message-ID without angle brackets; unique per shop so a redelivered mail is stored once.
    rfcMessageId: text('rfc_message_id').notNull(),
    inReplyTo: text('in_reply_to'),
    references: text('references').array().notNull().default(sql`'{}'::text[]`),
    // Gmail threadId or Outlook conversationId, when the mail came through those APIs.
    threadKey: text('thread_key'),
    // The provider's own id (Gmail message id, Graph message id) for replies through its API.
    providerId: text('provider_id'),
    subject: text('subject').notNull().default(''),
    fromAddress: text('from_address'),
    toAddresses: text('to_addresses').array().notNull().default(sql`'{}'::text[]`),
    fullText: text('full_text'),
    html: text('html'),
    hasRemoteImages: boolean('has_remote_images').notNull().default(false),
    auth: jsonb('auth').$type<EmailAuth>(),
    deliveryStatus: text('delivery_status').$type<EmailDelivery>(),
    deliveryError: text('delivery_error'),
    deliveryAttempts: integer('delivery_attempts').notNull().default(0),
    sentAt: timestampMs('sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('email_messages_rfc_uq').on(t.shopId, t.rfcMessageId),
    index('email_messages_conversation_idx').on(t.conversationId, t.createdAt),
    index('email_messages_message_idx').on(t.messageId),
    index('email_messages_thread_idx').on(t.shopId, t.threadKey),
    check('email_messages_direction_ck', sql`${t.direction} in ('in','out')`),
  ],
);

/** Attachments of inbound mail: always name, type and size; contents up to a limit. */
export const emailAttachments = pgTable(
  'email_attachments',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    emailMessageId: uuid('email_message_id')
      .notNull()
      .references(() => emailMessages.id, { onDelete: 'cascade' }),
    filename: text('filename'),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content'),
    createdAt: createdAt(),
  },
  (t) => [index('email_attachments_message_idx').on(t.emailMessageId)],
);
