// The XSS corpus (test/fixtures/xss-corpus.ts) through every text input a customer, an email or a staff
// member can fill, against the real server in a real browser: widget name and messages (typed in the
// widget), names and messages from the widget API, inbound emails (subject, From name, text and HTML
// bodies), an email channel's name, ticket categories, a hand-made ticket's summary, a staff reply and an
// internal note (typed in the ticket page), an edited email draft, saved view names. Then every page that
// shows that text — storefront widget, conversation list and views, conversation detail with tool calls,
// the email frame and draft editor, ticket list, views and detail, Settings → Channels — must show it as
// text: no dialog, no `__xss` marker, no CSP violation, no element or attribute made from a payload, and
// the emails the product sent (outbox .eml files) hold the corpus as escaped text.
import nodemailer from 'nodemailer';
import type { Frame, Page } from 'playwright-core';
import PostalMime from 'postal-mime';
import { beforeAll, describe, expect, it } from 'vitest';
import { collapsed, fitting, packed, STORABLE, XSS_CORPUS } from '../test/fixtures/xss-corpus.ts';
import { injectedHeaders, liveMarkup, parseHtml, squash } from '../test/helpers/live-markup.ts';
import { openSignedIn, saveScreenshot, until, waitForList } from './helpers/admin.ts';
import { type AdminSuite, CREDS, setUpAdminSuite } from './helpers/admin-suite.ts';
import { apiGet, apiSend, getWidgetKey, startWidgetConversation } from './helpers/api.ts';
import { deliverEmail, readOutbox } from './helpers/email.ts';
import type { RunningServer } from './helpers/server.ts';
import { waitForTickets } from './helpers/tickets.ts';
import { fetchWidgetHistory, storedWidgetSession } from './helpers/widget.ts';
import { SHOP_NAME, widgetUi } from './helpers/widget-e2e-setup.ts';

const TEST_TIMEOUT = 60_000;
// biome-ignore lint/suspicious/noExplicitAny: API bodies are checked by the assertions themselves.
type Json = Record<string, any>;

/** The category staff add by hand in the ticket page. */
const TYPED_CATEGORY = 'attr-only';
/** A second email channel of the demo shop, named by the corpus, in Draft mode. */
const INBOX = 'xss-inbox@nordic-threads.example';
const VISITOR_EMAIL = 'visitor.xss@customer.example';
const HUMAN = 'I want to talk to a human please.';

// How the corpus is cut for each input's limit.
/** Customer names (widget: ≤ 200), one conversation (and ticket) each. */
const NAMES = packed(200);
/** Their messages: the AI opens a ticket whose summary is the message (≤ 300 characters). */
const NAME_TEXTS = packed(300 - HUMAN.length - 1).map((t) => `${HUMAN} ${t}`);
/** A policy question the AI searches the store's policies for, words and payloads alike (a tool call). */
const corpus = (id: string) => XSS_CORPUS.find((p) => p.id === id)!.text;
const POLICY_QUESTION = `What is your return policy? ${corpus('script')} ${corpus('img-onerror')}`;
/** What the visitor types in the widget, one message each (composer: ≤ 2,000), the long payload alone. */
const WIDGET_TEXTS = [POLICY_QUESTION, ...packed(1500, '\n'), corpus('long')];
/** Inbound emails: each a subject, a From name, a text body and an HTML body. */
const EMAIL_BODIES = packed(1800, '\n');
/** Every subject tries to add header fields (the answer's subject is made from it). */
const SUBJECTS = packed(200).map((s) => `${corpus('header-injection')} ${s}`);
/** The whole corpus in one staff text (≤ 10,000). */
const ALL = STORABLE.map((p) => p.text).join('\n\n');

let server: RunningServer;
let page: Page;
let cookie = '';
let widgetKey = '';
/** Conversations started through the widget API, by customer name. */
const named: Array<{ name: string; conversationId: string }> = [];
const emailConversations: string[] = [];
let categories: string[] = [];
let viewNames: string[] = [];
let channelName = '';
let visitorConversationId = '';
let handMadeTicket = 0;

