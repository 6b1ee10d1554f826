import type { Customer, MessagePart, MessageRole } from './types.ts';

export const TICKET_STATUSES = ['new', 'open', 'waiting', 'resolved'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKET_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const TICKET_SORTS = ['updated', 'created', 'priority'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export type TicketReason =
  | 'customer_requested_human'
  | 'ai_unable_to_solve'
  | 'bad_rating'
  | 'fallback_mode'
  | 'staff_created';

export type TicketListItem = {
  number: number;
  customer: Customer;
  status: TicketStatus;
  priority: TicketPriority;
  category: string;
  reason: TicketReason;
  conversationId: string | null;
  createdAt: string;
  updatedAt: string;
};

/** Tickets per status; they honour every filter but the status itself. */
export type TicketCounts = { all: number } & Record<TicketStatus, number>;

export type TicketList = { items: TicketListItem[]; nextCursor: string | null; counts: TicketCounts };

export type TicketFilters = {
  status?: TicketStatus;
  priority?: TicketPriority;
  category?: string;
  q?: string;
  sort?: TicketSort;
};

export type EmailDelivery = {
  to: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  error: string | null;
};

export type ThreadMessage = {
  kind: 'message';
  id: string;
  role: MessageRole;
  parts: MessagePart[];
  createdAt: string;
};
export type ThreadReply = {
  kind: 'reply';
  id: string;
  body: string;
  author: { name: string };
  createdAt: string;
  delivery: { chat: 'delivered' | null; email: EmailDelivery | null };
};
export type ThreadNote = {
  kind: 'note';
  id: string;
  body: string;
  author: { name: string };
  createdAt: string;
};
export type ThreadItem = ThreadMessage | ThreadReply | ThreadNote;

export type HistoryField =
  | 'created'
  | 'trigger'
  | 'status'
  | 'priority'
  | 'category'
  | 'reply'
  | 'note'
  | 'deleted';

export type TicketHistoryEntry = {
  id: string | number;
  field: HistoryField;
  from: string | null;
  to: string | null;
  actor: { type: 'ai' | 'staff' | 'system'; name: string };
  at: string;
};

export type TicketDetail = {
  number: number;
  status: TicketStatus;
  priority: TicketPriority;
  category: string;
  reason: TicketReason;
  customer: Customer;
  /** Null once the original conversation expired (deleted after 90 days). */
  conversationId: string | null;
  conversation: { id: string; channel: string; status: string } | null;
  conversationExpiredAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** The statuses this ticket may move to from its current one. */
  allowedStatuses: TicketStatus[];
  thread: ThreadItem[];
  history: TicketHistoryEntry[];
};

export type TicketUpdate = { status?: TicketStatus; priority?: TicketPriority; category?: string };

export type NewTicket = {
  conversationId: string;
  category: string;
  priority: TicketPriority;
  summary: string;
};
/** `created: false` when the conversation already had an open ticket (that one's number). */
export type CreatedTicket = { number: number; created?: boolean };
