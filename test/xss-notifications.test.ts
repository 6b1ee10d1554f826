// The XSS corpus (test/fixtures/xss-corpus.ts) through everything Supportify sends out about a customer:
// the staff ticket notification (Slack Block Kit and email) and the staff reply emailed to the customer.
// Slack: every customer value escaped per mrkdwn (`&`, `<`, `>`), so no broadcast, mention or disguised
// link can fire, and mrkdwn objects are verbatim (no automatic linking or mention parsing). Email: the
// HTML part holds only the template's own markup, the payload shows as text, and no header gains a line.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations } from '../src/db/schema/index.ts';
import { ticketEmail } from '../src/notifications/email-message.ts';
import { notifyTicket } from '../src/notifications/notify.ts';
import { slackTicketMessage } from '../src/notifications/slack-message.ts';
import { PREVIEW_CHARS, type TicketSummary, truncate } from '../src/notifications/ticket-summary.ts';
import { saveSettingsSection } from '../src/settings/shop-settings.ts';
import { collapsed, packed, STORABLE, XSS_CORPUS, type XssPayload } from './fixtures/xss-corpus.ts';
import { login, newShop } from './helpers/factories.ts';
import { type FakeSlack, startFakeSlack } from './helpers/fake-slack.ts';
import type { FakeSmtp, ReceivedMail } from './helpers/fake-smtp.ts';
import { injectedHeaders, liveMarkup, parseHtml, squash } from './helpers/live-markup.ts';
import {
  createNotificationsAppWithSmtp,
  type NotificationsApp,
  newTicket,
  until,
} from './helpers/notifications-app.ts';

const LINK = 'https://support.shop.example/tickets/7';

// --- Slack ---------------------------------------------------------------------------------------------

type TextObject = { type: string; text: string; verbatim?: boolean };

