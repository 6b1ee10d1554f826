// The XSS corpus (test/fixtures/xss-corpus.ts) through every text input a customer, an email or a staff
// member can fill, against the real server in a real browser: widget name and messages (typed in the
// widget), names and messages from the widget API, inbound emails (subject, From name, text and HTML
// bodies), an email channel's name, ticket categories, a hand-made ticket's summary, a staff reply and an
// internal note (typed in the ticket page), an edited email draft, saved view names. Then every page that
// shows that text — storefront widget, conversation list and views, conversation detail with tool calls,
// the email frame and draft editor, ticket list, views and detail, Settings → Channels — must show it as
// text: no dialog, no `__xss` marker, no CSP violation, no element or attribute made from a payload, and
// the emails the product sent (outbox .eml files) hold the corpus as escaped text.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { collapsed, packed, XSS_CORPUS } from '../test/fixtures/xss-corpus.ts';
import { injectedHeaders, liveMarkup, parseHtml, squash } from '../test/helpers/live-markup.ts';
import { openSignedIn, saveScreenshot, until, waitForList } from './helpers/admin.ts';
import { type AdminSuite, CREDS, setUpAdminSuite } from './helpers/admin-suite.ts';
import { apiGet, apiSend } from './helpers/api.ts';
import type { RunningServer } from './helpers/server.ts';
import { waitForTickets } from './helpers/tickets.ts';
import { fetchWidgetHistory, storedWidgetSession } from './helpers/widget.ts';
import { SHOP_NAME, widgetUi } from './helpers/widget-e2e-setup.ts';
import {
  ALL,
  corpus,
  EMAIL_BODIES,
  feedCorpus,
  type Json,
  NAMES,
  outboxMails,
  SUBJECTS,
  TYPED_CATEGORY,
  VISITOR_EMAIL,
  WIDGET_TEXTS,
  type XssInputs,
} from './helpers/xss-inputs.ts';
import { expectAllShown, expectPageInert, scanDom, shownTextOf } from './helpers/xss-scan.ts';

const TEST_TIMEOUT = 60_000;

let server: RunningServer;
let page: Page;
let cookie = '';
let widgetKey = '';
/** Conversations started through the widget API, by customer name. */
let named: XssInputs['named'] = [];
let emailConversations: string[] = [];
let categories: string[] = [];
let viewNames: string[] = [];
let channelName = '';
let visitorConversationId = '';
let handMadeTicket = 0;

let suite: AdminSuite;
/** The watched page holds nothing a payload made (helpers/xss-scan.ts). */
const expectInert = (where: string) => expectPageInert(page, suite, where);
/** The text of every element matching `selector`, as one string. */
const shownText = (selector: string) => shownTextOf(page, selector);

describe('XSS corpus through every text input (browser)', () => {
  let inputs: XssInputs;
  // Outgoing mail lands in <dataDir>/outbox as .eml files.
  suite = setUpAdminSuite(
    'FAILED-xss-',
    async (url, staffCookie) => {
      inputs = await feedCorpus(url, staffCookie, suite);
    },
    { SMTP_URL: '' },
  );
  beforeAll(() => {
    server = suite.server!;
    page = suite.page!;
    cookie = suite.cookie;
    ({ widgetKey, named, emailConversations, categories, viewNames, channelName } = inputs);
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
        () => outboxMails(server.dataDir, marker),
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
        () => outboxMails(server.dataDir, marker),
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
