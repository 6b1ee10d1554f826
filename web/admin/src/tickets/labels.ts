import type { TicketPriority, TicketReason, TicketStatus } from '../api/ticket-types.ts';

export const TICKET_STATUS_LABELS: Record<TicketStatus, string> = {
  new: 'New',
  open: 'Open',
  waiting: 'Waiting',
  resolved: 'Resolved',
};

export const TICKET_STATUS_COLORS: Record<TicketStatus, string> = {
  new: 'blue',
  open: 'orange',
  waiting: 'grape',
  resolved: 'teal',
};

export const PRIORITY_LABELS: Record<TicketPriority, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  urgent: 'Urgent',
};

export const PRIORITY_COLORS: Record<TicketPriority, string> = {
  low: 'gray',
  medium: 'blue',
  high: 'orange',
  urgent: 'red',
};

/** Why the ticket exists, in words. */
export const REASON_LABELS: Record<TicketReason, string> = {
  customer_requested_human: 'Customer asked for a human',
  ai_unable_to_solve: 'AI could not solve it',
  bad_rating: 'Bad rating',
  fallback_mode: 'Fallback mode (AI reply limit reached)',
  staff_created: 'Created by staff',
};

export const SORT_LABELS = { updated: 'Last updated', created: 'Newest', priority: 'Priority' } as const;

/** Urgent and high tickets stand out in lists. */
export const isPressing = (priority: string) => priority === 'urgent' || priority === 'high';
