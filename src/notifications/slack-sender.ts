import { setTimeout as sleep } from 'node:timers/promises';
import { type PostResult, postWebhook } from './webhook-post.ts';
import type { WebhookPolicy } from './webhook-url.ts';

export type SlackSender = {
  /** Posts a message, at most one per `intervalMs` per webhook URL in this process, honouring 429s. */
  send(url: string, payload: unknown, signal?: AbortSignal): Promise<PostResult>;
};

type Options = {
  policy: WebhookPolicy;
  /** Slack allows about one message per second per webhook. */
  intervalMs?: number;
  /** Longer waits (a long Retry-After) fail the try instead; the job retries later. */
  maxWaitMs?: number;
  /** 429 answers waited out within one try before giving the try up. */
  maxRateLimitedRetries?: number;
};

/** A Slack webhook sender shared by every job and request in the process (one per app). */
export function createSlackSender({
  policy,
  intervalMs = 1000,
  maxWaitMs = 30_000,
  maxRateLimitedRetries = 3,
}: Options): SlackSender {
  // Per URL: the earliest time the next message may go.
  const nextAt = new Map<string, number>();
  // Per URL: the message in flight. The next one starts only after it answered, so a slow request
  // cannot arrive less than the interval before the one after it.
  const inFlight = new Map<string, Promise<void>>();
  const answeredAt = new Map<string, number>();

  const prune = (now: number) => {
    if (nextAt.size < 1000) return;
    for (const [url, at] of nextAt) if (at < now) nextAt.delete(url);
    for (const [url, at] of answeredAt) if (at + intervalMs < now) answeredAt.delete(url);
  };

  // Reserves the next slot for this URL and waits for it; refuses when the wait would be too long.
  const takeSlot = async (url: string, signal?: AbortSignal): Promise<PostResult | null> => {
    const now = Date.now();
    prune(now);
    const at = Math.max(now, nextAt.get(url) ?? 0);
    if (at - now > maxWaitMs) {
      return {
        ok: false,
        error: 'rate limited (waiting for Retry-After)',
        retryAfterSeconds: Math.ceil((at - now) / 1000),
      };
    }
    nextAt.set(url, at + intervalMs);
    if (at > now) await sleep(at - now, undefined, { signal });
    return null;
  };

  return {
    async send(url, payload, signal) {
      for (let tries = 0; ; tries++) {
        const refused = await takeSlot(url, signal);
        if (refused) return refused;
        const previous = inFlight.get(url);
        let done = () => {};
        const mine = new Promise<void>((resolve) => {
          done = resolve;
        });
        inFlight.set(url, mine);
        await previous;
        // The gap counts from the previous answer too: request latency must not squeeze two messages closer.
        const wait = (answeredAt.get(url) ?? 0) + intervalMs - Date.now();
        if (wait > 0) await sleep(wait, undefined, { signal });
        const result = await postWebhook(url, payload, policy, signal).finally(() => {
          answeredAt.set(url, Date.now());
          if (inFlight.get(url) === mine) inFlight.delete(url);
          done();
        });
        if (result.ok || !result.retryAfterSeconds) return result;
        // Nothing goes to this URL before Retry-After has passed, from this job or any other.
        const until = Date.now() + result.retryAfterSeconds * 1000;
        nextAt.set(url, Math.max(nextAt.get(url) ?? 0, until));
        if (tries >= maxRateLimitedRetries || result.retryAfterSeconds * 1000 > maxWaitMs) return result;
      }
    },
  };
}
