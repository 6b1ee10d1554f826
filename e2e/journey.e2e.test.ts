// The whole product in one journey, in two browsers against the real server (demo shop, `npm start`):
// a storefront customer asks for a person in the widget; staff, watching the Tickets page, see the ticket
// arrive live, reply, and the reply reaches the widget live; a bad rating escalates the ticket; then an
// email in Draft mode gets an AI draft that staff edit and send, and a real SMTP sink receives it threaded.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSmtp, type ReceivedMail, startFakeSmtp } from '../test/helpers/fake-smtp.ts';
import { ARTIFACTS_DIR, saveScreenshot, signInThroughForm, until, waitForList } from './helpers/admin.ts';
import { launchBrowser } from './helpers/browser.ts';
import { deliverEmail, multipartEmail } from './helpers/email.ts';
import { DESKTOP, markDocument, snap, stillSameDocument, text, watch } from './helpers/journey-pages.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type RunningServer, startServer } from './helpers/server.ts';
import { readTickets, waitForTickets } from './helpers/tickets.ts';
import { widgetUi } from './helpers/widget-e2e-setup.ts';

const STEP_TIMEOUT = 45_000;
const FAILURE_PREFIX = 'FAILED-journey-';

const SHOPPER = { name: 'Solveig Journey', email: 'solveig.journey@example.com' };
const ASK_FOR_PERSON = 'I want to talk to a human about the sizing of the Fjord sweater';
const STAFF_REPLY = 'Hi Solveig, the Fjord sweater runs one size large, so a Medium should fit you well.';
const BAD_RATING_COMMENT = 'It took far too long to get a straight answer';
/** The demo shop's generic email channel, fed by the built-in SMTP listener. */
const INBOX = 'support@nordic-threads.example';
/** The product's own mail sender (SMTP_FROM). */
const SENDER = { name: 'Nordic Threads Support', email: 'mailer@nordic-threads.example' };
const MAILER = { name: 'Erik Epost', email: 'erik.epost@customer.example' };
const MAIL_SUBJECT = 'Exchange for a larger size?';
const MAIL_ID = `journey-${Date.now()}@customer.example`;
const EDITED_DRAFT = `Hi Erik, yes: send the sweater back within 30 days and we will ship the larger size. (journey-${Date.now()})`;

let server: RunningServer | undefined;
let browser: Browser | undefined;
let sink: FakeSmtp | undefined;
let staff: Page;
let customer: Page;
/** Page errors, console errors and dialogs of both browsers, labelled by who saw them. */
const problems: string[] = [];
let ticketNumber = 0;
let ticketsBefore = 0;
/** Until staff sign in, the admin's session check answers 401 by design. */
let staffSignedIn = false;

const widget = widgetUi(() => customer);

/** The mails the sink received for `address`. */
const mailsTo = (address: string): ReceivedMail[] =>
  sink!.mails.filter((m) => m.envelopeTo.includes(address));

