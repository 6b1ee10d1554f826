import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import ipaddr from 'ipaddr.js';
import { checkedLookup } from '../../http/checked-lookup.ts';
import { AppError } from '../../http/errors.ts';
import {
  isInternalHostname,
  isPublicAddress,
  type ResolveHost,
  systemResolveHost,
} from '../../notifications/webhook-url.ts';

/**
 * Where a shop's AI base URL (Settings → AI) may point. A shop's staff choose it, so by default it is held to
 * the webhook rules (SSRF): https, no credentials, no internal names, public addresses only. A self-hoster
 * running a local model (Ollama on 127.0.0.1, vLLM on the LAN) turns on `allowPrivate` for the whole server
 * (`SUPPORTIFY_AI_ALLOW_PRIVATE_URLS=1`), never per shop.
 */
export type AiEndpointPolicy = {
  /** Also private, loopback and internal hosts, over http or https (operator setting). */
  allowPrivate: boolean;
  resolveHost: ResolveHost;
};

export const DEFAULT_AI_ENDPOINTS: AiEndpointPolicy = { allowPrivate: false, resolveHost: systemResolveHost };

const PRIVATE_HINT = 'set SUPPORTIFY_AI_ALLOW_PRIVATE_URLS=1 on the server for a model on your own network';

const refused = (why: string) =>
  new AppError(400, 'ai_base_url_not_allowed', `AI base URL not allowed: ${why}`);

const bareHost = (url: URL) =>
  url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();

/** Checks a URL without resolving it; throws 400 `ai_base_url_not_allowed`. */
export function checkAiUrlShape(raw: string, policy: AiEndpointPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refused('not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refused('it must use http or https');
  if (url.username || url.password) throw refused('it must not contain credentials');
  if (policy.allowPrivate) return url;
  if (url.protocol !== 'https:') throw refused(`it must use https (${PRIVATE_HINT})`);
  const host = bareHost(url);
  if (ipaddr.isValid(host)) {
    if (!isPublicAddress(host)) throw refused(`it points to a private or reserved address (${PRIVATE_HINT})`);
  } else if (isInternalHostname(host)) {
    throw refused(`it names an internal host (${PRIVATE_HINT})`);
  }
  return url;
}

/** Every address of a host, refused unless each is public (or the operator allows private ones). */
async function resolveAllowed(hostname: string, policy: AiEndpointPolicy): Promise<string[]> {
  let addresses: string[];
  try {
    addresses = await policy.resolveHost(hostname);
  } catch {
    throw refused('its host does not resolve');
  }
  if (addresses.length === 0) throw refused('its host does not resolve');
  if (!policy.allowPrivate && !addresses.every(isPublicAddress)) {
    throw refused(`its host resolves to a private or reserved address (${PRIVATE_HINT})`);
  }
  return addresses;
}

/** The check when a shop saves a base URL: shape, then DNS (skipped when private hosts are allowed). */
export async function checkAiBaseUrl(raw: string, policy: AiEndpointPolicy): Promise<string> {
  const text = raw.trim();
  const url = checkAiUrlShape(text, policy);
  const host = bareHost(url);
  if (!policy.allowPrivate && !ipaddr.isValid(host)) await resolveAllowed(host, policy);
  return text;
}

const NULL_BODY_STATUS = new Set([101, 103, 204, 205, 304]);

/**
 * A `fetch` for the AI SDK providers when the shop chose the endpoint: every request URL is checked, the host
 * is resolved and checked at connect time (DNS rebinding), and redirects are never followed (a 3xx is what
 * the SDK gets back, an API error). A refusal is a plain Error, which the SDK does not retry; network errors
 * are `TypeError('fetch failed')` as with the global fetch, which it does.
 */
export function guardedAiFetch(policy: AiEndpointPolicy): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = checkAiUrlShape(request.url, policy);
    const body =
      request.method === 'GET' || request.method === 'HEAD'
        ? undefined
        : Buffer.from(await request.arrayBuffer());
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      headers[name] = value;
    });
    // Node's http client does not decompress; ask for none.
    headers['accept-encoding'] = 'identity';
    if (body) headers['content-length'] = String(body.length);
    const { signal } = request;
    signal.throwIfAborted();
    return new Promise<Response>((resolve, reject) => {
      const send = url.protocol === 'https:' ? https.request : http.request;
      const req = send(
        url,
        {
          method: request.method,
          headers,
          lookup: checkedLookup((host) => resolveAllowed(host, policy)),
          agent: false,
          signal,
        },
        (res) => {
          try {
            const status = res.statusCode ?? 0;
            const responseHeaders = new Headers();
            for (const [name, value] of Object.entries(res.headers)) {
              for (const one of [value ?? []].flat()) responseHeaders.append(name, one);
            }
            const empty = NULL_BODY_STATUS.has(status) || request.method === 'HEAD';
            if (empty) res.resume();
            resolve(
              new Response(empty ? null : (Readable.toWeb(res) as unknown as ReadableStream<Uint8Array>), {
                status,
                statusText: res.statusMessage,
                headers: responseHeaders,
              }),
            );
          } catch (err) {
            res.destroy();
            reject(new TypeError('fetch failed', { cause: err }));
          }
        },
      );
      req.on('error', (err: Error) => {
        if (signal.aborted) return reject(signal.reason);
        if (err instanceof AppError) return reject(err);
        reject(new TypeError('fetch failed', { cause: err }));
      });
      req.end(body);
    });
  };
}
