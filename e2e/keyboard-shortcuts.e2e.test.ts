// The admin's keyboard shortcuts in a real browser: j/k/Enter on lists, e (resolve) and r (reply) on
// conversations and tickets, / (search), g c / g t (go to), ? (the list of shortcuts), and that none of
// them fires while typing, with a modifier held or behind a dialog.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSignedIn, until, waitForList } from './helpers/admin.ts';
import { CREDS, setUpAdminSuite } from './helpers/admin-suite.ts';
import { apiGet, apiSend, getWidgetKey, startWidgetConversation } from './helpers/api.ts';
import { customerAsksForHuman } from './helpers/tickets.ts';

const TEST_TIMEOUT = 90_000;
/** Both test customers match this search, and nothing in the demo data does. */
const SEARCH = 'Keyboardson';

let url = '';
let page: Page;
let cookie = '';
/** Newest first, as the list shows them. */
let listed: string[] = [];
let ticketNumber = 0;
let draftConversationId = '';

/** What has the focus: a list row's id, the field's accessible label, or the element's tag. */
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const row = el.closest('[data-conversation-id]');
    if (row && el === row) return `row:${row.getAttribute('data-conversation-id')}`;
    const id = el.getAttribute('id');
    const label =
      (id && document.querySelector(`label[for="${id}"]`)?.textContent) || el.getAttribute('aria-label');
    return `${el.tagName.toLowerCase()}:${(label ?? '').replace(/\s+/g, ' ').trim()}`;
  });

const conversationStatus = async (id: string) =>
  ((await apiGet(url, `/api/conversations/${id}`, cookie)) as { status: string }).status;
const ticketStatus = async () =>
  ((await apiGet(url, `/api/tickets/${ticketNumber}`, cookie)) as { status: string }).status;
const announcement = () => page.getByTestId('shortcut-announcement');

