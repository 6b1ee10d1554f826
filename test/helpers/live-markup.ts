// What in a piece of HTML could run, load or navigate: the checks the XSS corpus tests apply to emails we
// send and to the sanitized inbound HTML the admin shows; and header fields a payload added to a mail. A real HTML tokenizer (htmlparser2, the one
// sanitize-html uses), so entity-encoded attribute values are judged as a browser would read them.
import { Parser } from 'htmlparser2';

export type HtmlElement = { tag: string; attrs: Record<string, string> };

/** The document's elements (in order) and its text as a reader sees it (entities decoded). */
export function parseHtml(html: string): { elements: HtmlElement[]; text: string; styleText: string } {
  const elements: HtmlElement[] = [];
  let text = '';
  let styleText = '';
  const open: string[] = [];
  const parser = new Parser(
    {
      onopentag(tag, attrs) {
        elements.push({ tag, attrs });
        open.push(tag);
      },
      onclosetag() {
        open.pop();
      },
      ontext(chunk) {
        if (open.includes('style')) styleText += chunk;
        else if (!open.includes('script') && !open.includes('title')) text += chunk;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { elements, text, styleText };
}

/** Elements that run script, embed documents, submit or re-point links wherever they appear. */
const ACTIVE_TAGS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'svg',
  'math',
  'link',
  'portal',
]);
const URL_ATTRS = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'background',
  'poster',
  'srcset',
  'lowsrc',
  'dynsrc',
]);
/** What a browser ignores inside a URL scheme: `java&#x09;script:` is `javascript:`. */
const scheme = (value: string) =>
  [...value]
    .filter((c) => c.charCodeAt(0) > 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .toLowerCase();
const isScriptUrl = (value: string) =>
  /^(javascript|vbscript|livescript):|^data:text\/html/.test(scheme(value));

/**
 * Everything live in `html`, as readable findings (empty when inert): active elements, event handler
 * attributes, script URLs, CSS that reaches for script, `srcdoc`, `meta refresh`, `base href`, and any
 * element carrying the corpus's own `data-xss` mark. `allowTags` lifts the tag rule for a known wrapper.
 */
export function liveMarkup(html: string, options: { allowTags?: string[] } = {}): string[] {
  const allowed = new Set(options.allowTags ?? []);
  const { elements, styleText } = parseHtml(html);
  const findings: string[] = [];
  for (const { tag, attrs } of elements) {
    const where = `<${tag}>`;
    if (ACTIVE_TAGS.has(tag) && !allowed.has(tag)) findings.push(`${where} element`);
    if (tag === 'meta' && /refresh/i.test(attrs['http-equiv'] ?? '')) findings.push(`${where} refresh`);
    if (tag === 'base' && 'href' in attrs) findings.push(`${where} href`);
    for (const [name, value] of Object.entries(attrs)) {
      if (name.startsWith('on')) findings.push(`${where} ${name}=`);
      if (name === 'data-xss') findings.push(`${where} from the corpus (data-xss)`);
      if (name === 'srcdoc') findings.push(`${where} srcdoc=`);
      if (URL_ATTRS.has(name) && isScriptUrl(value)) findings.push(`${where} ${name}=${value.slice(0, 40)}`);
      if (name === 'style' && /javascript:|expression\(|url\s*\(\s*['"]?\s*javascript/i.test(scheme(value)))
        findings.push(`${where} style= reaching for script`);
    }
  }
  if (/javascript:|expression\(/i.test(scheme(styleText))) findings.push('<style> reaching for script');
  return findings;
}

/** A raw message's header block, unfolded: one entry per header field. */
export function headerFields(raw: string): string[] {
  const head = raw.split(/\r?\n\r?\n/)[0];
  return head.split(/\r?\n(?![ \t])/).map((f) => f.replace(/\r?\n[ \t]+/g, ' '));
}

/** Header fields the corpus tries to add through a line break in a subject or a name. */
export const injectedHeaders = (raw: string) =>
  headerFields(raw).filter((f) => /^(bcc|x-injected)\s*:/i.test(f));

/** Whitespace runs as one space: how HTML shows text, and how the corpus is compared with it. */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
