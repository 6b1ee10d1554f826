import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlToText, parseEmail, sanitizeEmailHtml } from '../src/channels/email/parse/index.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/email/${name}`, import.meta.url));

// Anything that could run script, submit, frame or fetch something other than an inline image.
function expectInert(html: string) {
  expect(html).not.toMatch(
    /<\s*(script|style|iframe|object|embed|form|input|button|textarea|select|svg|math)\b/i,
  );
  expect(html).not.toMatch(/<\s*(meta|link|base|title|head|body)\b/i);
  expect(html).not.toMatch(/\son\w+\s*=/i);
  expect(html).not.toMatch(/javascript:|vbscript:|data:text|expression\(|url\(/i);
  expect(html).not.toMatch(/\s(srcdoc|formaction|action|background|srcset)\s*=/i);
  expect(html).not.toMatch(/<script/i);
}

describe('sanitized HTML of a hostile message', async () => {
  const mail = await parseEmail(fixture('hostile-html.eml'));
  const html = mail.html ?? '';

  it('keeps the content and none of the payloads', () => {
    expectInert(html);
    expect(html).toContain('<p>Hi, where is my order?</p>');
    expect(html).not.toMatch(/alert|steal|secret|Phish|tracker\.example\/(css|bg|table)/);
    expect(mail.text).toBe('Hi, where is my order?');
  });

  it('links: only http(s) and mailto, opened in a new tab without referrer', () => {
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['https://demo-store.example/orders/1010', 'mailto:help@demo-store.example']);
    for (const a of html.match(/<a\b[^>]*>/g) ?? []) {
      expect(a).toContain('rel="noopener noreferrer nofollow"');
      expect(a).toContain('target="_blank"');
    }
    expect(html).toContain('>Track 1</a>');
  });

  it('images: cid: and data:image/png kept, remote ones blocked, the rest dropped', () => {
    const images = html.match(/<img\b[^>]*>/g) ?? [];
    expect(images).toEqual([
      '<img width="1" height="1" alt="" data-blocked-src="https://tracker.example/open.gif?u=42&amp;c=7" />',
      '<img alt="" data-blocked-src="https://tracker.example/protocol-relative.gif" />',
      '<img alt="Logo" src="cid:logo@demo-store.example" />',
      '<img alt="dot" src="data:image/png;base64,iVBORw0KGgo=" />',
    ]);
    expect(mail.hasRemoteImages).toBe(true);
  });

  it('styles: a small safe subset survives', () => {
    expect(html).toContain('<p style="color:red">Red</p>');
    expect(html).toContain('<div>Styled</div>');
  });
});

describe('sanitizeEmailHtml', () => {
  it('strips each payload on its own', () => {
    const payloads = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:alert(1)">x</a>',
      '<a href="&#106;avascript:alert(1)">x</a>',
      '<a href="java&#x09;script:alert(1)">x</a>',
      '<form action="https://evil.example"><input name=p><button>Go</button></form>',
      '<iframe src="https://evil.example"></iframe>',
      '<svg onload=alert(1)><circle r=1 /></svg>',
      '<div style="background:url(javascript:alert(1))">x</div>',
      '<div style="width:expression(alert(1))">x</div>',
      '<body onload=alert(1)>x</body>',
      '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
      '<a href="data:text/html,<script>alert(1)</script>">x</a>',
      '<meta http-equiv="refresh" content="0;url=https://evil.example">',
      '<base href="https://evil.example/"><link rel=stylesheet href="https://evil.example/x.css">',
      '<object data="x.swf"></object><embed src="x.swf">',
      '<!--[if mso]><script>alert(1)</script><![endif]-->',
      '<scr<script>ipt>alert(1)</scr</script>ipt>',
      '<<script>script>alert(1)<</script>/script>',
      '<textarea><img src=x onerror=alert(1)></textarea>',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    ];
    for (const payload of payloads) {
      const { html } = sanitizeEmailHtml(payload);
      expectInert(html);
      expect(html, payload).not.toMatch(/<img[^>]*onerror|<[a-z]+[^>]*\son\w+=/i);
    }
  });

  it('blocks remote images unless allowed, and sanitizing again is stable', () => {
    const source =
      '<p>Hi</p><img src="https://cdn.example/pic.png" alt="pic"><img src="http://t.example/o.gif">';
    const blocked = sanitizeEmailHtml(source);
    expect(blocked).toEqual({
      html:
        '<p>Hi</p><img alt="pic" data-blocked-src="https://cdn.example/pic.png" />' +
        '<img data-blocked-src="http://t.example/o.gif" />',
      hasRemoteImages: true,
    });
    expect(sanitizeEmailHtml(blocked.html)).toEqual(blocked);

    const allowed = sanitizeEmailHtml(source, { allowRemoteImages: true });
    expect(allowed).toEqual({
      html: '<p>Hi</p><img alt="pic" src="https://cdn.example/pic.png" /><img src="http://t.example/o.gif" />',
      hasRemoteImages: false,
    });
    expect(sanitizeEmailHtml(allowed.html, { allowRemoteImages: true })).toEqual(allowed);
    // Stored (blocked) HTML can be shown with its images later.
    expect(sanitizeEmailHtml(blocked.html, { allowRemoteImages: true })).toEqual(allowed);
  });

  it('relative, fragment and protocol-relative links lose their href', () => {
    const { html } = sanitizeEmailHtml(
      '<a href="/settings">a</a><a href="#top">b</a><a href="//evil.example">c</a>',
    );
    expect(html).not.toContain('href');
  });

  it('a data-blocked-src that is not http(s) is dropped', () => {
    expect(sanitizeEmailHtml('<img data-blocked-src="javascript:alert(1)" alt="x">')).toEqual({
      html: '',
      hasRemoteImages: false,
    });
  });

  it('keeps formatting and escapes text; is stable on its own output', () => {
    const source =
      '<h2>Order</h2><p><b>Bold</b> <i>it</i> <u>u</u> &amp; 1 &lt; 2</p><ul><li>one</li></ul>' +
      '<table><tr><td colspan="2" onclick="x()">cell</td></tr></table><blockquote>q</blockquote><pre>a  b</pre>';
    const { html } = sanitizeEmailHtml(source);
    expect(html).toBe(
      '<h2>Order</h2><p><b>Bold</b> <i>it</i> <u>u</u> &amp; 1 &lt; 2</p><ul><li>one</li></ul>' +
        '<table><tr><td colspan="2">cell</td></tr></table><blockquote>q</blockquote><pre>a  b</pre>',
    );
    expect(sanitizeEmailHtml(html).html).toBe(html);
  });

  it('never throws on garbage', () => {
    const garbage = ['', '<', '<<<>>>', '<a href=', '<img src="', '\u0000\uFFFF<p', '<div>'.repeat(5000)];
    for (const input of garbage) expect(() => sanitizeEmailHtml(input)).not.toThrow();
    expect(sanitizeEmailHtml(undefined as unknown as string)).toEqual({ html: '', hasRemoteImages: false });
  });
});

describe('htmlToText', () => {
  it('turns block structure into lines and blockquotes into "> " lines', () => {
    const { html } = sanitizeEmailHtml(
      '<div>Hi&nbsp;there,</div><div><br></div><p>Line one<br>line two &amp; more</p>' +
        '<ul><li>first</li><li>second</li></ul><blockquote><p>quoted</p><blockquote>deeper</blockquote></blockquote>' +
        '<pre>keep\n  spacing</pre>',
    );
    expect(htmlToText(html)).toBe(
      'Hi\u00a0there,\n\nLine one\nline two & more\n\n- first\n- second\n\n> quoted\n\n> > deeper\n\nkeep\n  spacing',
    );
  });

  it('the Gmail HTML part strips to the same text as its plain part', async () => {
    const mail = await parseEmail(fixture('gmail-reply.eml'));
    const { stripQuotedReply } = await import('../src/channels/email/parse/index.ts');
    expect(stripQuotedReply(htmlToText(mail.html ?? ''))).toBe(mail.text);
  });
});