describe('Keyboard shortcuts (browser)', () => {
  const suite = setUpAdminSuite('FAILED-keyboard-', async (serverUrl, staffCookie) => {
    const widgetKey = await getWidgetKey(serverUrl, staffCookie);
    const older = await startWidgetConversation(serverUrl, widgetKey, { name: `Kai ${SEARCH}` }, [
      'Do you ship to Tromsø?',
    ]);
    const newer = await startWidgetConversation(serverUrl, widgetKey, { name: `Kira ${SEARCH}` }, [
      'What sizes does the wool sweater come in?',
    ]);
    listed = [newer, older];
    ({ ticketNumber } = await customerAsksForHuman(
      serverUrl,
      staffCookie,
      widgetKey,
      { name: 'Tove Tickett' },
      'Please let me talk to a human about my order',
    ));
    const drafts = (await apiGet(serverUrl, '/api/conversations?hasDrafts=true&limit=1', staffCookie)) as {
      items: Array<{ id: string }>;
    };
    draftConversationId = drafts.items[0]?.id ?? '';
  });
  const { pageErrors } = suite;
  beforeAll(() => {
    ({ cookie, page } = suite as Required<typeof suite>);
    url = suite.server!.url;
  });

  it(
    'j and k move a visible focus through the list, and Enter opens the focused conversation',
    async () => {
      await openSignedIn(page, url, `/conversations?q=${SEARCH}`, CREDS);
      const list = await waitForList(page, (l) => l.rows.length === 2, 'the two test conversations');
      expect(list.rows.map((r) => r.id)).toEqual(listed);

      await page.keyboard.press('j');
      expect(await focused()).toBe(`row:${listed[0]}`);
      // Drawn as focused (the focus ring), not just focused.
      expect(await page.evaluate(() => document.activeElement?.matches(':focus-visible'))).toBe(true);
      await page.keyboard.press('j');
      expect(await focused()).toBe(`row:${listed[1]}`);
      await page.keyboard.press('j'); // the last row stays
      expect(await focused()).toBe(`row:${listed[1]}`);
      await page.keyboard.press('k');
      expect(await focused()).toBe(`row:${listed[0]}`);

      await page.keyboard.press('Enter');
      await page.waitForURL((u) => u.pathname === `/conversations/${listed[0]}`);
      await page.getByTestId('conversation-customer').waitFor();
    },
    TEST_TIMEOUT,
  );

  it(
    'e resolves the open conversation, and in the list the focused one',
    async () => {
      await openSignedIn(page, url, `/conversations/${listed[0]}`, CREDS);
      await page.getByRole('button', { name: 'Resolve' }).waitFor();
      await page.keyboard.press('e');
      await until(
        () => page.getByTestId('conversation-status').textContent(),
        (t) => t === 'Resolved',
        'the status badge to read Resolved',
      );
      expect(await conversationStatus(listed[0])).toBe('resolved');
      await page.keyboard.press('e');
      await until(
        () => announcement().textContent(),
        (t) => t === 'This conversation is already resolved.',
        'the "already resolved" announcement',
      );

      await page.goto(`${url}/conversations?q=${SEARCH}`);
      await waitForList(page, (l) => l.rows.length === 2, 'the two test conversations');
      expect(await conversationStatus(listed[1])).not.toBe('resolved');
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      expect(await focused()).toBe(`row:${listed[1]}`);
      await page.keyboard.press('e');
      await until(
        () => conversationStatus(listed[1]),
        (s) => s === 'resolved',
        'the focused conversation resolved',
      );
      await waitForList(
        page,
        (l) => l.rows.find((r) => r.id === listed[1])?.status === 'Resolved',
        'its row to show Resolved',
      );
      // The row keeps the focus, so j/k carry on from it.
      expect(await focused()).toBe(`row:${listed[1]}`);
    },
    TEST_TIMEOUT,
  );

  it(
    '/ focuses the search, nothing fires while typing or with a modifier, and Escape leaves the field',
    async () => {
      await openSignedIn(page, url, `/conversations?q=${SEARCH}`, CREDS);
      await waitForList(page, (l) => l.rows.length === 2, 'the two test conversations');
      await page.keyboard.press('/');
      expect(await focused()).toBe('input:Search');
      const search = page.getByRole('textbox', { name: 'Search' });
      // The search is selected, ready to be typed over, and the slash was not typed into it.
      expect(
        await search.evaluate((el: HTMLInputElement) => [el.value, el.selectionStart, el.selectionEnd]),
      ).toEqual([SEARCH, 0, SEARCH.length]);
      await page.keyboard.press('End');
      await page.keyboard.press('Escape');
      expect(await focused()).toBe('body');
      expect(await search.inputValue()).toBe(SEARCH);

      for (const key of ['Alt+j', 'Control+j', 'Meta+j', 'Shift+J']) await page.keyboard.press(key);
      expect(await focused()).toBe('body');
      await page.keyboard.press('j');
      expect(await focused()).toBe(`row:${listed[0]}`);

      // On a ticket, r focuses the reply box; keys typed there are text, not shortcuts.
      await page.goto(`${url}/tickets/${ticketNumber}`);
      await page.getByTestId('reply-input').waitFor();
      await page.keyboard.press('r');
      expect(await focused()).toMatch(/^textarea:Reply to /);
      await page.keyboard.type('e j k / ? g t');
      expect(await page.getByTestId('reply-input').inputValue()).toBe('e j k / ? g t');
      expect(new URL(page.url()).pathname).toBe(`/tickets/${ticketNumber}`);
      expect(await page.getByRole('dialog').count()).toBe(0);
      expect(await ticketStatus()).toBe('new');
      await page.keyboard.press('Escape');
      expect(await focused()).toBe('body');
      await page.getByTestId('reply-input').fill('');
      await page.keyboard.press('Escape');
    },
    TEST_TIMEOUT,
  );

  it(
    'on a ticket e resolves only when the status allows it, and says why not otherwise',
    async () => {
      await openSignedIn(page, url, `/tickets/${ticketNumber}`, CREDS);
      await page.getByTestId('ticket-number').waitFor();
      await page.keyboard.press('e');
      await until(
        () => announcement().textContent(),
        (t) => t === 'A New ticket cannot be resolved yet: it can move to Open or Waiting.',
        'the explanation',
      );
      expect(await ticketStatus()).toBe('new');

      expect(
        (await apiSend(url, 'PATCH', `/api/tickets/${ticketNumber}`, cookie, { status: 'open' })).status,
      ).toBe(200);
      await page.reload();
      await until(
        () => page.getByTestId('ticket-status').first().textContent(),
        (t) => t === 'Open',
        'the ticket to show Open',
      );
      await page.keyboard.press('e');
      await until(
        () => page.getByTestId('ticket-status').first().textContent(),
        (t) => t === 'Resolved',
        'the ticket to show Resolved',
      );
      expect(await ticketStatus()).toBe('resolved');
    },
    TEST_TIMEOUT,
  );

  it(
    'r focuses the AI draft, g then t / g then c switch lists, and ? lists every shortcut in a dialog that keeps the keys',
    async () => {
      if (!draftConversationId) throw new Error('the demo data has no conversation with a draft');
      await openSignedIn(page, url, `/conversations/${draftConversationId}`, CREDS);
      await page.getByTestId('draft').waitFor();
      await page.keyboard.press('r');
      expect(await focused()).toBe('textarea:Draft reply');
      await page.keyboard.press('Escape');

      await page.keyboard.press('g');
      await page.keyboard.press('t');
      await page.waitForURL((u) => u.pathname === '/tickets');
      await page.keyboard.press('g');
      await page.keyboard.press('c');
      await page.waitForURL((u) => u.pathname === '/conversations');
      await waitForList(page, (l) => l.rows.length > 0, 'the conversation list');

      await page.keyboard.press('?');
      const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await dialog.waitFor();
      for (const text of [
        'Go to Conversations',
        'Go to Tickets',
        'Next row',
        'Open the focused row',
        'Search the list',
      ]) {
        await dialog.getByText(text).waitFor();
      }
      // Behind the dialog nothing moves.
      await page.keyboard.press('j');
      await page.keyboard.press('g');
      await page.keyboard.press('t');
      expect(new URL(page.url()).pathname).toBe('/conversations');
      expect(
        await page.evaluate(() => document.activeElement?.closest('[data-conversation-id]') ?? null),
      ).toBeNull();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(pageErrors).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});
