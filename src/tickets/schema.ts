import { z } from 'zod';
import { ZMessage } from '../conversations/schema.ts';
import { CHANNEL_TYPES, TICKET_PRIORITIES, TICKET_REASONS, TICKET_STATUSES } from '../db/schema/index.ts';
import { BULK_MAX_ITEMS, ZBulkFailure } from '../http/bulk-results.ts';

const ZCustomer = z.object({ name: z.string().nullable(), email: z.string().nullable() });
const ZBody = z.string().trim().min(1).max(10_000);

export const TICKET_SORTS = ['updated', 'created', 'priority'] as const;

/** The list's filters (a saved view stores these). */
export const ZTicketFilterQuery = z.object({
  status: z.enum(TICKET_STATUSES).optional(),
  priority: z.enum(TICKET_PRIORITIES).optional(),
  category: z.string().trim().max(40).optional(),
  q: z.string().trim().max(200).optional(),
});

export const ZListTicketsQuery = ZTicketFilterQuery.extend({
  sort: z.enum(TICKET_SORTS).default('updated'),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(500).optional(),
}).strict();

export const ZTicketListItem = z.object({
  number: z.number().int(),
  customer: ZCustomer,
  status: z.enum(TICKET_STATUSES),
  priority: z.enum(TICKET_PRIORITIES),
  category: z.string(),
  reason: z.enum(TICKET_REASONS),
  conversationId: z.guid().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const ZTicketList = z.object({
  items: z.array(ZTicketListItem),
  nextCursor: z.string().nullable(),
  counts: z.object({
    all: z.number().int(),
    new: z.number().int(),
    open: z.number().int(),
    waiting: z.number().int(),
    resolved: z.number().int(),
  }),
});

const ZAuthor = z.object({ name: z.string() });
export const ZReplyItem = z.object({
  kind: z.literal('reply'),
  id: z.guid(),
  body: z.string(),
  author: ZAuthor,
  createdAt: z.string(),
  delivery: z.object({
    chat: z.literal('delivered').nullable(),
    email: z
      .object({
        to: z.string(),
        status: z.enum(['pending', 'delivered', 'failed']),
        attempts: z.number().int(),
        error: z.string().nullable(),
      })
      .nullable(),
  }),
});
export const ZNoteItem = z.object({
  kind: z.literal('note'),
  id: z.guid(),
  body: z.string(),
  author: ZAuthor,
  createdAt: z.string(),
});

export const ZTicketDetail = ZTicketListItem.extend({
  conversation: z.object({ id: z.guid(), channel: z.enum(CHANNEL_TYPES), status: z.string() }).nullable(),
  /** When retention or a redaction deleted the original conversation (null while it exists). */
  conversationExpiredAt: z.string().nullable(),
  allowedStatuses: z.array(z.enum(TICKET_STATUSES)),
  thread: z.array(z.union([ZMessage.extend({ kind: z.literal('message') }), ZReplyItem, ZNoteItem])),
  history: z.array(
    z.object({
      id: z.number().int(),
      field: z.string(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      actor: z.object({ type: z.enum(['ai', 'staff', 'system']), name: z.string() }),
      detail: z.record(z.string(), z.unknown()).nullable(),
      at: z.string(),
    }),
  ),
});

// Any string: a number that is not a number is simply not found (404), like another shop's ticket.
export const ZNumberParams = z.object({ number: z.string().max(20) });
export const ZReplyParams = ZNumberParams.extend({ id: z.string().max(100) });
export const ZBodyInput = z.object({ body: ZBody }).strict();

export const ZPatchTicket = z
  .object({
    status: z.enum(TICKET_STATUSES).optional(),
    priority: z.enum(TICKET_PRIORITIES).optional(),
    category: z.string().trim().min(1).max(40).optional(),
  })
  .strict()
  .refine((v) => v.status || v.priority || v.category, { message: 'Send status, priority or category' });

export const ZCreateTicket = z
  .object({
    conversationId: z.string().max(100),
    category: z.string().trim().min(1).max(40).default('Other'),
    priority: z.enum(TICKET_PRIORITIES).default('medium'),
    summary: z.string().trim().min(1).max(2000).default('Opened by staff'),
  })
  .strict();

export const ZCategories = z.object({ categories: z.array(z.string()) });
export const ZAddCategory = z.object({ name: z.string().max(200) }).strict();

/** `POST /api/tickets/bulk`: one change (`set`) or a delete for many tickets; each succeeds or fails alone. */
export const ZBulkTickets = z
  .object({
    numbers: z.array(z.number().int().min(1).max(999_999_999)).min(1).max(BULK_MAX_ITEMS),
    set: ZPatchTicket.optional(),
    delete: z.literal(true).optional(),
  })
  .strict()
  .refine((v) => (v.set === undefined) !== (v.delete === undefined), {
    message: 'Send either set or delete: true',
  });
export type TBulkTickets = z.infer<typeof ZBulkTickets>;

export const ZBulkTicketsResult = z.object({
  results: z.array(
    z.union([
      z.object({ number: z.number().int(), ok: z.literal(true), changed: z.boolean() }),
      ZBulkFailure.extend({ number: z.number().int() }),
    ]),
  ),
});
