import { z } from 'zod';

/** Gmail sends int64 ids as decimal strings in the REST API and as numbers in push payloads. */
export const ZHistoryId = z.union([
  z.string().regex(/^\d{1,20}$/),
  z
    .number()
    .int()
    .nonnegative()
    .refine((n) => Number.isSafeInteger(n))
    .transform(String),
]);

const ZMessageRef = z.object({
  id: z.string().min(1),
  threadId: z.string().optional(),
  labelIds: z.array(z.string()).optional(),
});

/** users.getProfile */
export const ZProfile = z.object({ emailAddress: z.string(), historyId: ZHistoryId });

/** users.history.list (messages in it carry only id, threadId and sometimes labelIds) */
export const ZHistoryPage = z.object({
  history: z
    .array(z.object({ messagesAdded: z.array(z.object({ message: ZMessageRef })).optional() }))
    .optional(),
  nextPageToken: z.string().optional(),
  historyId: ZHistoryId,
});

/** users.messages.list */
export const ZMessageListPage = z.object({
  messages: z.array(ZMessageRef).optional(),
  nextPageToken: z.string().optional(),
});

/** users.messages.get with format=raw: `raw` is the whole RFC 2822 message, base64url. */
export const ZRawMessage = z.object({
  id: z.string(),
  threadId: z.string(),
  historyId: ZHistoryId,
  labelIds: z.array(z.string()).optional(),
  raw: z.string(),
});

/** users.messages.send */
export const ZSentMessage = z.object({ id: z.string(), threadId: z.string() });

const NOT_INBOUND = new Set(['DRAFT', 'SENT', 'SPAM', 'TRASH']);

/** Drafts and sent mail are the mailbox's own; spam and trash are not for answering. */
export const isNotInbound = (labelIds: readonly string[] | undefined) =>
  labelIds?.some((label) => NOT_INBOUND.has(label)) ?? false;
