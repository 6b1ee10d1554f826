// Email in the admin, in a real browser against the real server (demo data, outgoing mail as .eml files):
// an inbound HTML email in its sandboxed frame, sending an edited AI draft (double click: one email),
// discarding a draft, and Settings → Channels (Auto/Draft mode, adding an email channel, a taken address).
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSignedIn, saveScreenshot, until, waitForList } from './helpers/admin.ts';
import { CREDS, setUpAdminSuite } from './helpers/admin-suite.ts';
import { apiGet } from './helpers/api.ts';
import { deliverEmail, multipartEmail, readOutbox } from './helpers/email.ts';
import { injectedElements, NO_INJECTED, xssValue } from './helpers/markup.ts';
import type { RunningServer } from './helpers/server.ts';

const TEST_TIMEOUT = 90_000;
/** The demo shop's generic email channel (Auto mode), fed by the built-in SMTP listener. */
const INBOX = 'support@nordic-threads.example';
const SENDER = 'kari.e2e@customer.example';
const SUBJECT = 'Which size for the wool sweater?';
const ATTACHMENT = { filename: 'size-chart.pdf', contentType: 'application/pdf', bytes: 2560 };

// biome-ignore lint/suspicious/noExplicitAny: API bodies are checked by the assertions themselves.
type Json = Record<string, any>;

let server: RunningServer;
let page: Page;
let cookie: string;
let inboundConversationId = '';

const statusBadge = () => page.getByTestId('conversation-status');
const badgeText = async () => ((await statusBadge().textContent()) ?? '').trim();
const expectStatus = (label: string) => until(badgeText, (t) => t === label, `the status badge "${label}"`);
const getConversation = (id: string) =>
  apiGet(server.url, `/api/conversations/${id}`, cookie) as Promise<Json>;

async function openConversation(id: string) {
  await openSignedIn(page, server.url, `/conversations/${id}`, CREDS);
  await statusBadge().waitFor();
}

/** A message's email delivery line once it shows `status`. */
async function deliveryOf(message: Locator, status: string, timeoutMs = 20_000) {
  const line = message.getByTestId('email-delivery');
  await until(
    () => line.getAttribute('data-status'),
    (s) => s === status,
    `delivery "${status}"`,
    timeoutMs,
  );
  return ((await line.textContent()) ?? '').trim();
}

