import type { TicketPriority, TicketReason, TicketStatus } from '../api/ticket-types.ts';
import type { MessageKey } from '../i18n/messages-en.ts';

export const TICKET_STATUS_KEYS = {
  new: 'ticket.status.new',
  open: 'ticket.status.open',
  waiting: 'ticket.status.waiting',
  resolved: 'ticket.status.resolved',
} as const satisfies Record<TicketStatus, MessageKey>;

export const TICKET_STATUS_COLORS: Record<TicketStatus, string> = {
  new: 'blue',
  open: 'orange',
  waiting: 'grape',
  resolved: 'teal',
};

export const PRIORITY_KEYS = {
  low: 'ticket.priority.low',
  medium: 'ticket.priority.medium',
  high: 'ticket.priority.high',
  urgent: 'ticket.priority.urgent',
} as const satisfies Record<TicketPriority, MessageKey>;

export const PRIORITY_COLORS: Record<TicketPriority, string> = {
  low: 'gray',
  medium: 'blue',
  high: 'orange',
  urgent: 'red',
};

/** Why the ticket exists, in words. */
export const REASON_KEYS = {
  customer_requested_human: 'ticket.reason.customerRequestedHuman',
  ai_unable_to_solve: 'ticket.reason.aiUnableToSolve',
  bad_rating: 'ticket.reason.badRating',
  fallback_mode: 'ticket.reason.fallbackMode',
  staff_created: 'ticket.reason.staffCreated',
} as const satisfies Record<TicketReason, MessageKey>;

export const SORT_KEYS = {
  updated: 'ticket.sort.updated',
  created: 'ticket.sort.created',
  priority: 'ticket.sort.priority',
} as const satisfies Record<string, MessageKey>;

/** Urgent and high tickets stand out in lists. */
export const isPressing = (priority: string) => priority === 'urgent' || priority === 'high';
