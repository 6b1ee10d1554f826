import type { JobPolicy } from './types.ts';

/** How long an outbound delivery (Slack, mail) keeps trying before it becomes a dead letter. */
export const DELIVERY_RETRY_HOURS = 24;
/** The longest wait between two tries: after a far end comes back, a delivery is at most this late. */
const MAX_DELAY_SECONDS = 600;

/**
 * Retries whose shortest possible schedule (pg-boss's backoff doubles from `firstDelay` with up to 100 %
 * jitter on top, capped at MAX_DELAY_SECONDS) spans at least DELIVERY_RETRY_HOURS.
 */
export function retriesSpanning(hours: number, firstDelay: number, maxDelay = MAX_DELAY_SECONDS): number {
  let total = 0;
  let retries = 0;
  while (total < hours * 3600) {
    // pg-boss: delay = retryDelay · 2^(n−1) · (1 + random), n = min(16, retry number).
    total += Math.min(maxDelay, firstDelay * 2 ** (Math.min(16, retries + 1) - 1));
    retries++;
  }
  return retries;
}

/**
 * Outbound deliveries outlast a long outage of the far end (a Slack incident, a mail server down
 * overnight): waits grow from `firstDelay` to 10 min, and tries go on for a day before a dead letter.
 * Each job is keyed once, so however long the outage, one notification is delivered once.
 */
export function deliveryPolicy(firstDelay: number): JobPolicy {
  return {
    retryLimit: retriesSpanning(DELIVERY_RETRY_HOURS, firstDelay),
    retryDelay: firstDelay,
    retryDelayMax: MAX_DELAY_SECONDS,
    expireInSeconds: 180,
    concurrency: 2,
  };
}
