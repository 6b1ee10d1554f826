// Plain text from HTML that went through sanitizeEmailHtml: its output is well-formed (attribute values
// and text escaped), so a tag regex reads it exactly. Quoted blocks come out as "> " lines, the way a
// text/plain part quotes, so stripQuotedReply treats both bodies alike.

const TOKEN = /<(\/?)([a-z0-9]+)[^>]*>|[^<]+/gi;
const BLOCK = new Set('div ul ol table thead tbody tfoot tr caption center pre hr'.split(' '));
const PARAGRAPH = new Set('p h1 h2 h3 h4 h5 h6 blockquote'.split(' '));
const ENTITY = /&(amp|lt|gt|quot|#39|#(\d+)|#x([0-9a-f]+));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, name: string, dec?: string, hex?: string) => {
    const code = dec ? Number(dec) : hex ? Number.parseInt(hex, 16) : null;
    if (code === null) return NAMED[name.toLowerCase()] ?? whole;
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

export function htmlToText(html: string): string {
  const lines: string[] = [];
  let line = '';
  let lineDepth = 0;
  let depth = 0;
  let pre = 0;

  const breakLine = (force = false) => {
    if (line || force) lines.push(line ? `${'> '.repeat(lineDepth)}${line}`.trimEnd() : '>'.repeat(depth));
    line = '';
  };
  const blankLine = () => {
    breakLine();
    if (lines.length && lines[lines.length - 1] !== '') lines.push('');
  };
  const write = (text: string) => {
    if (!line) lineDepth = depth;
    line += text;
  };

  for (const [token, closing, rawName] of html.matchAll(TOKEN)) {
    if (!rawName) {
      const text = decodeEntities(token);
      if (pre) {
        const [first, ...rest] = text.split(/\r?\n/);
        write(first);
        for (const next of rest) {
          breakLine(true);
          write(next);
        }
      } else {
        const collapsed = text.replace(/[ \t\r\n\f]+/g, ' ');
        write(line ? collapsed : collapsed.trimStart());
      }
      continue;
    }
    const name = rawName.toLowerCase();
    if (name === 'br') breakLine(true);
    else if (name === 'li') {
      breakLine();
      if (!closing) write('- ');
    } else if (name === 'td' || name === 'th') {
      if (closing) write(' ');
    } else if (name === 'blockquote') {
      blankLine();
      depth += closing ? -1 : 1;
      depth = Math.max(depth, 0);
    } else if (PARAGRAPH.has(name)) blankLine();
    else if (BLOCK.has(name)) {
      breakLine();
      if (name === 'pre') pre = Math.max(pre + (closing ? -1 : 1), 0);
    }
  }
  breakLine();
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
