import type { TICKET_STATUSES } from '../db/schema/index.ts';

export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** New → Open → Resolved; Waiting from New or Open; Waiting → Open; Resolved → Open (reopen). */
const MOVES: Record<TicketStatus, TicketStatus[]> = {
  new: ['open', 'waiting'],
  open: ['resolved', 'waiting'],
  waiting: ['open'],
  resolved: ['open'],
};

export const allowedMoves = (from: TicketStatus): TicketStatus[] => MOVES[from];
export const canMove = (from: TicketStatus, to: TicketStatus) => MOVES[from].includes(to);
