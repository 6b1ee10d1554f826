import type { AuthResult, EmailAuth } from './types.ts';

// Authentication-Results (RFC 8601) as the receiving server wrote it. Only the topmost header counts:
// servers prepend theirs, so any below it came with the message and may be forged by the sender.

type MethodResult = { method: string; result: string; props: Record<string, string> };

const NOT_CHECKED: EmailAuth = { dkim: 'none', spf: 'none', dmarc: 'none', verifiedSender: false };

/** The header without (comments), which may nest and may hold `;` and `=`. */
function stripComments(value: string): string {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\') {
      if (!depth) out += c + (value[i + 1] ?? '');
      i++;
    } else if (c === '"' && !depth) {
      quoted = !quoted;
      out += c;
    } else if (c === '(' && !quoted) depth++;
    else if (c === ')' && depth && !quoted) depth--;
    else if (!depth) out += c;
  }
  return out;
}

function parseHeader(value: string): { servId: string; results: MethodResult[] } {
  const [head, ...statements] = stripComments(value).split(';');
  const results: MethodResult[] = [];
  for (const statement of statements) {
    const [first, ...pairs] = statement
      .trim()
      .replace(/\s*=\s*/g, '=')
      .split(/\s+/);
    const match = /^([\w.-]+)=([\w-]+)$/.exec(first ?? '');
    if (!match) continue;
    const props: Record<string, string> = {};
    for (const pair of pairs) {
      const eq = pair.indexOf('=');
      if (eq > 0) props[pair.slice(0, eq).toLowerCase()] = pair.slice(eq + 1).replace(/^"|"$/g, '');
    }
    results.push({ method: match[1].toLowerCase(), result: match[2].toLowerCase(), props });
  }
  return { servId: head.trim().split(/\s+/)[0]?.toLowerCase() ?? '', results };
}

function summarize(results: MethodResult[], method: string): AuthResult {
  const own = results.filter((r) => r.method === method);
  if (own.some((r) => r.result === 'pass')) return 'pass';
  return own.some((r) => r.result !== 'none' && r.result !== 'neutral') ? 'fail' : 'none';
}

function domainOf(value: string | undefined): string | null {
  if (!value) return null;
  const domain = value
    .slice(value.lastIndexOf('@') + 1)
    .toLowerCase()
    .replace(/\.$/, '');
  return domain.includes('.') ? domain : null;
}

/**
 * Relaxed alignment without a public-suffix list: the same domain, or one a subdomain of the other
 * (mail.example.com and example.com align; example.com and example.org do not).
 */
export function aligned(domain: string | null, fromDomain: string): boolean {
  if (!domain) return false;
  return domain === fromDomain || fromDomain.endsWith(`.${domain}`) || domain.endsWith(`.${fromDomain}`);
}

/**
 * dkim/spf/dmarc from the topmost Authentication-Results header (`headers` in message order) and
 * whether they vouch for `fromAddress`. With `trustedServIds`, that header must be one of theirs.
 */
export function checkAuthResults(
  headers: string[],
  fromAddress: string | null,
  trustedServIds?: string[],
): EmailAuth {
  if (!headers.length) return NOT_CHECKED;
  const { servId, results } = parseHeader(headers[0]);
  if (trustedServIds && !trustedServIds.some((id) => id.toLowerCase() === servId)) return NOT_CHECKED;

  const dkim = summarize(results, 'dkim');
  const spf = summarize(results, 'spf');
  const dmarc = summarize(results, 'dmarc');
  const fromDomain = domainOf(fromAddress ?? undefined);
  const passes = (method: string) => results.filter((r) => r.method === method && r.result === 'pass');

  let verifiedSender = false;
  if (fromDomain && dmarc !== 'fail') {
    verifiedSender =
      passes('dmarc').some(
        (r) => !r.props['header.from'] || domainOf(r.props['header.from']) === fromDomain,
      ) ||
      passes('dkim').some(
        (r) =>
          aligned(domainOf(r.props['header.d']), fromDomain) ||
          aligned(domainOf(r.props['header.i']), fromDomain),
      ) ||
      passes('spf').some((r) => aligned(domainOf(r.props['smtp.mailfrom']), fromDomain));
  }
  return { dkim, spf, dmarc, verifiedSender };
}
