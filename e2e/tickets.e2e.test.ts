// The Tickets page in a real browser against the real server (demo data): status tabs with counts, filters
// and sort in the URL, "Load more", a ticket the AI opens appearing live, and markup in customer text.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSignedIn, saveScreenshot } from './helpers/admin.ts';
import { CREDS, setUpAdminSuite } from './helpers/admin-suite.ts';
import { apiGet, getWidgetKey } from './helpers/api.ts';
import { injectedElements, NO_INJECTED } from './helpers/markup.ts';
import { customerAsksForHuman, readTickets, waitForTickets } from './helpers/tickets.ts';

const TEST_TIMEOUT = 90_000;
// The brief's payloads: a dialog (alert) would be recorded, an element from them counted.
const XSS_NAME = '<img src=x onerror=alert(1)>';
const XSS_TEXT =
  '<script>alert(2)</script><img src=x onerror="alert(3)"> I want to talk to a human about my order';

type Counts = { all: number; new: number; open: number; waiting: number; resolved: number };

let url = '';
let page: Page;
let cookie = '';

const countsFor = async (query: string) =>
  ((await apiGet(url, `/api/tickets?limit=1${query}`, cookie)) as { counts: Counts }).counts;

describe('Tickets page (browser)', () => {
  const suite = setUpAdminSuite('FAILED-tickets-');
  const { dialogs, cspViolations, pageErrors } = suite;
  beforeAll(() => {
    ({ cookie, page } = suite as Required<typeof suite>);
    url = suite.server!.url;
  });

  it(
    'shows the demo tickets with counts, filters by status tab and priority in the URL, keeps them on reload',
    async () => {
      await openSignedIn(page, url, '/tickets', CREDS);
      const counts = await countsFor('');
      let list = await waitForTickets(page, (l) => l.counts.all === counts.all, 'every row and the counts');
      expect(list.counts).toEqual(counts);
      expect(list.rows).toHaveLength(Math.min(counts.all, 50));
      // Urgent and high rows stand out; the navigation shows how many are New.
      for (const row of list.rows)
        expect(row.accent).toBe(['urgent', 'high'].includes(row.priority) ? row.priority : '');
      expect(list.rows.some((r) => r.accent === 'high')).toBe(true);
      const badge = await page.getByTestId('nav-new-tickets').textContent();
      expect(Number.parseInt(badge ?? '', 10)).toBe(counts.new);
      await saveScreenshot(page, 'tickets-list');

      await page.getByRole('tab', { name: /^New/ }).click();
      list = await waitForTickets(
        page,
        (l) => l.url.searchParams.get('status') === 'new' && l.rows.every((r) => r.status === 'new'),
        'the New tab',
      );
      expect(list.rows).toHaveLength(counts.new);

      await page.getByLabel('Priority', { exact: true }).selectOption('high');
      const highCounts = await countsFor('&priority=high');
      list = await waitForTickets(
        page,
        (l) =>
          l.url.searchParams.get('priority') === 'high' &&
          l.rows.every((r) => r.status === 'new' && r.priority === 'high') &&
          l.counts.all === highCounts.all,
        'New and High',
      );
      // The counts honour the priority, not the status tab.
      expect(list.counts).toEqual(highCounts);
      expect(list.rows).toHaveLength(highCounts.new);

      await page.reload();
      list = await waitForTickets(
        page,
        (l) => l.counts.all === highCounts.all,
        'the same list after a reload',
      );
      expect(Object.fromEntries(list.url.searchParams)).toEqual({ status: 'new', priority: 'high' });
      expect(list.rows.every((r) => r.status === 'new' && r.priority === 'high')).toBe(true);
      expect(await page.getByLabel('Priority', { exact: true }).inputValue()).toBe('high');
      expect(await page.getByRole('tab', { name: /^New/ }).getAttribute('aria-selected')).toBe('true');

      // "Reset filters" drops the priority, keeps the tab.
      await page.getByRole('button', { name: 'Reset filters' }).click();
      list = await waitForTickets(page, (l) => !l.url.searchParams.has('priority'), 'the priority reset');
      expect(list.url.searchParams.get('status')).toBe('new');
      expect(list.rows).toHaveLength(counts.new);
    },
    TEST_TIMEOUT,
  );

  it(
    'searches, sorts by creation and pages with "Load more" without repeats or gaps',
    async () => {
      const all = await countsFor('');
      // Smaller pages than the app asks for, so the demo's tickets take several "Load more" clicks.
      await page.route(/\/api\/tickets\?/, (route) => {
        const asked = new URL(route.request().url());
        if (asked.searchParams.get('limit') !== '50') return route.continue();
        asked.searchParams.set('limit', '7');
        return route.continue({ url: asked.toString() });
      });
      try {
        await openSignedIn(page, url, '/tickets', CREDS);
        await page.getByLabel('Sort by', { exact: true }).selectOption('created');
        let list = await waitForTickets(page, (l) => l.url.searchParams.get('sort') === 'created', 'sorted');
        expect(list.rows).toHaveLength(7);
        const loadMore = page.getByRole('button', { name: 'Load more' });
        while (await loadMore.isVisible()) {
          const shown = list.rows.length;
          await loadMore.click();
          list = await waitForTickets(page, (l) => l.rows.length > shown, 'the next page');
        }
        const numbers = list.rows.map((r) => r.number);
        expect(numbers).toHaveLength(all.all);
        expect(new Set(numbers).size).toBe(all.all);
        // Ticket numbers follow creation order: newest first means descending numbers.
        expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
      } finally {
        await page.unrouteAll();
      }

      const search = page.getByRole('textbox', { name: 'Search' });
      const someone = (await readTickets(page)).rows.find((r) => r.customer !== 'Anonymous')!.customer;
      await search.fill(someone);
      await search.press('Enter');
      const found = await waitForTickets(page, (l) => l.url.searchParams.get('q') === someone, 'searched');
      expect(found.rows.length).toBeGreaterThan(0);
      expect(found.rows.every((r) => r.customer === someone)).toBe(true);
    },
    TEST_TIMEOUT,
  );

  it(
    'shows a ticket the AI opens without a reload, with markup in customer text shown as text',
    async () => {
      await openSignedIn(page, url, '/tickets', CREDS);
      const before = await waitForTickets(page, (l) => l.rows.length > 0, 'rows');
      const widgetKey = await getWidgetKey(url, cookie);
      const { ticketNumber } = await customerAsksForHuman(
        url,
        cookie,
        widgetKey,
        { name: XSS_NAME },
        XSS_TEXT,
      );

      // No reload: the admin event stream brings it.
      const list = await waitForTickets(
        page,
        (l) => l.rows.some((r) => r.number === ticketNumber),
        'the new ticket',
      );
      expect(list.counts.all).toBe(before.counts.all + 1);
      expect(list.rows.find((r) => r.number === ticketNumber)!.customer).toBe(XSS_NAME);
      expect(await injectedElements(page)).toEqual(NO_INJECTED);

      await page.locator(`[data-testid="ticket-row"][data-ticket-number="${ticketNumber}"]`).click();
      await page.waitForURL((u) => u.pathname === `/tickets/${ticketNumber}`);
      await page.getByTestId('ticket-customer').getByText(XSS_NAME, { exact: true }).waitFor();
      const message = page.locator('[data-testid="message"][data-role="customer"]').first();
      await message.getByText(XSS_TEXT, { exact: true }).waitFor();
      expect(await page.getByTestId('ticket-reason').textContent()).toBe('Customer asked for a human');
      expect(await injectedElements(page)).toEqual(NO_INJECTED);
      await saveScreenshot(page, 'ticket-xss');
      expect(dialogs).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it('has no dialogs, CSP violations or uncaught page errors across the run', () => {
    expect(dialogs).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
