/** Background jobs (pg-boss on the app's database): what the rest of the app may ask of them. */
export type Jobs = {
  /** Queues a job; resolves once it is stored (so a crash after this loses nothing). */
  send(name: string, data: Record<string, unknown>, options?: { singletonKey?: string }): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
};

/** Job names, one place. */
export const JOB = {
  /** Email a staff reply on a ticket to the customer: `{ shopId, ticketMessageId }`. */
  ticketReplyEmail: 'ticket-reply-email',
  /** Tell the shop's Slack webhook about a ticket: `{ shopId, ticketNumber, kind }`. */
  notifySlack: 'notify-slack',
  /** Email the shop's notification recipients about a ticket: `{ shopId, ticketNumber, kind }`. */
  notifyEmail: 'notify-email',
} as const;
