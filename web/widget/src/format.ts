/** A price in minor units (cents) as the visitor's locale writes it, e.g. "$89.00" or "89,00 €". */
export function formatMoney(cents: number, currency: string): string {
  const amount = Number(cents) / 100;
  try {
    return new Intl.NumberFormat(navigator.language || 'en-US', { style: 'currency', currency }).format(
      amount,
    );
  } catch {
    // An unknown currency code: still show the amount.
    return `${amount.toFixed(2)} ${String(currency ?? '')}`.trim();
  }
}

/**
 * The URL if it is safe to link to: http(s) only, or a path on the storefront itself ("/products/…").
 * `javascript:`, `data:` and protocol-relative `//host` links are refused.
 */
export function safeUrl(url: unknown): string | null {
  if (typeof url !== 'string' || !url) return null;
  if (url.startsWith('/')) return /^\/[/\\]/.test(url) ? null : url;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A Shopify status such as "partially_fulfilled" as a reader would write it: "Partially fulfilled". */
export function humanizeStatus(status: unknown, fallback: string): string {
  if (typeof status !== 'string' || !status.trim()) return fallback;
  const words = status.trim().replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type TextRun = { text: string; start: number; href?: string };

/** Text split into plain runs and http(s) links (a URL's trailing punctuation stays text). */
export function splitLinks(text: string): TextRun[] {
  const parts: TextRun[] = [];
  const pattern = /https?:\/\/[^\s<>"']+/g;
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    const start = match.index ?? 0;
    if (start > at) parts.push({ text: text.slice(at, start), start: at });
    const href = safeUrl(url);
    parts.push(href ? { text: url, start, href } : { text: url, start });
    at = start + url.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), start: at });
  return parts;
}
