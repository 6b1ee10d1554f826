// The Conversations list in a real browser against the real server (demo data): sign-in, list, paging,
// filters, search, and the sign-in redirect that keeps a filtered link. (Conversation view: conversations-view.)
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FACTS } from '../src/seed/seed-demo-shop.ts';
import {
  type ListState,
  openSignedIn,
  queryOf,
  readList,
  saveScreenshot,
  signInThroughForm,
  waitForList,
} from './helpers/admin.ts';
import { CREDS, setUpConversationsSuite, TEST_TIMEOUT } from './helpers/conversations-e2e-setup.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type RunningServer } from './helpers/server.ts';

let server: RunningServer | undefined;
let browser: Browser | undefined;
let page: Page;
let xssConversationId = '';

/** The unfiltered first page as the first test saw it. */
let allRows: ListState['rows'] = [];

const statusBadge = () => page.getByTestId('conversation-status');
const badgeText = async () => ((await statusBadge().textContent()) ?? '').trim();

const ids = (list: ListState) => list.rows.map((r) => r.id).join();

describe('Conversations (browser)', () => {
  const suite = setUpConversationsSuite('FAILED-conversations-list-');
  const { dialogs, cspViolations, pageErrors } = suite;
  beforeAll(() => {
    ({ server, browser } = suite);
    page = suite.page!;
    xssConversationId = suite.xssConversationId;
  });

  it(
    'signs in through the login page and lands on the Conversations list, newest first',
    async () => {
      await page.goto(`${server!.url}/conversations`);
      await page.waitForURL((url) => url.pathname === '/login');

      // A wrong password is refused with a message, and the form stays.
      await page.getByLabel('Email').fill(ADMIN_EMAIL);
      await page.getByLabel('Password').fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('Could not sign you in').waitFor();
      expect(new URL(page.url()).pathname).toBe('/login');

      await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      expect(new URL(page.url()).pathname).toBe('/conversations');
      await page.getByRole('heading', { name: 'Conversations', exact: true }).waitFor();

      const list = await waitForList(page, (l) => l.rows.length > 0, 'rows on the first page');
      allRows = list.rows;
      expect(list.rows.length).toBeGreaterThan(10);
      // Newest first: the start dates of the first rows never go up.
      const first = list.rows.slice(0, 15).map((r) => Date.parse(r.startedAt));
      expect(first.every((t) => Number.isFinite(t))).toBe(true);
      for (let i = 1; i < first.length; i++) expect(first[i]).toBeLessThanOrEqual(first[i - 1]);
      // The newest conversation is the one the widget started moments ago.
      expect(list.rows[0].id).toBe(xssConversationId);
      // Every row has the columns the spec lists.
      for (const row of list.rows) {
        expect(['Draft', 'Resolved', 'Unresolved']).toContain(row.status);
        expect(row.customer).not.toBe('');
        expect(['Widget', 'Gmail', 'Outlook', 'Email', 'API']).toContain(row.channel);
      }
      await saveScreenshot(page, 'conversations-list');

      // Paging continues the order: page 2 starts no later than page 1 ends, and Previous page comes back.
      await page.getByText('Page 1 ·').waitFor();
      await page.getByRole('button', { name: 'Next page' }).click();
      const page2 = await waitForList(
        page,
        (l) =>
          l.url.searchParams.has('cursor') &&
          l.rows.length > 0 &&
          !l.rows.some((r) => r.id === list.rows[0].id),
        'page 2',
      );
      await page.getByText('Page 2 ·').waitFor();
      expect(page2.rows.filter((r) => list.rows.some((p1) => p1.id === r.id))).toEqual([]);
      const lastOfPage1 = Date.parse(list.rows.at(-1)!.startedAt);
      expect(Date.parse(page2.rows[0].startedAt)).toBeLessThanOrEqual(lastOfPage1);
      const dates2 = page2.rows.map((r) => Date.parse(r.startedAt));
      for (let i = 1; i < dates2.length; i++) expect(dates2[i]).toBeLessThanOrEqual(dates2[i - 1]);
      await page.getByRole('button', { name: 'Previous page' }).click();
      const back1 = await waitForList(
        page,
        (l) => !l.url.searchParams.has('cursor') && ids(l) === ids(list),
        'page 1',
      );
      expect(back1.rows.length).toBe(list.rows.length);
    },
    TEST_TIMEOUT,
  );

  it(
    'filters by status and channel, by "Has drafts", keeps filters in the URL and in history, and resets them',
    async () => {
      await openSignedIn(page, server!.url, '/conversations', CREDS);
      const unfiltered = await waitForList(page, (l) => l.rows.length > 0, 'unfiltered rows');

      // Status: Resolved.
      await page.getByLabel('Status', { exact: true }).selectOption('resolved');
      const resolved = await waitForList(
        page,
        (l) =>
          l.url.searchParams.get('status') === 'resolved' && l.rows.every((r) => r.status === 'Resolved'),
        'only Resolved rows with status=resolved in the URL',
      );
      expect(resolved.rows.length).toBeGreaterThan(0);
      expect(queryOf(resolved)).toEqual({ status: 'resolved' });
      expect(new Set(resolved.rows.map((r) => r.channel)).size).toBeGreaterThan(1);

      // Plus Channel: Gmail.
      await page.getByLabel('Channel', { exact: true }).selectOption('gmail');
      const resolvedGmail = await waitForList(
        page,
        (l) =>
          l.url.searchParams.get('channel') === 'gmail' &&
          l.rows.every((r) => r.status === 'Resolved' && r.channel === 'Gmail'),
        'only Resolved Gmail rows',
      );
      expect(resolvedGmail.rows.length).toBeGreaterThan(0);
      expect(queryOf(resolvedGmail)).toEqual({ status: 'resolved', channel: 'gmail' });

      // Back: the status filter alone again, with the same rows as before.
      await page.goBack();
      const back = await waitForList(
        page,
        (l) =>
          !l.url.searchParams.has('channel') &&
          l.rows.map((r) => r.id).join() === resolved.rows.map((r) => r.id).join(),
        'Back to the Resolved-only list',
      );
      expect(queryOf(back)).toEqual({ status: 'resolved' });
      expect(await page.getByLabel('Status', { exact: true }).inputValue()).toBe('resolved');
      expect(await page.getByLabel('Channel', { exact: true }).inputValue()).toBe('');

      // Forward restores the combination.
      await page.goForward();
      await waitForList(
        page,
        (l) => l.url.searchParams.get('channel') === 'gmail' && l.rows.every((r) => r.channel === 'Gmail'),
        'Forward to Resolved + Gmail',
      );
      expect(await page.getByLabel('Channel', { exact: true }).inputValue()).toBe('gmail');

      // Reset filters: everything again.
      await page.getByRole('button', { name: 'Reset filters' }).click();
      const reset = await waitForList(
        page,
        (l) =>
          l.url.search === '' && l.rows.map((r) => r.id).join() === unfiltered.rows.map((r) => r.id).join(),
        'the unfiltered list after Reset filters',
      );
      expect(queryOf(reset)).toEqual({});
      expect(await page.getByLabel('Status', { exact: true }).inputValue()).toBe('');
      expect(await page.getByLabel('Channel', { exact: true }).inputValue()).toBe('');

      // Has drafts: only the Gmail (draft mode) conversations whose AI reply waits for review.
      const hasDrafts = page.getByRole('switch', { name: 'Has drafts' });
      await hasDrafts.check();
      const drafts = await waitForList(
        page,
        (l) => l.url.searchParams.get('hasDrafts') === 'true' && l.rows.every((r) => r.status === 'Draft'),
        'only conversations with drafts',
      );
      expect(drafts.rows.length).toBeGreaterThan(0);
      expect(queryOf(drafts)).toEqual({ hasDrafts: 'true' });
      expect(drafts.rows.every((r) => r.channel === 'Gmail')).toBe(true);
      expect(await hasDrafts.isChecked()).toBe(true);
      await saveScreenshot(page, 'conversations-has-drafts');

      // Such a conversation shows the pending draft.
      await page.getByTestId('conversation-row').first().click();
      await page.waitForURL((url) => url.pathname === `/conversations/${drafts.rows[0].id}`);
      await page.getByTestId('draft').waitFor();
      expect(await badgeText()).toBe('Draft');
      // The back link returns to the filtered list.
      await page.getByRole('link', { name: 'Conversation list' }).click();
      const again = await waitForList(
        page,
        (l) => l.url.searchParams.get('hasDrafts') === 'true',
        'the drafts list again via the back link',
      );
      expect(again.rows.map((r) => r.id)).toEqual(drafts.rows.map((r) => r.id));
      expect(await page.getByRole('switch', { name: 'Has drafts' }).isChecked()).toBe(true);

      // Unchecking it drops the filter.
      await page.getByRole('switch', { name: 'Has drafts' }).uncheck();
      await waitForList(
        page,
        (l) =>
          l.url.search === '' && l.rows.map((r) => r.id).join() === unfiltered.rows.map((r) => r.id).join(),
        'the unfiltered list after unchecking Has drafts',
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'searches by customer name and by message text; a nonsense term shows the empty state',
    async () => {
      await openSignedIn(page, server!.url, '/conversations', CREDS);
      await waitForList(page, (l) => l.rows.length > 0, 'unfiltered rows');
      const search = page.getByRole('textbox', { name: 'Search' });
      const { name } = DEMO_FACTS.customerWithOrder;

      // The demo customer's name, typed (the box searches by itself after a short pause).
      await search.pressSequentially(name, { delay: 20 });
      const byName = await waitForList(
        page,
        (l) => l.url.searchParams.get('q') === name && l.rows.every((r) => r.customer === name),
        `only ${name}'s conversations`,
      );
      expect(byName.rows.length).toBeGreaterThan(0);

      // A word from inside a message: the rows found really contain it.
      const word = DEMO_FACTS.searchWord;
      await search.fill(word);
      await search.press('Enter');
      const byWord = await waitForList(
        page,
        (l) => l.url.searchParams.get('q') === word && ids(l) !== ids(byName),
        `rows for "${word}"`,
      );
      expect(byWord.rows.length).toBeGreaterThan(0);
      expect(byWord.empty).toBe(false);
      await page.getByTestId('conversation-row').first().click();
      await page.waitForURL((url) => url.pathname === `/conversations/${byWord.rows[0].id}`);
      await page.getByTestId('message').first().waitFor();
      const texts = await page.getByTestId('message').allInnerTexts();
      expect(texts.some((t) => t.toLowerCase().includes(word.toLowerCase()))).toBe(true);
      // Back to the results, with the search still in the box.
      await page.goBack();
      await waitForList(
        page,
        (l) => l.url.searchParams.get('q') === word,
        'the word search again after Back',
      );
      expect(await search.inputValue()).toBe(word);

      // Nonsense: the empty state, whose "Clear filters" brings every conversation back.
      await search.fill('qxzzyvplorkh');
      await search.press('Enter');
      const none = await waitForList(
        page,
        (l) => l.url.searchParams.get('q') === 'qxzzyvplorkh' && l.empty,
        'the empty state for a nonsense term',
      );
      expect(none.rows).toEqual([]);
      await page.getByTestId('empty-state').getByText('No conversations match these filters').waitFor();
      await saveScreenshot(page, 'conversations-search-empty');
      await page.getByRole('button', { name: 'Clear filters' }).click();
      const cleared = await waitForList(
        page,
        (l) => l.url.search === '' && l.rows.length > 0,
        'rows after Clear',
      );
      expect(await search.inputValue()).toBe('');
      if (allRows.length) expect(cleared.rows.map((r) => r.id)).toEqual(allRows.map((r) => r.id));

      // Back after clearing returns to the nonsense search (its empty state).
      await page.goBack();
      await waitForList(page, (l) => l.url.searchParams.get('q') === 'qxzzyvplorkh' && l.empty, 'Back to it');
      expect(await search.inputValue()).toBe('qxzzyvplorkh');
    },
    TEST_TIMEOUT,
  );

  it(
    'sends a signed-out visitor of a filtered link to sign in, then back to that very link',
    async () => {
      const fresh = await browser!.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
      try {
        const other = await fresh.newPage();
        other.setDefaultTimeout(15_000);
        await other.goto(`${server!.url}/conversations?status=resolved&channel=gmail`);
        await other.waitForURL((url) => url.pathname === '/login');
        expect(new URL(other.url()).searchParams.get('next')).toBe(
          '/conversations?status=resolved&channel=gmail',
        );
        await signInThroughForm(other, ADMIN_EMAIL, ADMIN_PASSWORD);
        const list = await waitForList(
          other,
          (l) => l.rows.length > 0 && l.rows.every((r) => r.status === 'Resolved' && r.channel === 'Gmail'),
          'the filtered list after sign-in',
        );
        expect(list.url.pathname).toBe('/conversations');
        expect(queryOf(list)).toEqual({ status: 'resolved', channel: 'gmail' });
        expect(await other.getByLabel('Status', { exact: true }).inputValue()).toBe('resolved');
        expect(await other.getByLabel('Channel', { exact: true }).inputValue()).toBe('gmail');

        // Signing out ends it: the list is no longer reachable.
        await other.getByRole('button', { name: 'Sign out' }).click();
        await other.waitForURL((url) => url.pathname === '/login');
        await other.goto(`${server!.url}/conversations`);
        await other.waitForURL((url) => url.pathname === '/login');
        expect(await other.getByTestId('conversation-row').count()).toBe(0);
      } finally {
        await fresh.close();
      }
    },
    TEST_TIMEOUT,
  );

  it('has no dialogs, CSP violations or uncaught page errors across the run', async () => {
    const list = await readList(page);
    expect(list.url.origin).toBe(server!.url.replace(/\/$/, ''));
    expect(dialogs).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