describe('Email: inbound mail, AI drafts, channel modes (browser)', () => {
  const suite = setUpAdminSuite(
    'FAILED-email-drafts-',
    async (url, staffCookie) => {
      // Before any browser visit: a customer's HTML email (hostile bits included) reaches the SMTP listener.
      const port = suite.server?.smtpPort();
      if (!port) throw new Error(`no inbound SMTP port in the start-up output:\n${suite.server?.output()}`);
      const raw = multipartEmail({
        from: `Kari Nordmann <${SENDER}>`,
        to: INBOX,
        subject: SUBJECT,
        messageId: `e2e-${Date.now()}@customer.example`,
        // A forged verdict: no relay the channel trusts wrote it.
        authenticationResults:
          'mx.nordic-threads.example; dkim=pass header.d=customer.example; spf=pass smtp.mailfrom=customer.example; dmarc=pass header.from=customer.example',
        text: 'Hi! I am 172 cm, which size should I pick?\n\nOn Monday you wrote:\n> Our sweaters run large.',
        html: [
          '<p>Hi! I am 172 cm, which size <b>should I pick</b>?</p>',
          '<script>window.__xss = 1; alert(1)</script>',
          '<img src=x onerror="window.__xss = 2; alert(2)">',
          '<img src="https://tracker.example/open.gif?u=42" width="1" height="1" alt="">',
          '<p><a href="javascript:alert(3)">Track my order</a></p>',
          '<blockquote>On Monday you wrote:<br>Our sweaters run large.</blockquote>',
        ].join('\n'),
        attachments: [
          {
            filename: ATTACHMENT.filename,
            contentType: ATTACHMENT.contentType,
            content: Buffer.alloc(ATTACHMENT.bytes, 'x'),
          },
        ],
      });
      await deliverEmail(port, raw, INBOX, SENDER);
      const found = await until(
        () =>
          apiGet(
            url,
            `/api/conversations?channel=email&q=${encodeURIComponent(SENDER)}`,
            staffCookie,
          ) as Promise<Json>,
        (list) => list.items.length > 0,
        'the inbound email as a conversation',
      );
      inboundConversationId = found.items[0].id;
    },
    // Outgoing mail must land in <dataDir>/outbox, whatever the shell running the tests has set.
    { SMTP_URL: '' },
  );
  const { dialogs, pageErrors, cspViolations } = suite;

  beforeAll(() => {
    server = suite.server!;
    page = suite.page!;
    cookie = suite.cookie;
  });

  it(
    'shows an inbound HTML email in a sandboxed frame, with headers, attachment and the original text',
    async () => {
      await openConversation(inboundConversationId);
      const message = page.locator('[data-testid="message"][data-email="in"]').first();
      await message.waitFor();
      expect(await message.getByTestId('email-subject').textContent()).toBe(SUBJECT);
      expect(await message.getByTestId('email-header').textContent()).toContain(SENDER);
      expect(await message.getByTestId('email-header').textContent()).toContain(INBOX);
      // The Authentication-Results header came with the mail, not from a relay this channel trusts:
      // anyone can write one, so it vouches for nothing.
      expect(await message.getByTestId('verified-sender').count()).toBe(0);
      const attachment = message.getByTestId('email-attachment');
      expect(await attachment.count()).toBe(1);
      expect(await attachment.textContent()).toMatch(/size-chart\.pdf.*application\/pdf · 2\.5 KB/);
      await message.getByTestId('remote-images-blocked').getByText('Remote images blocked').waitFor();

      // The frame: no scripts, no same origin, its own CSP; the email's text inside.
      const frame = message.locator('iframe[data-testid="email-html"]');
      expect(await frame.getAttribute('sandbox')).toBe('');
      const srcdoc = (await frame.getAttribute('srcdoc')) ?? '';
      expect(srcdoc).toContain(
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data: cid:; style-src 'unsafe-inline'">`,
      );
      expect(srcdoc).not.toMatch(/<script|onerror|javascript:|tracker\.example\/open\.gif"/i);
      const body = page.frameLocator('iframe[data-testid="email-html"]').first().locator('body');
      await body.getByText('should I pick').waitFor();
      expect(await body.locator('b').textContent()).toBe('should I pick');
      // Nothing ran, in the frame or the page.
      expect(await xssValue(page)).toBeUndefined();
      expect(await injectedElements(page)).toEqual(NO_INJECTED);
      await saveScreenshot(page, 'email-inbound');

      // Show original: the whole text as received, quoted part included, as plain text.
      const toggle = message.getByRole('button', { name: 'Show original' });
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');
      await toggle.click();
      const original = message.getByTestId('email-original');
      await original.waitFor();
      expect(await original.textContent()).toContain('> Our sweaters run large.');
      expect(await original.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-wrap');
      expect(await frame.count()).toBe(0);
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      await toggle.click();
      await frame.waitFor();

      // The channel is in Auto mode: the AI answered by email, and the answer went out.
      const answer = page.locator('[data-testid="message"][data-email="out"]').first();
      expect(await deliveryOf(answer, 'sent')).toMatch(/^Sent /);
      expect(cspViolations).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(pageErrors).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'sends an edited AI draft once (double click): draft gone, Unresolved, the staff email sent, one .eml',
    async () => {
      // Find a draft as staff would: Conversations → Has drafts.
      await openSignedIn(page, server.url, '/conversations', CREDS);
      await page.getByRole('switch', { name: 'Has drafts' }).check();
      const drafts = await waitForList(
        page,
        (l) => l.url.searchParams.get('hasDrafts') === 'true' && l.rows.length > 0,
        'conversations with drafts',
      );
      const id = drafts.rows[0].id;
      expect(drafts.rows[0].status).toBe('Draft');
      await page.locator(`[data-testid="conversation-row"][data-conversation-id="${id}"]`).click();
      await page.waitForURL((url) => url.pathname === `/conversations/${id}`);

      const draft = page.getByTestId('draft');
      await draft.getByRole('heading', { name: 'AI draft — not sent yet' }).waitFor();
      expect(await badgeText()).toBe('Draft');
      const marker = `e2e-edit-${Date.now()}`;
      const edited = `Hi! Your parcel ships tomorrow. (${marker})`;
      const input = draft.getByRole('textbox', { name: 'Draft reply' });
      await input.fill(edited);
      await draft.getByText('Unsaved changes').waitFor();
      await saveScreenshot(page, 'email-draft-editor');

      const before = readOutbox(server.dataDir).length;
      await draft.getByRole('button', { name: 'Send', exact: true }).dblclick();
      await draft.waitFor({ state: 'detached' });
      await expectStatus('Unresolved');

      const sent = page.locator('[data-testid="message"][data-role="staff"]', { hasText: marker });
      await sent.waitFor();
      expect(await sent.getAttribute('data-email')).toBe('out');
      expect(await deliveryOf(sent, 'sent')).toMatch(/^Sent /);
      expect(await sent.count()).toBe(1);
      const sentTo = (await getConversation(id)).customer.email;
      expect(await sent.getByTestId('email-header').textContent()).toContain(`To ${sentTo}`);
      await saveScreenshot(page, 'email-draft-sent');

      // Exactly one email with the edited text, even after a moment for a stray second one.
      await until(
        async () => readOutbox(server.dataDir).filter((m) => m.text.includes(marker)).length,
        (n) => n >= 1,
        'the .eml with the edited text',
      );
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const mails = readOutbox(server.dataDir).filter((m) => m.text.includes(marker));
      expect(mails).toHaveLength(1);
      expect(readOutbox(server.dataDir).length).toBeGreaterThan(before);

      const after = await getConversation(id);
      expect(after).toMatchObject({ status: 'unresolved', hasDraft: false, draft: null });
      const staff = after.messages.filter((m: Json) => m.role === 'staff');
      expect(staff.filter((m: Json) => JSON.stringify(m.parts).includes(marker))).toHaveLength(1);
      expect(mails[0].text).toContain(`To: ${after.customer.email}`);

      // After a reload: still no draft, still Unresolved.
      await page.reload();
      await statusBadge().waitFor();
      expect(await badgeText()).toBe('Unresolved');
      expect(await page.getByTestId('draft').count()).toBe(0);
      expect(dialogs).toEqual([]);
      expect(pageErrors).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'discards another draft after confirming: nothing sent, Unresolved, no draft',
    async () => {
      const list = (await apiGet(server.url, '/api/conversations?hasDrafts=true', cookie)) as Json;
      expect(list.items.length).toBeGreaterThan(0);
      const id: string = list.items[0].id;
      const outboxBefore = readOutbox(server.dataDir).length;
      await openConversation(id);
      const draft = page.getByTestId('draft');
      await draft.waitFor();
      expect(await badgeText()).toBe('Draft');

      // Cancel keeps it.
      await draft.getByRole('button', { name: 'Discard', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Discard this draft?' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(await draft.isVisible()).toBe(true);

      await draft.getByRole('button', { name: 'Discard', exact: true }).click();
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Discard draft' }).click();
      await draft.waitFor({ state: 'detached' });
      await expectStatus('Unresolved');

      await page.reload();
      await statusBadge().waitFor();
      expect(await badgeText()).toBe('Unresolved');
      expect(await page.getByTestId('draft').count()).toBe(0);
      const after = await getConversation(id);
      expect(after).toMatchObject({ status: 'unresolved', hasDraft: false, draft: null });
      expect(after.messages.some((m: Json) => m.role === 'staff')).toBe(false);
      expect(readOutbox(server.dataDir).length).toBe(outboxBefore);
      expect(dialogs).toEqual([]);
      expect(pageErrors).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'Settings → Channels: switches the email channel to Draft (kept after a reload), adds a channel, refuses a taken address',
    async () => {
      await openSignedIn(page, server.url, '/settings/channels', CREDS);
      const section = page.getByTestId('settings-channels');
      await section.getByTestId('widget-snippet').waitFor();
      const row = section.locator('[data-testid="channel-row"][data-channel-type="email"]', {
        hasText: INBOX,
      });
      const mode = row.getByTestId('channel-mode');
      expect(await mode.getAttribute('data-mode')).toBe('auto');
      const radios = row.getByRole('radiogroup', { name: `Reply mode for ${INBOX}` });
      expect(await radios.getByRole('radio', { name: 'Auto' }).isChecked()).toBe(true);

      await radios.getByText('Draft', { exact: true }).click();
      await row.getByRole('status').getByText('Saved: AI replies wait for review').waitFor();
      expect(await mode.getAttribute('data-mode')).toBe('draft');
      await page.reload();
      await row.waitFor();
      expect(await mode.getAttribute('data-mode')).toBe('draft');
      expect(await radios.getByRole('radio', { name: 'Draft' }).isChecked()).toBe(true);
      const stored = (await apiGet(server.url, '/api/settings/channels', cookie)) as Json;
      expect(stored.channels.find((c: Json) => c.inboundAddress === INBOX)?.mode).toBe('draft');
      // The widget has no mode to choose.
      expect(await section.locator('[data-channel-type="widget"]').getByRole('radiogroup').count()).toBe(0);

      // Add an email channel: checked here first, then by the server.
      const form = section.getByRole('form', { name: 'Add email channel' });
      const name = form.getByLabel('Channel name');
      const address = form.getByLabel('Inbound address');
      const submit = form.getByRole('button', { name: 'Add email channel' });
      await name.fill('Returns desk');
      await address.fill('not-an-address');
      await submit.click();
      await form.getByText('Enter an email address').waitFor();

      await address.fill('returns@nordic-threads.example');
      await submit.click();
      await form.getByRole('status').getByText('Added returns@nordic-threads.example').waitFor();
      const added = section.locator('[data-testid="channel-row"][data-channel-type="email"]', {
        hasText: 'returns@nordic-threads.example',
      });
      await added.getByText('Returns desk').waitFor();
      expect(await added.getByTestId('channel-mode').getAttribute('data-mode')).toBe('auto');
      expect(await name.inputValue()).toBe('');

      // The same address again (any case): the server's 409 message, nothing added.
      await name.fill('Returns again');
      await address.fill('Returns@Nordic-Threads.example');
      await submit.click();
      const error = form.getByTestId('add-channel-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('That inbound address is already in use');
      expect(await added.count()).toBe(1);
      await saveScreenshot(page, 'settings-channels-email');
      expect(dialogs).toEqual([]);
      expect(pageErrors).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});