/**
 * Everything in the live DOM (every open shadow root included) that a payload would have made: event
 * handler attributes, `data-xss` marks, script URLs, scripts or frames of its own. Runs in the page.
 */
function scanDom(): string[] {
  const found: string[] = [];
  const roots: Array<Document | ShadowRoot> = [document];
  for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  // A browser ignores control characters and spaces inside a scheme: `java\tscript:` is `javascript:`.
  const scriptUrl = (v: string) =>
    /^(javascript|vbscript):|^data:text\/html/i.test(
      v
        .split('')
        .filter((c) => c.charCodeAt(0) > 0x20)
        .join(''),
    );
  for (const root of roots) {
    for (const el of root.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      for (const name of el.getAttributeNames()) {
        const value = el.getAttribute(name) ?? '';
        if (name.startsWith('on')) found.push(`<${tag}> ${name}=${value.slice(0, 40)}`);
        if (name === 'data-xss') found.push(`<${tag}> data-xss`);
        if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href'].includes(name) && scriptUrl(value))
          found.push(`<${tag}> ${name}=${value.slice(0, 40)}`);
        if (name === 'srcdoc' && el.getAttribute('data-testid') !== 'email-html')
          found.push(`<${tag}> srcdoc`);
      }
      if (tag === 'script' && /__xss|alert\(/.test(el.textContent ?? '')) found.push('<script> of a payload');
      if (tag === 'script' && /^\s*(data|javascript):/i.test(el.getAttribute('src') ?? ''))
        found.push(`<script> src=${el.getAttribute('src')}`);
      if (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') ?? ''))
        found.push('<meta refresh>');
    }
  }
  const marker = (window as unknown as { __xss?: unknown }).__xss;
  if (marker !== undefined) found.push(`window.__xss = ${String(marker)}`);
  return found;
}

/** The page and every frame in it (the sandboxed email frame too) hold nothing a payload made. */
async function expectInert(where: string) {
  const frames = page.frames();
  const findings = await Promise.all(
    frames.map((frame: Frame) => frame.evaluate(scanDom).catch((e: unknown) => [`${frame.url()}: ${e}`])),
  );
  expect(findings.flat(), where).toEqual([]);
  expect(suite.dialogs, where).toEqual([]);
  expect(suite.cspViolations, where).toEqual([]);
  expect(suite.pageErrors, where).toEqual([]);
}

/** The text of every element matching `selector`, as one string. */
const shownText = (selector: string) =>
  page.locator(selector).evaluateAll((els) => els.map((e) => e.textContent ?? '').join(' '));

/** Every payload in `sent` appears (squashed) in `shown`: none was dropped or turned into markup. */
function expectAllShown(shown: string, sent: string, where: string) {
  const text = squash(shown);
  const missing = STORABLE.filter((p) => squash(sent).includes(squash(p.text)))
    .filter((p) => !text.includes(squash(p.text)))
    .map((p) => p.id);
  expect(missing, `${where}: payloads not shown as text`).toEqual([]);
}

/** The mails in the outbox whose text contains `marker`, parsed (the raw file may encode it). */
async function outboxMails(marker: string) {
  const mails = await Promise.all(
    readOutbox(server.dataDir).map(async (f) => ({ raw: f.text, ...(await PostalMime.parse(f.text)) })),
  );
  return mails.filter((m) => (m.text ?? '').includes(marker));
}

/**
 * RFC 2047 encoded words for any text, line breaks included (a header cannot carry them raw, an encoded
 * word can): what a hostile sender writes to smuggle a CR/LF into the subject we answer with.
 */
function encodedWords(text: string): string {
  const words: string[] = [];
  let chunk = '';
  for (const c of text) {
    if (Buffer.byteLength(chunk + c) > 40) {
      words.push(chunk);
      chunk = '';
    }
    chunk += c;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join(' ');
}

/** An email as a mail client writes it (nodemailer encodes the From name), with an encoded subject. */
async function rawEmail(m: { fromName: string; from: string; subject: string; text: string; html: string }) {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = await composer.sendMail({
    from: { name: m.fromName, address: m.from },
    to: INBOX,
    subject: 'SUBJECT',
    text: m.text,
    html: m.html,
    messageId: `<xss-${Math.random().toString(36).slice(2)}@customer.example>`,
  });
  // Encoded words in a row are one text to the reader; nodemailer would have replaced the line breaks.
  return (info.message as Buffer)
    .toString('utf8')
    .replace(/\nSubject: SUBJECT\r?\n/, (line) => line.replace('SUBJECT', encodedWords(m.subject)));
}

let suite: AdminSuite;

/** Feeds the corpus in through the APIs, the SMTP listener and the staff inputs, before any page opens. */
async function prepare(url: string, staffCookie: string) {
  const send = async (method: 'POST' | 'PUT', path: string, body: unknown, ok = [200, 201]) => {
    const res = await apiSend(url, method, path, staffCookie, body);
    if (!ok.includes(res.status))
      throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Json;
  };
  widgetKey = await getWidgetKey(url, staffCookie);

  // Staff inputs: ticket categories (≤ 40, unique in any case), saved view names (≤ 80), a channel name.
  const seen = new Set<string>();
  for (const p of fitting(40)) {
    const name = collapsed(p.text);
    // One is left for staff to type in the ticket page.
    if (p.id === TYPED_CATEGORY || seen.has(name.toLowerCase()) || seen.size >= 30) continue;
    seen.add(name.toLowerCase());
    categories = (await send('POST', '/api/tickets/categories', { name })).categories;
  }
  const views = new Set<string>();
  for (const p of fitting(80)) {
    const name = collapsed(p.text);
    // The demo shop has views of its own; a list holds at most 50.
    if (views.size >= 25 || [...views].some((v) => v.toLowerCase() === name.toLowerCase())) continue;
    views.add(name);
    await send('POST', '/api/views', { kind: 'tickets', name, filters: { q: name.slice(0, 200) } });
    await send('POST', '/api/views', { kind: 'conversations', name, filters: { q: name.slice(0, 200) } });
  }
  viewNames = [...views];
  channelName = packed(100)[0];
  const channels = await send('POST', '/api/settings/channels/email', {
    name: channelName,
    inboundAddress: INBOX,
  });
  const channel = channels.channels.find((c: Json) => c.inboundAddress === INBOX);
  await send('PUT', '/api/settings/channels', { channels: [{ id: channel.id, mode: 'draft' }] });

  // Customers: names and messages through the widget API; each asks for a person, so the AI opens a ticket.
  for (const [i, name] of NAMES.entries()) {
    const conversationId = await startWidgetConversation(
      url,
      widgetKey,
      { name, email: `corpus${i}@customer.example` },
      [NAME_TEXTS[i % NAME_TEXTS.length]],
    );
    named.push({ name: name.trim(), conversationId });
  }

  // Emails: subject, From name, text and HTML bodies, delivered to the SMTP listener.
  const port = suite.server?.smtpPort();
  if (!port) throw new Error(`no inbound SMTP port:\n${suite.server?.output()}`);
  for (const [i, body] of EMAIL_BODIES.entries()) {
    const from = `sender${i}@customer.example`;
    const raw = await rawEmail({
      fromName: NAMES[(i + 3) % NAMES.length],
      from,
      subject: SUBJECTS[i % SUBJECTS.length],
      text: body,
      html: body
        .split('\n')
        .map((line) => `<p>${line}</p>`)
        .join('\n'),
    });
    await deliverEmail(port, raw, INBOX, from);
  }
  // Ready when every named conversation has its ticket and every email its AI draft.
  await until(
    async () => {
      const tickets = (await apiGet(url, '/api/tickets?limit=100', staffCookie)) as Json;
      const drafts = (await apiGet(
        url,
        '/api/conversations?channel=email&hasDrafts=true',
        staffCookie,
      )) as Json;
      return { tickets: tickets.items as Json[], drafts: drafts.items as Json[] };
    },
    ({ tickets, drafts }) => {
      const ticketed = new Set(tickets.map((t) => t.conversationId));
      const mine = drafts.filter((d) => /^sender\d+@customer\.example$/.test(d.customer?.email ?? ''));
      if (mine.length < EMAIL_BODIES.length) return false;
      emailConversations.splice(0, Infinity, ...mine.map((d) => d.id as string));
      return named.every((n) => ticketed.has(n.conversationId));
    },
    'a ticket for every named conversation and a draft for every email',
    30_000,
  );
}

describe('XSS corpus through every text input (browser)', () => {
  // Outgoing mail lands in <dataDir>/outbox as .eml files.
  suite = setUpAdminSuite('FAILED-xss-', prepare, { SMTP_URL: '' });
  beforeAll(() => {
    server = suite.server!;
    page = suite.page!;
    cookie = suite.cookie;
  });

  it('the page scan finds every markup payload when it is HTML, and nothing in the text-only ones', async () => {
    // A page of its own: the payloads run here, away from the watched page's dialog and CSP records.
    const probe = await suite.context!.newPage();
    const found: Record<string, string[]> = {};
    for (const p of XSS_CORPUS) {
      await probe.setContent(`<!doctype html><html><head></head><body>${p.text}</body></html>`);
      found[p.id] = await probe.evaluate(scanDom);
      // What ran here must not count against the next payload.
      await probe.evaluate(() => delete (window as unknown as { __xss?: unknown }).__xss);
    }
    await probe.close();
    const missed = XSS_CORPUS.filter((p) => p.markup && found[p.id].length === 0).map((p) => p.id);
    expect(missed, 'markup payloads the scan does not see').toEqual([]);
    const flagged = XSS_CORPUS.filter((p) => !p.markup && found[p.id].length > 0);
    expect(Object.fromEntries(flagged.map((p) => [p.id, found[p.id]]))).toEqual({});
  });

  it(
    'widget: a visitor types the corpus as name and messages; the storefront shows it as text',
    async () => {
      const { panel, composer, messages } = widgetUi(() => page);
      await page.goto(`${server.url}/demo`);
      await page.getByRole('button', { name: 'Open chat' }).click();
      await panel().waitFor();
      await panel().getByLabel('Name', { exact: true }).fill(NAMES[1]);
      await panel().getByLabel('Email', { exact: true }).fill(VISITOR_EMAIL);
      for (const [i, text] of WIDGET_TEXTS.entries()) {
        await composer().fill(text);
        await composer().press('Enter');
        // Each answered before the next, so every message gets a reply of its own.
        await until(
          async () => {
            const session = await storedWidgetSession(page, widgetKey);
            return session ? (await fetchWidgetHistory(server.url, session)).messages : [];
          },
          (m) => m.filter((x) => x.role === 'customer').length === i + 1 && m.at(-1)?.role === 'ai',
          `the AI's answer to widget message ${i + 1}`,
        );
      }
      await until(
        () => messages('ai').count(),
        (n) => n >= WIDGET_TEXTS.length,
        'every answer shown',
      );
      const bubbles = await messages('customer').locator('.bubble').allTextContents();
      expect(bubbles.map(squash)).toEqual(WIDGET_TEXTS.map((t) => squash(t)));
      await expectInert('the storefront widget');
      visitorConversationId = (await storedWidgetSession(page, widgetKey))!.conversationId;
    },
    TEST_TIMEOUT,
  );

  it(
    'conversation list, its views menu and a corpus search show names and view names as text',
    async () => {
      await openSignedIn(page, server.url, '/conversations', CREDS);
      const list = await waitForList(
        page,
        (l) => named.every((n) => l.rows.some((r) => r.id === n.conversationId)),
        'every named conversation in the list',
      );
      for (const n of named) {
        const row = list.rows.find((r) => r.id === n.conversationId)!;
        expect(squash(row.customer)).toBe(squash(n.name));
      }
      expectAllShown(list.rows.map((r) => r.customer).join(' '), NAMES.join(' '), 'conversation list names');
      await page.getByRole('button', { name: 'Views' }).click();
      const menu = page.getByRole('menu');
      await menu.waitFor();
      const items = (await menu.getByRole('menuitem').allTextContents()).map(squash);
      for (const name of viewNames) expect(items).toContain(squash(name));
      await expectInert('conversation list with the views menu');
      await page.keyboard.press('Escape');

      // Applying a corpus view: the search box and the URL carry the payload.
      const view = viewNames.find((v) => v.includes('<script>'))!;
      await page.getByRole('button', { name: 'Views' }).click();
      // Past the fold of a long menu a pointer click would scroll the page under it: click it as a keyboard does.
      await page.getByRole('menuitem', { name: view, exact: true }).dispatchEvent('click');
      await waitForList(page, (l) => l.url.searchParams.get('q') === view, 'the corpus view applied');
      expect(await page.getByRole('textbox', { name: 'Search' }).inputValue()).toBe(view);
      await expectInert('conversation list searched for a payload');
    },
    TEST_TIMEOUT,
  );

  it(
    'conversation view: the widget conversation with its tool calls, expanded',
    async () => {
      await openSignedIn(page, server.url, `/conversations/${visitorConversationId}`, CREDS);
      await page.getByTestId('conversation-customer').waitFor();
      expect(squash((await page.getByTestId('conversation-customer').textContent()) ?? '')).toContain(
        squash(NAMES[1]),
      );
      const customerText = await shownText('[data-testid="message"][data-role="customer"]');
      expectAllShown(customerText, WIDGET_TEXTS.join('\n'), 'customer messages');
      const tools = page.getByTestId('tool-call');
      await tools.first().waitFor();
      const collapsedTool = tools.locator('button[aria-expanded="false"]');
      while ((await collapsedTool.count()) > 0) await collapsedTool.first().click();
      const toolText = squash(await shownText('[data-testid="tool-call"]'));
      // The policy search got the question's words, payloads included, as its query (JSON in the card).
      expect(toolText).toContain(JSON.stringify(corpus('script')).slice(1, -1));
      expect(toolText).toContain(JSON.stringify(corpus('img-onerror')).slice(1, -1));
      await expectInert('conversation view with tool calls');
      await saveScreenshot(page, 'xss-conversation');
    },
    TEST_TIMEOUT,
  );

  it(
    'email conversations: subject, From name and sanitized HTML inert; the corpus sent from the draft editor',
    async () => {
      let current: Json = {};
      for (const id of emailConversations) {
        current = (await apiGet(server.url, `/api/conversations/${id}`, cookie)) as Json;
        const i = Number(/^sender(\d+)@/.exec(current.customer.email)![1]);
        const inbound = current.messages.find((m: Json) => m.email?.direction === 'in');
        // The server's sanitized HTML, before any browser sees it.
        expect(liveMarkup(inbound.email.html ?? ''), `email ${i} html`).toEqual([]);
        await openSignedIn(page, server.url, `/conversations/${id}`, CREDS);
        const message = page.locator('[data-testid="message"][data-email="in"]').first();
        await message.waitFor();
        // The From name is the customer's name; the subject is the email's.
        const customer = (await page.getByTestId('conversation-customer').textContent()) ?? '';
        expect(squash(customer)).toContain(squash(NAMES[(i + 3) % NAMES.length]));
        const subject = (await message.getByTestId('email-subject').textContent()) ?? '';
        expect(squash(subject)).toBe(squash(SUBJECTS[i % SUBJECTS.length]));
        const frame = message.locator('iframe[data-testid="email-html"]');
        expect(await frame.getAttribute('sandbox')).toBe('');
        const srcdoc = (await frame.getAttribute('srcdoc')) ?? '';
        expect(liveMarkup(srcdoc), `email ${i} srcdoc`).toEqual([]);
        // "Show original": the text body as received, as text.
        await message.getByRole('button', { name: 'Show original' }).click();
        const original = (await message.getByTestId('email-original').textContent()) ?? '';
        expectAllShown(original, EMAIL_BODIES[i], `email ${i} original`);
        await expectInert(`email conversation ${i}`);
      }

      // The draft editor: the corpus replaces the AI's draft and goes out by email.
      const draft = page.getByTestId('draft');
      await draft.waitFor();
      const marker = `xss-draft-${Date.now()}`;
      const edited = `${marker}\n${ALL}`;
      await draft.getByRole('textbox', { name: 'Draft reply' }).fill(edited);
      await expectInert('draft editor with the corpus');
      await draft.getByRole('button', { name: 'Send', exact: true }).click();
      await draft.waitFor({ state: 'detached' });
      const sent = page.locator('[data-testid="message"][data-role="staff"]', { hasText: marker });
      await sent.waitFor();
      expectAllShown((await sent.textContent()) ?? '', ALL, 'the sent draft');
      await expectInert('conversation with the sent draft');
      const [mail] = await until(
        () => outboxMails(marker),
        (m) => m.length > 0,
        'the draft email in the outbox',
      );
      expect(liveMarkup(mail.html ?? ''), 'the draft email html').toEqual([]);
      expectAllShown(parseHtml(mail.html ?? '').text, ALL, 'the draft email html');
      // Its subject comes from the customer's: the line breaks in it added no header field.
      expect(injectedHeaders(mail.raw), 'the draft email headers').toEqual([]);
      expect(current.subject).toMatch(/\r\nBcc: /);
      expect(mail.subject).not.toMatch(/[\r\n]/);
      expect(squash(mail.subject ?? '')).toBe(squash(`Re: ${current.subject}`));

      // A ticket made by hand: a corpus category and a corpus summary, which starts its history.
      const summary = packed(2000, '\n')[0];
      await page.getByRole('button', { name: 'Create ticket' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create a ticket' });
      await dialog.getByLabel('Category').selectOption(categories.at(-1)!);
      await dialog.getByLabel('Summary').fill(summary);
      await expectInert('the create-ticket dialog');
      await dialog.getByRole('button', { name: 'Create ticket' }).click();
      await dialog.getByRole('link', { name: /^Open ticket #\d+$/ }).click();
      await page.waitForURL((u) => /^\/tickets\/\d+$/.test(u.pathname));
      handMadeTicket = Number(new URL(page.url()).pathname.split('/').pop());
      await page.getByTestId('ticket-history').waitFor();
      // The summary is kept as given (it starts the history; notifications quote it).
      const ticket = (await apiGet(server.url, `/api/tickets/${handMadeTicket}`, cookie)) as Json;
      expect(ticket.history.map((h: Json) => h.detail?.summary)).toContain(summary);
      expect(squash((await page.getByTestId('ticket-customer').textContent()) ?? '')).toBe(
        squash(current.customer.name),
      );
      await expectInert('the hand-made ticket');
    },
    TEST_TIMEOUT,
  );

  it(
    'ticket list, views and detail; a reply and a note typed by staff, a category added by hand',
    async () => {
      // The visitor's conversation gets a ticket (the AI may have opened one already: that one is answered).
      const made = await apiSend(server.url, 'POST', '/api/tickets', cookie, {
        conversationId: visitorConversationId,
        category: categories.at(-1),
        priority: 'high',
        summary: 'Answer the visitor',
      });
      expect([200, 201], JSON.stringify(made.body)).toContain(made.status);
      const visitorTicket: number = (made.body as Json).number;
      await openSignedIn(page, server.url, '/tickets', CREDS);
      const list = await waitForTickets(
        page,
        (l) => [visitorTicket, handMadeTicket].every((n) => l.rows.some((r) => r.number === n)),
        "the visitor's and the hand-made ticket in the list",
      );
      expectAllShown(list.rows.map((r) => r.customer).join(' '), NAMES.join(' '), 'ticket list customers');
      await page.getByRole('button', { name: 'Views' }).click();
      // Below the fold of a long menu (see above).
      await page.getByRole('menuitem', { name: 'Manage views…' }).dispatchEvent('click');
      const rows = page.getByTestId('saved-view-row');
      await rows.first().waitFor();
      expectAllShown((await rows.allTextContents()).join(' '), viewNames.join(' '), 'saved view names');
      await expectInert('ticket list with the views dialog');
      await page.keyboard.press('Escape');

      await openSignedIn(page, server.url, `/tickets/${visitorTicket}`, CREDS);
      await page.getByTestId('ticket-customer').waitFor();
      expect(squash((await page.getByTestId('ticket-customer').textContent()) ?? '')).toBe(squash(NAMES[1]));
      // A category typed by staff in the page.
      const typed = collapsed(corpus(TYPED_CATEGORY));
      await page.getByRole('button', { name: 'Add category' }).click();
      await page.getByLabel('New category').fill(typed);
      await page.getByRole('button', { name: 'Add and use' }).click();
      await until(
        () => page.getByLabel('Category', { exact: true }).inputValue(),
        (v) => v === typed,
        'the typed category in use',
      );

      const marker = `xss-reply-${Date.now()}`;
      await page.getByTestId('reply-input').fill(`${marker}\n${ALL}`);
      await page.getByRole('button', { name: 'Send reply' }).click();
      const reply = page.getByTestId('ticket-reply').filter({ hasText: marker });
      await reply.getByText(`Email sent to ${VISITOR_EMAIL}`).waitFor({ timeout: 20_000 });
      expectAllShown((await reply.textContent()) ?? '', ALL, 'the staff reply');

      await page.getByTestId('reply-box').getByText('Internal note', { exact: true }).click();
      const noteMarker = `xss-note-${Date.now()}`;
      await page.getByTestId('reply-input').fill(`${noteMarker}\n${ALL}`);
      await page.getByTestId('reply-input').press('Control+Enter');
      const note = page.getByTestId('ticket-note').filter({ hasText: noteMarker });
      await note.waitFor();
      expectAllShown((await note.textContent()) ?? '', ALL, 'the internal note');
      const history = squash(await shownText('[data-testid="history-change"]'));
      expect(history).toContain(squash(typed));
      await expectInert('ticket view with reply, note and category');
      await saveScreenshot(page, 'xss-ticket');

      const [mail] = await until(
        () => outboxMails(marker),
        (m) => m.length > 0,
        'the reply email',
      );
      expect(liveMarkup(mail.html ?? ''), 'the reply email html').toEqual([]);
      expectAllShown(parseHtml(mail.html ?? '').text, ALL, 'the reply email html');
      expect(injectedHeaders(mail.raw), 'the reply email headers').toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'the widget shows the staff reply as text; Settings → Channels shows the channel name as text',
    async () => {
      const { panel, messages } = widgetUi(() => page);
      await page.goto(`${server.url}/demo`);
      // The widget remembers that it was open.
      const launcher = page.getByRole('button', { name: 'Open chat' });
      await launcher.waitFor();
      if ((await launcher.getAttribute('aria-expanded')) !== 'true') await launcher.click();
      await panel().waitFor();
      const staff = messages('staff').filter({ hasText: 'xss-reply-' });
      await staff.waitFor();
      expectAllShown((await staff.textContent()) ?? '', ALL, 'the staff reply in the widget');
      expect(await page.getByRole('dialog', { name: SHOP_NAME }).count()).toBe(1);
      await expectInert('the storefront widget with the staff reply');

      await openSignedIn(page, server.url, '/settings/channels', CREDS);
      const names = page.getByTestId('channel-name');
      await names.first().waitFor();
      expect((await names.allTextContents()).map(squash)).toContain(squash(channelName));
      await expectInert('Settings → Channels');
    },
    TEST_TIMEOUT,
  );
});
