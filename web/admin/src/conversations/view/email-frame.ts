// The srcdoc for an email's HTML in a sandboxed iframe. The HTML was sanitized by the server; the
// frame is a second wall: `sandbox=""` (no scripts, no same origin, no forms, no popups, no navigation
// of the admin) and a CSP of its own that loads nothing but inline data images and inline styles.

export const EMAIL_FRAME_CSP = "default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'";

const FRAME_STYLE = [
  'html{color-scheme:light}',
  'body{margin:0;padding:12px;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;',
  'color:#212529;background:#fff;overflow-wrap:anywhere}',
  'body>:first-child{margin-top:0}body>:last-child{margin-bottom:0}',
  'img{max-width:100%;height:auto}',
  'img[data-blocked-src]{display:inline-block;min-width:16px;min-height:16px;outline:1px dashed #adb5bd}',
  'table{max-width:100%}',
  'blockquote{margin:0 0 0 8px;padding-left:8px;border-left:2px solid #ced4da;color:#495057}',
  'pre{white-space:pre-wrap}',
].join('');

/**
 * `cid:` images point at the mail's own parts, which the admin does not serve: they would only be
 * refused (and reported) by the page's CSP. They keep their alt text instead. DOMParser documents are
 * inert: nothing in them loads or runs.
 */
function withoutCidImages(html: string): string {
  if (!/\bsrc\s*=\s*["']?\s*cid:/i.test(html) || typeof DOMParser === 'undefined') return html;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const img of doc.querySelectorAll('img[src]')) {
    const src = img.getAttribute('src') ?? '';
    if (/^\s*cid:/i.test(src)) {
      img.removeAttribute('src');
      img.setAttribute('data-cid', src.trim().slice(4));
    }
  }
  return doc.body.innerHTML;
}

/** A complete document for `<iframe sandbox="" srcdoc=…>`. */
export function emailSrcDoc(html: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${EMAIL_FRAME_CSP}">` +
    '<meta name="referrer" content="no-referrer">' +
    // Links would navigate the frame itself; a new window is refused by the sandbox instead.
    '<base target="_blank">' +
    `<style>${FRAME_STYLE}</style></head><body>${withoutCidImages(html)}</body></html>`
  );
}

/** A first guess at the frame's height (its content cannot be measured from outside the sandbox). */
export function estimateFrameHeight(html: string): number {
  const blocks = html.match(/<(p|div|br|tr|li|h[1-6]|blockquote|hr)\b/gi)?.length ?? 0;
  const text = html.replace(/<[^>]*>/g, '').length;
  return Math.round(Math.min(560, Math.max(100, 32 + blocks * 30 + (text / 80) * 21)));
}
