import { setTimeout as delay } from 'node:timers/promises';

/** Waits the given milliseconds; injectable so tests do not really wait. */
export type Sleep = (ms: number) => Promise<void>;

/** Runs one GraphQL operation and resolves with its `data`. */
export type GraphqlRequest = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/** What went wrong talking to Shopify, for callers that react differently (reconnect vs try later). */
export type ShopifyErrorCode =
  | 'unauthorized'
  | 'http_error'
  | 'graphql_error'
  | 'bad_response'
  | 'retries_exhausted';

/** A failed Shopify Admin API call. Messages never contain the access token. */
export class ShopifyApiError extends Error {
  readonly code: ShopifyErrorCode;
  readonly status: number | null;
  constructor(code: ShopifyErrorCode, message: string, status: number | null = null) {
    super(message);
    this.name = 'ShopifyApiError';
    this.code = code;
    this.status = status;
  }
}

export type GraphqlClientOptions = {
  endpoint: string;
  accessToken: string;
  /** Names the shop in error messages. */
  shopDomain: string;
  fetch?: typeof fetch;
  sleep?: Sleep;
  /** Retries after the first attempt for 429, THROTTLED, 5xx and network errors. */
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
};

type ThrottleStatus = { maximumAvailable?: number; currentlyAvailable?: number; restoreRate?: number };
type QueryCost = { requestedQueryCost?: number; throttleStatus?: ThrottleStatus };
type GraphqlError = { message?: string; extensions?: { code?: string; cost?: QueryCost } };
type GraphqlBody = { data?: unknown; errors?: GraphqlError[]; extensions?: { cost?: QueryCost } };

type Attempt = { ok: true; data: unknown } | { ok: false; delayMs: number | null; reason: string };

const retryLater = (reason: string, delayMs: number | null = null): Attempt => ({
  ok: false,
  delayMs,
  reason,
});

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date), or null. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Milliseconds until the leaky bucket holds enough points for the throttled query, or null if unknown. */
export function throttleDelayMs(cost: QueryCost | undefined): number | null {
  const status = cost?.throttleStatus;
  const rate = status?.restoreRate;
  if (!status || !rate || rate <= 0 || typeof status.currentlyAvailable !== 'number') return null;
  const needed = (cost.requestedQueryCost ?? 0) - status.currentlyAvailable;
  // At least one point's worth: Shopify said no, so the bucket is short even if the numbers look even.
  return Math.ceil((Math.max(needed, 1) / rate) * 1000);
}

const snippet = (text: string) => text.replace(/\s+/g, ' ').slice(0, 200);

/** A Shopify Admin GraphQL client over fetch that backs off on rate limits and transient failures. */
export function createGraphqlClient(options: GraphqlClientOptions): GraphqlRequest {
  const fetchFn = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const maxRetries = options.maxRetries ?? 5;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const shop = options.shopDomain;

  async function attempt(body: string): Promise<Attempt> {
    let res: Response;
    try {
      res = await fetchFn(options.endpoint, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'X-Shopify-Access-Token': options.accessToken,
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      return retryLater(`network error: ${(err as Error).message}`);
    }
    if (res.status === 401 || res.status === 403) {
      await res.body?.cancel();
      throw new ShopifyApiError(
        'unauthorized',
        `Shopify refused the access token for ${shop} (HTTP ${res.status}): reconnect the store or grant the missing scopes`,
        res.status,
      );
    }
    if (res.status === 429 || res.status >= 500) {
      await res.body?.cancel();
      return retryLater(`HTTP ${res.status}`, retryAfterMs(res.headers.get('retry-after')));
    }
    const text = await res.text();
    if (!res.ok) {
      throw new ShopifyApiError(
        'http_error',
        `Shopify answered HTTP ${res.status} for ${shop}: ${snippet(text)}`,
        res.status,
      );
    }
    let parsed: GraphqlBody;
    try {
      parsed = JSON.parse(text) as GraphqlBody;
    } catch {
      throw new ShopifyApiError(
        'bad_response',
        `Shopify sent a response that is not JSON for ${shop}`,
        res.status,
      );
    }
    const errors = Array.isArray(parsed.errors) ? parsed.errors : [];
    const throttled = errors.find((e) => e?.extensions?.code === 'THROTTLED');
    if (throttled) {
      return retryLater('THROTTLED', throttleDelayMs(parsed.extensions?.cost ?? throttled.extensions?.cost));
    }
    if (errors.length > 0) {
      const messages = errors.map((e) => e?.message ?? 'unknown error').join('; ');
      throw new ShopifyApiError(
        'graphql_error',
        `Shopify GraphQL error for ${shop}: ${snippet(messages)}`,
        res.status,
      );
    }
    if (parsed.data === undefined || parsed.data === null) {
      throw new ShopifyApiError('bad_response', `Shopify sent no data for ${shop}`, res.status);
    }
    return { ok: true, data: parsed.data };
  }

  return async function request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const body = JSON.stringify({ query, variables });
    for (let retry = 0; ; retry++) {
      const result = await attempt(body);
      if (result.ok) return result.data as T;
      if (retry >= maxRetries) {
        throw new ShopifyApiError(
          'retries_exhausted',
          `Shopify API for ${shop} still failing after ${retry + 1} attempts (last: ${result.reason})`,
        );
      }
      const backoff = baseDelayMs * 2 ** retry;
      await sleep(Math.min(maxDelayMs, result.delayMs ?? backoff));
    }
  };
}
