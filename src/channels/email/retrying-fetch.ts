import { setTimeout as delay } from 'node:timers/promises';
import { retryAfterMs, type Sleep } from '../../commerce/shopify-graphql.ts';

export type { Sleep };

/** Backoff and transport settings shared by the Gmail and Graph clients; tests shrink the delays. */
export type RetryOptions = {
  fetch?: typeof fetch;
  sleep?: Sleep;
  /** Retries after the first attempt (default 4). */
  maxRetries?: number;
  /** First backoff without Retry-After, doubled each retry (default 1 s). */
  baseDelayMs?: number;
  /** Longest wait; a Retry-After asking for more ends the retries at once (default 30 s). */
  maxDelayMs?: number;
  /** Bound on one attempt (default 30 s). */
  timeoutMs?: number;
};

/** A fully read answer, so a caller can decide on the body and map errors. */
export type ApiResponse = { status: number; headers: Headers; body: Buffer };

export type ApiCall = {
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
};

export type RetryingFetchOptions = RetryOptions & {
  getAccessToken: () => Promise<string>;
  /** Whether an answer is transient (rate limit, unavailable) and worth another try. */
  isRetryable: (res: ApiResponse) => boolean;
  /** The provider's error for a request that never got an answer; the message never holds the token. */
  networkError: (message: string) => Error;
};

/** The wait an answer asks for (Retry-After), else null. */
export const retryAfterOf = (res: ApiResponse) => retryAfterMs(res.headers.get('retry-after'));

/**
 * Sends API calls with a fresh bearer token per attempt, retrying transient answers and network errors
 * with exponential backoff or the server's Retry-After (bounded). Resolves with the last answer, whatever
 * its status; only a call that never got an answer rejects.
 */
export function createRetryingFetch(options: RetryingFetchOptions) {
  const fetchFn = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const maxRetries = options.maxRetries ?? 4;
  const baseDelayMs = options.baseDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 30_000;

  async function attempt(call: ApiCall): Promise<ApiResponse | Error> {
    const token = await options.getAccessToken();
    try {
      const res = await fetchFn(call.url, {
        method: call.method,
        headers: { ...call.headers, Authorization: `Bearer ${token}` },
        body: call.body,
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
    } catch (err) {
      return options.networkError(`network error: ${(err as Error).message}`);
    }
  }

  return async function send(call: ApiCall): Promise<ApiResponse> {
    for (let retry = 0; ; retry++) {
      const result = await attempt(call);
      const transient = result instanceof Error || options.isRetryable(result);
      if (!transient) return result;
      const asked = result instanceof Error ? null : retryAfterOf(result);
      // Out of tries, or told to wait longer than we would: the caller's error says so (and for how long).
      if (retry >= maxRetries || (asked !== null && asked > maxDelayMs)) {
        if (result instanceof Error) throw result;
        return result;
      }
      await sleep(asked ?? Math.min(maxDelayMs, baseDelayMs * 2 ** retry));
    }
  };
}
