import dns from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { AppError } from '../http/errors.ts';

/** Resolves a hostname to every address it has (tests substitute their own). */
export type ResolveHost = (hostname: string) => Promise<string[]>;

export type WebhookPolicy = {
  /** Test-only: also allow `http://127.0.0.1:<port>/…` (a local Slack-like server). Never from env. */
  allowLoopback: boolean;
  resolveHost: ResolveHost;
};

export const systemResolveHost: ResolveHost = async (hostname) =>
  (await dns.lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

// Names that only mean something inside a network: loopback names, mDNS, cloud metadata, intranets.
const INTERNAL_NAME =
  /(^|\.)(localhost|local|localdomain|internal|intranet|lan|home\.arpa|in-addr\.arpa|ip6\.arpa)$/;

/** A name that only means something inside a network: a single label, localhost, *.internal, mDNS… */
export function isInternalHostname(host: string): boolean {
  return !host.includes('.') || INTERNAL_NAME.test(host);
}

export const notAllowed = (why: string) =>
  new AppError(400, 'webhook_url_not_allowed', `Webhook URL not allowed: ${why}`);

/** True only for ordinary public unicast addresses (IPv4-mapped IPv6 is judged as its IPv4). */
export function isPublicAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return false;
  let addr = ipaddr.parse(ip);
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) {
    addr = (addr as ipaddr.IPv6).toIPv4Address();
  }
  return addr.range() === 'unicast';
}

/** The test-only exception: plain http to 127.0.0.1 with an explicit port. */
function isTestLoopback(url: URL, policy: WebhookPolicy): boolean {
  return policy.allowLoopback && url.protocol === 'http:' && url.hostname === '127.0.0.1' && url.port !== '';
}

/**
 * Checks a webhook URL without resolving it: https, no credentials, not an internal name, and an IP
 * literal must be public. Throws `webhook_url_not_allowed`.
 */
export function checkWebhookUrlShape(raw: string, policy: WebhookPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw notAllowed('not a URL');
  }
  if (isTestLoopback(url, policy)) return url;
  if (url.protocol !== 'https:') throw notAllowed('it must use https');
  if (url.username || url.password) throw notAllowed('it must not contain credentials');
  const host = url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  if (ipaddr.isValid(host)) {
    if (!isPublicAddress(host)) throw notAllowed('it points to a private or reserved address');
    return url;
  }
  // A single-label name resolves through local search domains: an intranet host, never a public service.
  if (isInternalHostname(host)) throw notAllowed('it names an internal host');
  return url;
}

/** The addresses a hostname resolves to, refused unless every one is public. */
export async function resolvePublic(hostname: string, policy: WebhookPolicy): Promise<string[]> {
  let addresses: string[];
  try {
    addresses = await policy.resolveHost(hostname);
  } catch {
    throw notAllowed('its host does not resolve');
  }
  if (addresses.length === 0) throw notAllowed('its host does not resolve');
  if (!addresses.every(isPublicAddress))
    throw notAllowed('its host resolves to a private or reserved address');
  return addresses;
}

/** Full check at save time: shape, then DNS. Returns the normalised URL string. */
export async function checkWebhookUrl(raw: string, policy: WebhookPolicy): Promise<string> {
  const url = checkWebhookUrlShape(raw.trim(), policy);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!isTestLoopback(url, policy) && !ipaddr.isValid(host)) await resolvePublic(host, policy);
  return url.toString();
}

/** How the API shows a stored webhook URL: enough to recognise it, never enough to use it. */
export function maskWebhookUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '…';
  }
  const segments = url.pathname.split('/').filter(Boolean);
  const tail = raw.length > 24 ? raw.slice(-4) : '';
  if (segments.length < 2) return `${url.origin}/…${tail}`;
  // A word-like first segment ("services", "hooks") is route, not secret.
  const first = /^[a-z-]{1,16}$/i.test(segments[0]) ? segments[0] : '…';
  return `${url.origin}/${first}/${segments[1].slice(0, 1)}…/…${tail}`;
}
