// A ticket in a real browser against the real server: reply, internal note, status moves (only allowed ones
// offered, a refused one explained), priority and category, history, delete, and a ticket made by hand.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSignedIn, saveScreenshot, until } from './helpers/admin.ts';
import { CREDS, setUpAdminSuite } from './helpers/admin-suite.ts';
import { apiGet, apiSend, getWidgetKey, startWidgetConversation } from './helpers/api.ts';
import { customerAsksForHuman, waitForTickets } from './helpers/tickets.ts';

const TEST_TIMEOUT = 90_000;
const CUSTOMER = { name: 'Wanda Workflow', email: 'wanda.workflow@example.com' };

let url = '';
let page: Page;
let cookie = '';
/** The AI's ticket for Wanda, and a conversation without a ticket (Quinn's shipping question). */
let workflow = { conversationId: '', ticketNumber: 0 };
let questionConversationId = '';

const text = async (testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
const statusSelect = () => page.getByLabel('Status', { exact: true });
const statusOptions = () =>
  statusSelect()
    .locator('option')
    .evaluateAll((els) => els.map((o) => (o as HTMLOptionElement).value));
const historyChanges = () => page.getByTestId('history-change').allTextContents();
const expectBadge = (testId: string, label: string) =>
  until(
    () => text(testId),
    (t) => t === label,
    `${testId} to read "${label}"`,
  );

type ConversationMessages = {
  messages: Array<{ role: string; parts: Array<{ type: string; text?: string }> }>;
};
const staffTexts = async (conversationId: string) =>
  ((await apiGet(url, `/api/conversations/${conversationId}`, cookie)) as ConversationMessages).messages
    .filter((m) => m.role === 'staff')
    .flatMap((m) => m.parts.map((p) => p.text ?? ''));

describe('Ticket view (browser)', () => {
  const suite = setUpAdminSuite('FAILED-ticket-view-', async (serverUrl, staffCookie) => {
    const widgetKey = await getWidgetKey(serverUrl, staffCookie);
    workflow = await customerAsksForHuman(
      serverUrl,
      staffCookie,
      widgetKey,
      CUSTOMER,
      'My parcel never arrived, I want to speak to a human please',
    );
    questionConversationId = await startWidgetConversation(serverUrl, widgetKey, { name: 'Quinn Question' }, [
      'How long does shipping to Bergen take?',
    ]);
  });
  const { dialogs, cspViolations, pageErrors } = suite;
  beforeAll(() => {
    ({ cookie, page } = suite as Required<typeof suite>);
    url = suite.server!.url;
  });

  it(
    'replies (delivered in chat), adds an internal note, moves New → Open → Resolved offering only allowed moves, escalates to urgent',
    async () => {
      const n = workflow.ticketNumber;
      await openSignedIn(page, url, `/tickets/${n}`, CREDS);
      await page.getByTestId('ticket-number').waitFor();
      expect(await text('ticket-number')).toBe(`#${n}`);
      expect(await text('ticket-customer')).toBe(CUSTOMER.name);
      expect(await text('ticket-reason')).toBe('Customer asked for a human');
      expect(await text('ticket-status')).toBe('New');
      // New may go to Open or Waiting; Resolved is not offered from New.
      expect(await statusOptions()).toEqual(['new', 'open', 'waiting']);

      const reply =
        'Hi Wanda, I am sorry about the parcel. I have asked the carrier and will update you today.';
      await page.getByTestId('reply-input').fill(reply);
      await page.getByRole('button', { name: 'Send reply' }).click();
      const replyItem = page.getByTestId('ticket-reply').filter({ hasText: reply });
      await replyItem.getByText('Delivered in chat').waitFor();
      // Wanda left an email: the reply goes there too (the server's mail outbox), and the page follows it.
      await replyItem.getByText(`Email sent to ${CUSTOMER.email}`).waitFor();
      // The first reply opens the ticket, and the customer has it in the chat.
      await expectBadge('ticket-status', 'Open');
      expect(await staffTexts(workflow.conversationId)).toContain(reply);

      const note = 'Carrier says the parcel is stuck in Oslo; check again tomorrow.';
      // The segmented control's radios are visually hidden: click the label, as a user does.
      await page.getByTestId('reply-box').getByText('Internal note', { exact: true }).click();
      expect(await page.getByRole('radio', { name: 'Internal note' }).isChecked()).toBe(true);
      await page.getByTestId('reply-input').fill(note);
      await page.getByTestId('reply-input').press('Control+Enter');
      const noteItem = page.getByTestId('ticket-note').filter({ hasText: note });
      await noteItem.getByText('Internal note', { exact: true }).waitFor();
      // The live update can show the note before the POST's answer clears the box.
      await until(
        () => page.getByTestId('reply-input').inputValue(),
        (v) => v === '',
        'the reply box to clear',
      );
      // Internal: never in the customer's conversation.
      expect(await staffTexts(workflow.conversationId)).not.toContain(note);

      expect(await statusOptions()).toEqual(['open', 'resolved', 'waiting']);
      await statusSelect().selectOption('resolved');
      await expectBadge('ticket-status', 'Resolved');
      // From Resolved only a reopen is possible.
      await until(statusOptions, (o) => o.join() === 'resolved,open', 'only "reopen" offered');

      await page.getByLabel('Priority', { exact: true }).selectOption('urgent');
      await expectBadge('ticket-priority', 'Urgent');

      await page.getByRole('button', { name: 'Add category' }).click();
      await page.getByLabel('New category').fill('Lost parcel');
      await page.getByRole('button', { name: 'Add and use' }).click();
      await until(
        () => page.getByLabel('Category', { exact: true }).inputValue(),
        (v) => v === 'Lost parcel',
        'the new category',
      );

      const changes = await until(
        historyChanges,
        (h) => h.some((c) => c.startsWith('Category:')),
        'the history',
      );
      expect(changes).toEqual(
        expect.arrayContaining([
          'Status: New → Open',
          'Replied to the customer',
          'Added an internal note',
          'Status: Open → Resolved',
          expect.stringMatching(/^Priority: \w+ → Urgent$/),
          expect.stringMatching(/^Category: .+ → Lost parcel$/),
        ]),
      );
      await saveScreenshot(page, 'ticket-view');

      await page.reload();
      await page.getByTestId('ticket-number').waitFor();
      expect(await text('ticket-status')).toBe('Resolved');
      expect(await text('ticket-priority')).toBe('Urgent');
      await page.getByTestId('ticket-note').filter({ hasText: note }).waitFor();

      await page.getByRole('link', { name: 'Ticket list' }).click();
      const list = await waitForTickets(
        page,
        (l) => l.rows.some((r) => r.number === n),
        'the ticket in the list',
      );
      expect(list.rows.find((r) => r.number === n)).toMatchObject({
        status: 'resolved',
        priority: 'urgent',
        accent: 'urgent',
      });
    },
    TEST_TIMEOUT,
  );

  it(
    'explains a status move the server refuses (the ticket changed meanwhile) and shows the current status',
    async () => {
      const n = workflow.ticketNumber;
      // Without live events the page cannot learn of the change made behind its back.
      await page.route('**/api/events', (route) => route.abort());
      try {
        await apiSend(url, 'PATCH', `/api/tickets/${n}`, cookie, { status: 'open' });
        await openSignedIn(page, url, `/tickets/${n}`, CREDS);
        await expectBadge('ticket-status', 'Open');
        await apiSend(url, 'PATCH', `/api/tickets/${n}`, cookie, { status: 'waiting' });
        // Open → Resolved was allowed when the page loaded; Waiting → Resolved is not.
        await statusSelect().selectOption('resolved');
        const alert = page.getByRole('alert').filter({ hasText: 'status change is not allowed' });
        await alert.waitFor();
        await expectBadge('ticket-status', 'Waiting');
        expect(await statusOptions()).not.toContain('resolved');
      } finally {
        await page.unrouteAll();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'creates a ticket by hand from a conversation, then shows it as open there',
    async () => {
      await openSignedIn(page, url, `/conversations/${questionConversationId}`, CREDS);
      await page.getByRole('button', { name: 'Create ticket' }).click();
      const dialog = page.getByRole('dialog', { name: 'Create a ticket' });
      await dialog.getByLabel('Category').selectOption('Shipping');
      await dialog.getByLabel('Priority').selectOption('high');
      await dialog.getByLabel('Summary').fill('Customer wants express delivery to Bergen before Friday.');
      await dialog.getByRole('button', { name: 'Create ticket' }).click();
      await dialog.getByTestId('create-ticket-result').waitFor();
      const link = dialog.getByRole('link', { name: /^Open ticket #\d+$/ });
      const number = Number(((await link.textContent()) ?? '').replace(/\D/g, ''));
      expect(await dialog.getByTestId('create-ticket-result').getAttribute('data-created')).toBe('true');

      await link.click();
      await page.waitForURL((u) => u.pathname === `/tickets/${number}`);
      await page.getByTestId('ticket-number').waitFor();
      expect(await text('ticket-reason')).toBe('Created by staff');
      expect(await text('ticket-priority')).toBe('High');
      expect(await page.getByLabel('Category', { exact: true }).inputValue()).toBe('Shipping');

      await page.getByRole('link', { name: 'View original conversation' }).click();
      await page.waitForURL((u) => u.pathname === `/conversations/${questionConversationId}`);
      expect(await text('open-ticket-notice')).toBe(`Ticket #${number} is open.`);
      expect(await page.getByRole('button', { name: 'Create ticket' }).count()).toBe(0);
    },
    TEST_TIMEOUT,
  );

  it(
    'deletes a ticket after confirmation; it is gone from the list',
    async () => {
      const n = workflow.ticketNumber;
      await openSignedIn(page, url, `/tickets/${n}`, CREDS);
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: `Delete ticket #${n}?` });
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(await text('ticket-number')).toBe(`#${n}`);

      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await dialog.getByRole('button', { name: 'Delete ticket' }).click();
      await page.waitForURL((u) => u.pathname === '/tickets');
      await waitForTickets(
        page,
        (l) => l.rows.length > 0 && !l.rows.some((r) => r.number === n),
        'the list without it',
      );
      const gone = await fetch(`${url}/api/tickets/${n}`, { headers: { cookie } });
      expect(gone.status).toBe(404);

      await page.goto(`${url}/tickets/${n}`);
      await page.getByTestId('not-found').waitFor();
    },
    TEST_TIMEOUT,
  );

  it('has no dialogs, CSP violations or uncaught page errors across the run', () => {
    expect(dialogs).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
