import PostalMime from 'postal-mime';

// postal-mime decodes a text part by its declared charset and falls back to UTF-8 when there is none,
// so an 8-bit Latin-1 or Windows-1252 body without a charset comes out as U+FFFD. It reads raw 8-bit
// header lines as UTF-8 too. This file adds the missing fallback: valid UTF-8 stays UTF-8, anything
// else is read as Windows-1252 (a superset of ISO-8859-1 for printable text, as browsers do).

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const FALLBACK_CHARSET = 'windows-1252';

function isUtf8(bytes: Uint8Array | ArrayBuffer): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function isKnownCharset(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** The charset an HTML body declares in a `<meta>` tag near its start, if the platform can decode it. */
function metaCharset(content: ArrayBuffer): string | null {
  const head = new TextDecoder('latin1').decode(content.slice(0, 4096));
  const match = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return match && isKnownCharset(match[1]) ? match[1] : null;
}

/** The charset to read a text part with when it declares none. */
export function guessCharset(content: ArrayBuffer, contentType: string): string | null {
  if (contentType === 'text/html') {
    const declared = metaCharset(content);
    if (declared) return declared;
  }
  return isUtf8(content) ? null : FALLBACK_CHARSET;
}

/**
 * The top-level header block re-encoded as UTF-8 when it holds raw 8-bit bytes that are not UTF-8
 * (RFC 6532 allows UTF-8 there; older clients write Latin-1). The body is left untouched.
 */
export function fixHeaderCharset(raw: Uint8Array): Uint8Array {
  let end = -1;
  for (let i = 0; i < raw.length - 1; i++) {
    if (raw[i] !== 0x0a) continue;
    if (raw[i + 1] === 0x0a || (raw[i + 1] === 0x0d && raw[i + 2] === 0x0a)) {
      end = i + 1;
      break;
    }
  }
  const head = end < 0 ? raw : raw.subarray(0, end);
  if (isUtf8(head)) return raw;
  const fixedHead = new TextEncoder().encode(new TextDecoder(FALLBACK_CHARSET).decode(head));
  return end < 0 ? fixedHead : Buffer.concat([fixedHead, raw.subarray(end)]);
}

// postal-mime internals (not in its typings), pinned by the exact version in package.json and
// covered by the charset tests: collectNode visits every part before its text is decoded.
type MimePart = {
  contentType: { parsed: { value: string; params: Record<string, string> }; multipart: string | false };
  content: ArrayBuffer | null;
};
type ParserInternals = { collectNode(this: PostalMime, node: MimePart, ...rest: unknown[]): Promise<void> };

const baseCollectNode = (PostalMime.prototype as unknown as ParserInternals).collectNode;

/** postal-mime with the charset fallback for text parts that declare no charset. */
export class CharsetFallbackParser extends PostalMime {
  collectNode(node: MimePart, ...rest: unknown[]): Promise<void> {
    const { parsed, multipart } = node.contentType;
    if (!multipart && node.content && !parsed.params.charset && parsed.value.startsWith('text/')) {
      const charset = guessCharset(node.content, parsed.value);
      if (charset) parsed.params.charset = charset;
    }
    return baseCollectNode.call(this, node, ...rest);
  }
}
