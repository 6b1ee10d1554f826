import { z } from 'zod';
import { CHANNEL_TYPES, CONVERSATION_STATUSES, MESSAGE_ROLES } from '../db/schema/index.ts';
import { BULK_MAX_ITEMS, ZBulkFailure } from '../http/bulk-results.ts';
import { MAX_RETENTION_DAYS } from '../settings/shop-settings.ts';

/** The filters of the list, shared by the export. */
export const ZConversationFilterQuery = z.object({
  status: z.enum(CONVERSATION_STATUSES).optional(),
  channel: z.enum(CHANNEL_TYPES).optional(),
  hasDrafts: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(200).optional(),
  // Conversations the retention purge deletes within this many days.
  expiresWithinDays: z.coerce.number().int().min(1).max(MAX_RETENTION_DAYS).optional(),
});
export type TConversationFilterQuery = z.infer<typeof ZConversationFilterQuery>;

export const ZListConversationsQuery = ZConversationFilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
}).strict();

const ZCustomer = z.object({ name: z.string().nullable(), email: z.string().nullable() });

export const ZConversationListItem = z.object({
  id: z.guid(),
  status: z.enum(CONVERSATION_STATUSES),
  customer: ZCustomer,
  channel: z.enum(CHANNEL_TYPES),
  startedAt: z.string(),
  lastMessageAt: z.string(),
  // When the retention purge deletes it (started + the shop's retention days).
  expiresAt: z.string(),
  preview: z.string(),
  hasDraft: z.boolean(),
});

export const ZConversationList = z.object({
  items: z.array(ZConversationListItem),
  nextCursor: z.string().nullable(),
});

export const ZMessagePart = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({
    type: z.literal('tool-call'),
    toolCallId: z.string(),
    toolName: z.string(),
    input: z.unknown(),
  }),
  z.object({
    type: z.literal('tool-result'),
    toolCallId: z.string(),
    toolName: z.string(),
    output: z.unknown(),
  }),
]);

export const ZMessage = z.object({
  id: z.guid(),
  role: z.enum(MESSAGE_ROLES),
  parts: z.array(ZMessagePart),
  createdAt: z.string(),
});

const ZEmail = z.object({
  id: z.guid(),
  direction: z.enum(['in', 'out']),
  subject: z.string(),
  from: z.string().nullable(),
  to: z.array(z.string()),
  // Sanitized when stored (no scripts, handlers or javascript: URLs; remote images blocked).
  html: z.string().nullable(),
  originalText: z.string().nullable(),
  hasRemoteImages: z.boolean(),
  verifiedSender: z.boolean(),
  delivery: z
    .object({
      status: z.string(),
      error: z.string().nullable(),
      attempts: z.number().int(),
      sentAt: z.string().nullable(),
    })
    .nullable(),
  attachments: z.array(
    z.object({
      id: z.guid(),
      filename: z.string().nullable(),
      contentType: z.string(),
      size: z.number().int(),
    }),
  ),
});

export const ZConversationDetail = ZConversationListItem.omit({ preview: true }).extend({
  channelName: z.string().nullable(),
  subject: z.string().nullable(),
  // `email` only on messages that came or went by email.
  messages: z.array(ZMessage.extend({ email: ZEmail.optional() })),
  draft: z
    .object({ id: z.guid(), body: z.string(), createdAt: z.string(), updatedAt: z.string() })
    .nullable(),
  tickets: z.array(
    z.object({
      number: z.number().int(),
      status: z.string(),
      priority: z.string(),
      category: z.string(),
      reason: z.string(),
      createdAt: z.string(),
    }),
  ),
  rating: z
    .object({ rating: z.enum(['good', 'bad']), comment: z.string().nullable(), createdAt: z.string() })
    .nullable(),
});

// Any string: an id that is not a UUID is unknown (404), like another shop's.
export const ZIdParams = z.object({ id: z.string().max(100) });
export const ZPatchConversation = z.object({ status: z.enum(['resolved', 'unresolved']) }).strict();

/** `POST /api/conversations/bulk`: resolve or reopen many conversations at once. */
export const ZBulkConversations = z
  .object({
    ids: z.array(z.guid()).min(1).max(BULK_MAX_ITEMS),
    action: z.enum(['resolve', 'reopen']),
  })
  .strict();

export const ZBulkConversationsResult = z.object({
  results: z.array(
    z.union([
      z.object({ id: z.guid(), ok: z.literal(true), status: z.enum(CONVERSATION_STATUSES) }),
      ZBulkFailure.extend({ id: z.guid() }),
    ]),
  ),
});
