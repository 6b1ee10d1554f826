import http from 'node:http';
import https from 'node:https';
import { checkedLookup } from '../http/checked-lookup.ts';
import { checkWebhookUrlShape, resolvePublic, type WebhookPolicy } from './webhook-url.ts';

export type PostResult =
  | { ok: true }
  | { ok: false; error: string; status?: number; retryAfterSeconds?: number };

const TIMEOUT_MS = 10_000;

/** Seconds from a Retry-After header (seconds or an HTTP date), kept within 1 s … 1 h. */
export function retryAfterSeconds(header: string | undefined): number {
  const value = header?.trim() ?? '';
  let seconds = /^\d+$/.test(value) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  if (!Number.isFinite(seconds)) seconds = 1;
  return Math.min(3600, Math.max(1, Math.ceil(seconds)));
}

/**
 * POSTs JSON to a webhook: no redirects followed (a 3xx is a failure), a 10 s bound, and every address
 * checked. Errors never carry the URL (it is a secret).
 */
export function postWebhook(rawUrl: string, body: unknown, policy: WebhookPolicy, signal?: AbortSignal) {
  return new Promise<PostResult>((resolve) => {
    let url: URL;
    try {
      url = checkWebhookUrlShape(rawUrl, policy);
    } catch {
      return resolve({ ok: false, error: 'webhook URL not allowed' });
    }
    const payload = JSON.stringify(body);
    const request = url.protocol === 'https:' ? https.request : http.request;
    const req = request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
        lookup: checkedLookup((host) => resolvePublic(host, policy)),
        timeout: TIMEOUT_MS,
        agent: false,
        signal,
      },
      (res) => {
        res.resume();
        res.on('error', () => {});
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) return resolve({ ok: true });
        if (status === 429) {
          const wait = retryAfterSeconds(res.headers['retry-after']);
          return resolve({ ok: false, status, retryAfterSeconds: wait, error: 'rate limited (HTTP 429)' });
        }
        if (status >= 300 && status < 400)
          return resolve({ ok: false, status, error: `redirect refused (HTTP ${status})` });
        resolve({ ok: false, status, error: `HTTP ${status}` });
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', (err: NodeJS.ErrnoException) => {
      // The guarded lookup's refusal carries code webhook_url_not_allowed.
      resolve({ ok: false, error: `network error (${err.code ?? 'ERROR'})` });
    });
    req.end(payload);
  });
}