describe('Journey: widget → ticket → live reply → bad rating → email draft → threaded SMTP (browser)', () => {
  beforeAll(async () => {
    for (const file of fs.existsSync(ARTIFACTS_DIR) ? fs.readdirSync(ARTIFACTS_DIR) : []) {
      if (file.startsWith(FAILURE_PREFIX)) fs.rmSync(path.join(ARTIFACTS_DIR, file));
    }
    // A real SMTP server (no TLS, no auth) receives everything the product sends.
    sink = await startFakeSmtp();
    const [started, launched] = await Promise.allSettled([
      startServer({ SMTP_URL: sink.url, SMTP_FROM: `${SENDER.name} <${SENDER.email}>` }),
      launchBrowser(),
    ]);
    if (started.status === 'fulfilled') server = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
    const open = async (who: string): Promise<[BrowserContext, Page]> => {
      const context = await launched.value.newContext({ viewport: DESKTOP, locale: 'en-US' });
      const page = await context.newPage();
      watch(page, who, problems, () => who !== 'staff' || staffSignedIn);
      return [context, page];
    };
    [, staff] = await open('staff');
    [, customer] = await open('customer');
  }, 120_000);

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    const name = `${FAILURE_PREFIX}${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 50)}`;
    if (staff) await saveScreenshot(staff, `${name}-staff`).catch(() => {});
    if (customer) await saveScreenshot(customer, `${name}-customer`).catch(() => {});
    if (server) fs.writeFileSync(path.join(ARTIFACTS_DIR, `${name}.server.log`), server.output());
  });

  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      try {
        await server?.stop();
      } finally {
        await sink?.close();
      }
    }
  }, 60_000);

  it(
    'staff sign in and watch the Tickets page; a customer opens the chat on the storefront',
    async () => {
      await staff.goto(`${server!.url}/tickets`);
      await signInThroughForm(staff, ADMIN_EMAIL, ADMIN_PASSWORD);
      staffSignedIn = true;
      const list = await waitForTickets(
        staff,
        (l) => l.url.pathname === '/tickets' && l.rows.length > 0 && l.counts.all > 0,
        'the demo tickets',
      );
      ticketsBefore = list.counts.all;
      await markDocument(staff);

      await customer.goto(`${server!.url}/demo`);
      await customer.getByRole('heading', { level: 1 }).waitFor();
      await widget.launcher().click();
      await widget.panel().waitFor();
      await markDocument(customer);
      await snap(customer, '01-storefront-chat-open', 'widget');
    },
    STEP_TIMEOUT,
  );

  it(
    'the customer chats in the widget and asks for a person: the AI opens a ticket and says its number',
    async () => {
      await widget.panel().getByLabel('Name').fill(SHOPPER.name);
      await widget.panel().getByLabel('Email').fill(SHOPPER.email);
      await widget.send('Hi');
      await widget.storedCustomerBubble('Hi').waitFor();
      await widget.messages('ai').first().waitFor({ timeout: 30_000 });

      await widget.send(ASK_FOR_PERSON);
      await widget.storedCustomerBubble(ASK_FOR_PERSON).waitFor();
      const answer = widget.messages('ai').filter({ hasText: /ticket number is #\d+/ });
      await answer.waitFor({ timeout: 30_000 });
      const said = (await answer.textContent()) ?? '';
      ticketNumber = Number(/#(\d+)/.exec(said)?.[1]);
      expect(ticketNumber).toBeGreaterThan(0);
      await widget.panel().getByTestId('typing-indicator').waitFor({ state: 'detached' });
      await snap(customer, '02-customer-asks-for-person', 'widget');
    },
    STEP_TIMEOUT,
  );

  it(
    'staff see the new ticket appear on the Tickets page without a reload',
    async () => {
      const list = await waitForTickets(
        staff,
        (l) => l.rows.some((r) => r.number === ticketNumber),
        `ticket #${ticketNumber} in the list`,
      );
      expect(await stillSameDocument(staff)).toBe(true);
      const row = list.rows.find((r) => r.number === ticketNumber)!;
      expect(row).toMatchObject({ status: 'new', customer: SHOPPER.name });
      await until(
        () => readTickets(staff),
        (l) => l.counts.all === ticketsBefore + 1,
        'the counts to include the new ticket',
      );
      await snap(staff, '03-tickets-new-ticket-live', 'admin');
    },
    STEP_TIMEOUT,
  );

  it(
    'staff open the ticket and reply to the customer through the reply box',
    async () => {
      await staff.locator(`[data-testid="ticket-row"][data-ticket-number="${ticketNumber}"]`).click();
      await staff.waitForURL((u) => u.pathname === `/tickets/${ticketNumber}`);
      await staff.getByTestId('ticket-number').waitFor();
      expect(await text(staff, 'ticket-number')).toBe(`#${ticketNumber}`);
      expect(await text(staff, 'ticket-customer')).toBe(SHOPPER.name);
      expect(await text(staff, 'ticket-reason')).toBe('Customer asked for a human');
      expect(await text(staff, 'ticket-status')).toBe('New');
      expect(await text(staff, 'ticket-priority')).toBe('Medium');
      await staff
        .locator('[data-testid="message"][data-role="customer"]')
        .getByText(ASK_FOR_PERSON, { exact: true })
        .waitFor();

      await staff.getByTestId('reply-input').fill(STAFF_REPLY);
      await staff.getByRole('button', { name: 'Send reply' }).click();
      const reply = staff.getByTestId('ticket-reply').filter({ hasText: STAFF_REPLY });
      await reply.getByText('Delivered in chat').waitFor();
      // The customer left an email address, so the reply also goes there, through the SMTP sink.
      await reply.getByText(`Email sent to ${SHOPPER.email}`).waitFor({ timeout: 30_000 });
      await until(
        () => text(staff, 'ticket-status'),
        (t) => t === 'Open',
        'the first reply to open the ticket',
      );
      const mailed = mailsTo(SHOPPER.email);
      expect(mailed).toHaveLength(1);
      expect(mailed[0].subject).toContain(`[Ticket #${ticketNumber}]`);
      expect(mailed[0].text).toContain(STAFF_REPLY);
      expect(await stillSameDocument(staff)).toBe(true);
      await snap(staff, '04-ticket-reply-sent', 'admin');
    },
    STEP_TIMEOUT,
  );

  it(
    "the staff reply appears in the customer's widget without a reload",
    async () => {
      const bubble = widget.messages('staff').filter({ hasText: STAFF_REPLY });
      await bubble.waitFor();
      expect(await bubble.count()).toBe(1);
      expect(await bubble.textContent()).toContain('Nordic Threads team');
      expect(await stillSameDocument(customer)).toBe(true);
      await snap(customer, '05-widget-staff-reply', 'widget');
    },
    STEP_TIMEOUT,
  );

  it(
    'the customer confirms it is solved and rates the chat Bad: the open ticket is escalated to High, live in the admin',
    async () => {
      await widget.send('That solved it, thanks');
      const prompt = widget.panel().getByRole('form', { name: 'How did we do?' });
      await prompt.waitFor({ timeout: 30_000 });
      await prompt.getByRole('button', { name: 'Bad' }).click();
      await prompt.getByLabel('Comment (optional)').fill(BAD_RATING_COMMENT);
      await snap(customer, '06-widget-bad-rating', 'widget');
      await prompt.getByRole('button', { name: 'Send rating' }).click();
      await widget.panel().getByText('Thanks for your feedback!').waitFor();
      expect(await stillSameDocument(customer)).toBe(true);

      // Staff still have the ticket open: the escalation shows there without a reload.
      await until(
        () => text(staff, 'ticket-priority'),
        (t) => t === 'High',
        'the ticket priority to rise to High',
      );
      const changes = await until(
        () => staff.getByTestId('history-change').allTextContents(),
        (h) => h.includes('Reason: Bad rating'),
        'the bad rating in the ticket history',
      );
      expect(changes).toEqual(expect.arrayContaining(['Priority: Medium → High', 'Reason: Bad rating']));
      const entry = staff.locator('[data-testid="history-entry"][data-field="trigger"]');
      expect(await entry.textContent()).toContain('Customer rating');
      // Still one ticket for the conversation: the open one was escalated, not a second one opened.
      expect(await text(staff, 'ticket-number')).toBe(`#${ticketNumber}`);
      expect(await stillSameDocument(staff)).toBe(true);
      await snap(staff, '07-ticket-escalated', 'admin');

      await staff.getByRole('link', { name: 'Ticket list' }).click();
      // The list cached from before shows first, then its refetch: wait for the ticket as it is now.
      const list = await waitForTickets(
        staff,
        (l) =>
          l.url.pathname === '/tickets' &&
          l.rows.some((r) => r.number === ticketNumber && r.status === 'open' && r.priority === 'high'),
        'the escalated ticket in the list',
      );
      expect(list.rows.find((r) => r.number === ticketNumber)!.accent).toBe('high');
      expect(list.counts.all).toBe(ticketsBefore + 1);
    },
    STEP_TIMEOUT,
  );

  it(
    'staff switch the email channel to Draft in Settings → Channels',
    async () => {
      await staff.getByRole('link', { name: 'Settings' }).click();
      await staff.getByTestId('settings-tab-channels').click();
      await staff.waitForURL((u) => u.pathname === '/settings/channels');
      const row = staff.locator('[data-testid="channel-row"][data-channel-type="email"]', { hasText: INBOX });
      const mode = row.getByTestId('channel-mode');
      await until(
        () => mode.getAttribute('data-mode'),
        (m) => m === 'auto',
        'the channel in Auto mode',
      );
      await row
        .getByRole('radiogroup', { name: `Reply mode for ${INBOX}` })
        .getByText('Draft', { exact: true })
        .click();
      await row.getByRole('status').getByText('Saved: AI replies wait for review').waitFor();
      expect(await mode.getAttribute('data-mode')).toBe('draft');
      expect(await stillSameDocument(staff)).toBe(true);
    },
    STEP_TIMEOUT,
  );

  it(
    'a customer email arrives: its conversation appears live with an AI draft, which staff edit and send',
    async () => {
      await staff.getByRole('link', { name: 'Conversations' }).click();
      await waitForList(staff, (l) => l.url.pathname === '/conversations', 'the conversation list');

      const port = server!.smtpPort();
      if (!port) throw new Error(`no inbound SMTP port in the start-up output:\n${server!.output()}`);
      const raw = multipartEmail({
        from: `${MAILER.name} <${MAILER.email}>`,
        to: INBOX,
        subject: MAIL_SUBJECT,
        messageId: MAIL_ID,
        text: 'Hello! The sweater I got is too small. Can I exchange it for a larger size?',
        html: '<p>Hello! The sweater I got is too small. Can I exchange it for a larger size?</p>',
        attachments: [],
      });
      await deliverEmail(port, raw, INBOX, MAILER.email);

      // The list updates from the event stream; the AI's answer makes it a Draft.
      const list = await waitForList(
        staff,
        (l) => l.rows.some((r) => r.customer === MAILER.name && r.status === 'Draft'),
        'the emailed conversation as a Draft',
      );
      expect(await stillSameDocument(staff)).toBe(true);
      const id = list.rows.find((r) => r.customer === MAILER.name)!.id;
      await snap(staff, '08-conversations-email-draft', 'admin');

      await staff.locator(`[data-testid="conversation-row"][data-conversation-id="${id}"]`).click();
      await staff.waitForURL((u) => u.pathname === `/conversations/${id}`);
      const draft = staff.getByTestId('draft');
      await draft.getByRole('heading', { name: 'AI draft — not sent yet' }).waitFor();
      expect(await text(staff, 'conversation-status')).toBe('Draft');
      const input = draft.getByRole('textbox', { name: 'Draft reply' });
      expect((await input.inputValue()).trim().length).toBeGreaterThan(0);
      await input.fill(EDITED_DRAFT);
      await draft.getByText('Unsaved changes').waitFor();
      await snap(staff, '09-email-draft-edited', 'admin');

      await draft.getByRole('button', { name: 'Send', exact: true }).click();
      await draft.waitFor({ state: 'detached' });
      await until(
        () => text(staff, 'conversation-status'),
        (t) => t === 'Unresolved',
        'the conversation to leave Draft',
      );
      const sent = staff.locator('[data-testid="message"][data-role="staff"]', { hasText: EDITED_DRAFT });
      expect(await sent.getAttribute('data-email')).toBe('out');
      await until(
        () => sent.getByTestId('email-delivery').getAttribute('data-status'),
        (s) => s === 'sent',
        'the email to be sent',
        30_000,
      );
      expect(await sent.getByTestId('email-header').textContent()).toContain(`To ${MAILER.email}`);
      await snap(staff, '10-email-draft-sent', 'admin');
    },
    STEP_TIMEOUT,
  );

  it(
    "the SMTP sink received the edited reply, threaded under the customer's email",
    async () => {
      // The page says "sent" only after the SMTP server accepted it.
      const mails = mailsTo(MAILER.email);
      expect(mails).toHaveLength(1);
      const [mail] = mails;
      expect(mail.text).toContain(EDITED_DRAFT);
      expect(mail.to?.map((a) => a.address)).toEqual([MAILER.email]);
      // Sent as the product's mail sender (SMTP_FROM); answers go to the channel's address.
      expect(mail.from?.address).toBe(SENDER.email);
      expect(mail.replyTo?.map((a) => a.address)).toEqual([INBOX]);
      expect(mail.subject).toBe(`Re: ${MAIL_SUBJECT}`);
      expect(mail.inReplyTo).toBe(`<${MAIL_ID}>`);
      expect(mail.references).toContain(`<${MAIL_ID}>`);
      expect(mail.messageId).not.toBe(`<${MAIL_ID}>`);
    },
    STEP_TIMEOUT,
  );

  it('had no page errors, console errors or dialogs in either browser', () => {
    expect(problems).toEqual([]);
  });
});
