/** Background jobs (pg-boss on the app's database): what the rest of the app may ask of them. */
export type Jobs = {
  /**
   * Queues a job; resolves once it is stored (so a crash after this loses nothing). With a `singletonKey`,
   * a second send with the same name and key while one such job is still queued is dropped, and jobs of
   * one key never run at the same time. With a `onceKey`, a send is dropped when a job of that name and
   * key was ever stored (kept a week after it completes): for things that must happen once.
   */
  send(
    name: string,
    data: Record<string, unknown>,
    options?: { singletonKey?: string; onceKey?: string; startAfterSeconds?: number },
  ): Promise<void>;
  /** Runs a job on a cron expression (UTC) when this process runs the cron; call before `start`. */
  schedule(name: string, cron: string): void;
  /** Registers the handler (and retry policy) for a job name; call before `start`. */
  work(name: string, handler: JobHandler, policy?: JobPolicy): void;
  /** Opens the queue and, unless processing is off, starts the registered workers. */
  start(): Promise<void>;
  /** Stops polling, lets running handlers finish (bounded), releases the connection. */
  stop(): Promise<void>;
};

/** What a handler learns about the attempt it is running. */
export type JobContext = {
  /** 1 for the first try. */
  attempt: number;
  /** True when a failure now is the last one: the job is dead-lettered after it. */
  final: boolean;
  /** Aborted when the process shuts down while the handler runs. */
  signal: AbortSignal;
};

export type JobHandler = (data: Record<string, unknown>, context: JobContext) => Promise<void>;

/** Retries with exponential backoff, then the dead-letter queue `<name>-dead`. */
export type JobPolicy = {
  /** Retries after the first try (so `retryLimit + 1` tries in all). */
  retryLimit?: number;
  /** Seconds before the first retry; doubles (with jitter) on each further one. */
  retryDelay?: number;
  /** Upper bound on the delay between tries, in seconds. */
  retryDelayMax?: number;
  /** A try running longer than this is failed (and retried). */
  expireInSeconds?: number;
  /** Handlers of this name running at once in this process. */
  concurrency?: number;
};

/** Job names, one place. */
export const JOB = {
  /** Email a staff reply on a ticket to the customer: `{ shopId, ticketMessageId }`. */
  ticketReplyEmail: 'ticket-reply-email',
  /** Tell the shop's Slack webhook about a ticket: `{ shopId, ticketNumber, kind }`. */
  notifySlack: 'notify-slack',
  /** Email one of the shop's notification recipients about a ticket: `{ shopId, ticketNumber, kind, to }`. */
  notifyEmail: 'notify-email',
  /** Send a queued email answer (AI reply, sent draft) in its thread: `{ shopId, emailMessageId }`. */
  emailSend: 'email-send',
  /** Fetch a Gmail mailbox's new mail after a push: `{ channelId }`. */
  gmailSync: 'gmail-sync',
  /** Fetch one Outlook message a Graph notification named: `{ channelId, messageId }`. */
  outlookFetch: 'outlook-fetch',
  /** Delete expired conversations and drop expired message partitions (daily cron): `{}`. */
  retentionPurge: 'retention-purge',
  /** Process a stored Shopify webhook (uninstall, compliance topics): `{ webhookRowId }`. */
  shopifyWebhook: 'shopify-webhook',
} as const;