/** Every Block Kit text object in a payload, wherever it sits. */
function textObjects(node: unknown): TextObject[] {
  if (Array.isArray(node)) return node.flatMap(textObjects);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const own =
    (o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string' ? [o as TextObject] : [];
  return [...own, ...Object.values(o).flatMap(textObjects)];
}

/**
 * Where mrkdwn text could still be read as control syntax: any `<` (links, `<!channel>`, `<@U…>`), an `&`
 * that is not one of the three escapes, a `>` other than a line's quote marker.
 */
function mrkdwnControls(text: string): string[] {
  const found: string[] = [];
  if (text.includes('<')) found.push(`raw "<" in ${JSON.stringify(text.slice(0, 80))}`);
  if (/&(?!amp;|lt;|gt;)/.test(text)) found.push(`raw "&" in ${JSON.stringify(text.slice(0, 80))}`);
  for (const line of text.split('\n')) {
    if (line.replace(/^>/, '').includes('>')) found.push(`raw ">" in ${JSON.stringify(line.slice(0, 80))}`);
  }
  return found;
}

const unescapeMrkdwn = (text: string) =>
  text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

/** Everything that would make a Slack payload unsafe, as readable findings (empty when safe). */
function slackFindings(body: Record<string, unknown>): string[] {
  const found: string[] = [];
  // Slack links names and parses mentions in top-level text only when asked to.
  if ('link_names' in body || 'parse' in body) found.push('link_names/parse set');
  found.push(...mrkdwnControls(String(body.text ?? '')));
  for (const o of textObjects(body.blocks)) {
    if (o.type !== 'mrkdwn') continue;
    found.push(...mrkdwnControls(o.text));
    if (o.verbatim !== true) found.push(`mrkdwn without verbatim: ${JSON.stringify(o.text.slice(0, 60))}`);
  }
  return found;
}

/** A field of the section block, as the reader sees it (entities decoded), without its bold label. */
function slackField(body: Record<string, unknown>, label: string): string {
  const field = textObjects(body.blocks).find((o) => o.text.startsWith(`*${label}*\n`));
  if (!field) throw new Error(`no ${label} field in ${JSON.stringify(body)}`);
  return unescapeMrkdwn(field.text.slice(label.length + 3));
}

const slackQuote = (body: Record<string, unknown>) =>
  unescapeMrkdwn(
    textObjects(body.blocks)
      .find((o) => o.type === 'mrkdwn' && o.text.startsWith('>'))
      ?.text.slice(1) ?? '',
  );

// --- Email ---------------------------------------------------------------------------------------------

/** The staff notification template's own markup: nothing else may appear in its HTML. */
const NOTICE_TAGS = ['html', 'body', 'h2', 'table', 'tr', 'th', 'td', 'blockquote', 'p', 'a'];
const NOTICE_ATTRS = ['style', 'cellpadding', 'align', 'href'];

function htmlFindings(html: string, tags: string[], attrs: string[], hrefs: string[]): string[] {
  const found = liveMarkup(html);
  const { elements } = parseHtml(html);
  for (const e of elements) {
    if (!tags.includes(e.tag)) found.push(`unexpected <${e.tag}>`);
    for (const name of Object.keys(e.attrs)) {
      if (!attrs.includes(name)) found.push(`unexpected ${name}= on <${e.tag}>`);
    }
    if (e.attrs.href !== undefined && !hrefs.includes(e.attrs.href)) found.push(`href=${e.attrs.href}`);
  }
  return found;
}

function summaryOf(p: XssPayload): TicketSummary {
  return {
    number: 7,
    category: collapsed(p.text).slice(0, 40),
    priority: 'high',
    reason: 'customer_requested_human',
    customerName: p.text,
    customerEmail: 'ada@example.com',
    preview: truncate(p.text, PREVIEW_CHARS),
  };
}

describe('the checks themselves', () => {
  it('liveMarkup finds every markup payload parsed as HTML, and nothing in the text-only ones', () => {
    // htmlparser2 has no scripting flag: inside <noscript> it sees an attribute, where a browser sees <img>.
    const missed = XSS_CORPUS.filter((p) => p.markup && p.id !== 'noscript-mxss')
      .filter((p) => liveMarkup(p.text).length === 0)
      .map((p) => p.id);
    expect(missed).toEqual([]);
    // liveMarkup refuses MathML and SVG elements as such, also where a browser would run nothing.
    const flagged = XSS_CORPUS.filter((p) => !p.markup && p.id !== 'math-mxss')
      .filter((p) => liveMarkup(p.text).length > 0)
      .map((p) => p.id);
    expect(flagged).toEqual([]);
  });

  it('the Slack check finds raw mrkdwn controls in unescaped text', () => {
    for (const id of ['slack-broadcast', 'slack-link', 'slack-mentions', 'slack-date', 'script']) {
      expect(mrkdwnControls(XSS_CORPUS.find((p) => p.id === id)!.text), id).not.toEqual([]);
    }
  });
});

describe('XSS corpus in notifications (each payload through the message builders)', () => {
  it.each(XSS_CORPUS.map((p) => [p.id, p] as const))(
    'Slack message with %s as customer name, message and category',
    (_id, p) => {
      const summary = summaryOf(p);
      const body = slackTicketMessage(summary, LINK, 'created') as unknown as Record<string, unknown>;
      expect(slackFindings(body)).toEqual([]);
      // Shown as text: the customer field is the name on one line (a name cannot add fields or quotes).
      const customer = slackField(body, 'Customer');
      expect(customer).not.toMatch(/\n/);
      expect(customer.startsWith(squash(p.text).slice(0, 250))).toBe(true);
      expect(slackField(body, 'Category')).toBe(summary.category);
      expect(slackQuote(body)).toBe(summary.preview);
      // The one link is the ticket's own button.
      const blocks = body.blocks as Array<{ type: string; elements?: Array<{ url?: string }> }>;
      expect(blocks.flatMap((b) => b.elements ?? []).map((e) => e.url)).toEqual([LINK]);
    },
  );

  it.each(XSS_CORPUS.map((p) => [p.id, p] as const))(
    'staff email with %s as customer name, message and category',
    (_id, p) => {
      const summary = summaryOf(p);
      const mail = ticketEmail(summary, LINK, 'created');
      expect(htmlFindings(mail.html, NOTICE_TAGS, NOTICE_ATTRS, [LINK])).toEqual([]);
      // The payload is in the HTML as text: decoded, it reads as the customer wrote it.
      const shown = squash(parseHtml(mail.html).text);
      expect(shown).toContain(squash(p.text));
      expect(shown).toContain(squash(summary.preview));
      expect(mail.subject).not.toMatch(/[\r\n]/);
      // The text part: the name stays on its line (it cannot add an "Open the ticket:" line of its own).
      expect(mail.text.split('\n').filter((l) => l.startsWith('Customer: '))).toEqual([
        `Customer: ${squash(p.text)} <ada@example.com>`,
      ]);
      expect(mail.text.split('\n').filter((l) => l.startsWith('Open the ticket:'))).toEqual([
        `Open the ticket: ${LINK}`,
      ]);
    },
  );
});

describe('XSS corpus in notifications (sent by the jobs)', () => {
  let t: NotificationsApp & { smtp: FakeSmtp };
  let slack: FakeSlack;
  beforeAll(async () => {
    [t, slack] = await Promise.all([createNotificationsAppWithSmtp(), startFakeSlack()]);
  });
  afterAll(async () => {
    await t?.close();
    await slack?.close();
  });

  it('new-ticket Slack messages and emails carry the whole corpus inert', async () => {
    // Names as the widget takes them (≤ 200), messages as the preview shows them (≤ 200): one ticket per
    // group, each in its own shop with its own webhook (Slack is paced per webhook, 1 message/s).
    const names = packed(200);
    const texts = packed(PREVIEW_CHARS);
    const count = Math.max(names.length, texts.length);
    const sent = await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const shop = await newShop(t.db);
        const secret = `T000/B00${i}/corpus${i}`;
        await saveSettingsSection(t.db, shop.shop.id, 'notifications', {
          slackWebhookUrl: slack.url(secret),
          emailRecipients: [`staff${i}@shop.test`],
          notifyOn: { newTicket: true, urgent: true },
        });
        const name = names[i % names.length];
        const text = texts[i % texts.length];
        const { number } = await newTicket(t.db, shop.shop.id, { name, text, category: 'Shipping' });
        await notifyTicket(
          { db: t.db, jobs: t.jobs },
          { shopId: shop.shop.id, ticketNumber: number, kind: 'created' },
        );
        return { path: `/services/${secret}`, to: `staff${i}@shop.test`, name, text };
      }),
    );
    await until(
      () => slack.requests.length >= count && t.smtp.mails.length >= count,
      `${count} Slack messages and ${count} emails`,
    );

    for (const s of sent) {
      const request = slack.requests.find((r) => r.path === s.path);
      expect(request, s.path).toBeDefined();
      const body = request!.body;
      expect(slackFindings(body)).toEqual([]);
      expect(slackField(body, 'Customer')).toBe(`${collapsed(s.name)} (${'ada@example.com'})`);
      expect(slackQuote(body)).toBe(truncate(s.text, PREVIEW_CHARS));

      const mail = t.smtp.mails.find((m) => m.envelopeTo.includes(s.to)) as ReceivedMail;
      expect(mail, s.to).toBeDefined();
      const link = parseHtml(mail.html ?? '').elements.find((e) => e.tag === 'a')?.attrs.href ?? '';
      expect(link).toMatch(/^http:\/\/127\.0\.0\.1:3000\/tickets\/\d+$/);
      expect(htmlFindings(mail.html ?? '', NOTICE_TAGS, NOTICE_ATTRS, [link])).toEqual([]);
      const shown = squash(parseHtml(mail.html ?? '').text);
      expect(shown).toContain(collapsed(s.name));
      expect(shown).toContain(squash(truncate(s.text, PREVIEW_CHARS)));
      expect(injectedHeaders(mail.raw)).toEqual([]);
      expect(mail.envelopeTo).toEqual([s.to]);
    }
  });

  it('the staff reply emailed to the customer: the corpus as text, the subject on one line', async () => {
    const shop = await newShop(t.db);
    const cookie = await login(t.app, shop.email);
    const { number, conversationId } = await newTicket(t.db, shop.shop.id, {
      name: '<img data-xss src=x onerror=__xss=1>',
      email: 'customer@example.com',
    });
    // The conversation's subject (an email's, as received) leads the reply's subject.
    const subject = XSS_CORPUS.find((p) => p.id === 'header-injection')!.text;
    await t.db
      .update(conversations)
      .set({ subject: `${subject} <script>__xss=1</script>` })
      .where(eq(conversations.id, conversationId));

    const body = STORABLE.map((p) => p.text).join('\n\n');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/tickets/${number}/replies`,
      headers: { cookie },
      payload: { body },
    });
    expect(res.statusCode, res.body).toBe(201);

    const mail = await until(
      () => t.smtp.mails.find((m) => m.envelopeTo.includes('customer@example.com')),
      'the reply email',
    );
    expect(mail.envelopeTo).toEqual(['customer@example.com']);
    expect(injectedHeaders(mail.raw)).toEqual([]);
    expect(mail.subject).toBe(
      `Re: Hello Bcc: victim@evil.example X-Injected: 1 <script>__xss=1</script> [Ticket #${number}]`,
    );
    expect(mail.bcc ?? []).toEqual([]);
    // HTML: one styled div, the reply inside it as text.
    const html = mail.html ?? '';
    expect(htmlFindings(html, ['div'], ['style'], [])).toEqual([]);
    expect(squash(parseHtml(html).text)).toBe(squash(body));
    expect(squash(mail.text ?? '')).toBe(squash(body));

    // NUL cannot be stored: refused as bad input, never a server error.
    const nul = XSS_CORPUS.find((p) => p.id === 'nul-byte')!.text;
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/tickets/${number}/replies`,
      headers: { cookie },
      payload: { body: nul },
    });
    expect(refused.statusCode).toBe(400);
  });
});
