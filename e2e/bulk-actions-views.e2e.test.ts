// Bulk actions and saved views in a real browser against the real server (demo data): select conversations
// (one by one and a shift-click range) and resolve them, export the selection; select tickets, change
// their priority, see a refused move reported per ticket, delete them; save a view, reload, apply, delete.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSignedIn, saveScreenshot, until, waitForList } from './helpers/admin.ts';
import { CREDS, setUpAdminSuite } from './helpers/admin-suite.ts';
import { apiGet, apiSend } from './helpers/api.ts';
import { waitForTickets } from './helpers/tickets.ts';

const TEST_TIMEOUT = 90_000;

let url = '';
let page: Page;
let cookie = '';

type ApiConversation = { id: string; status: string };
type ApiTicket = { number: number; status: string; priority: string };

const conversationStatus = async (id: string) =>
  ((await apiGet(url, `/api/conversations/${id}`, cookie)) as ApiConversation).status;
const ticketsWhere = async (query: string) =>
  ((await apiGet(url, `/api/tickets?limit=100${query}`, cookie)) as { items: ApiTicket[] }).items;
const bar = (what: 'conversations' | 'tickets') =>
  page.getByRole('region', { name: `Bulk actions for the selected ${what}` });
const outcome = () => page.getByTestId('bulk-outcome');

describe('Bulk actions and saved views (browser)', () => {
  const suite = setUpAdminSuite('FAILED-bulk-views-');
  const { dialogs, cspViolations, pageErrors } = suite;
  beforeAll(() => {
    ({ cookie, page } = suite as Required<typeof suite>);
    url = suite.server!.url;
  });

  it(
    'selects conversations one by one and by shift-click range, resolves them, exports the selection',
    async () => {
      await openSignedIn(page, url, '/conversations?status=unresolved', CREDS);
      const list = await waitForList(page, (l) => l.rows.length >= 4, 'unresolved conversations');
      const picked = list.rows.slice(0, 3);
      const checkbox = (id: string) => page.locator(`[data-conversation-id="${id}"]`).getByRole('checkbox');

      // Each box is named after its customer.
      await page
        .getByRole('checkbox', { name: `Select conversation from ${picked[0].customer}` })
        .first()
        .check();
      await bar('conversations').getByText('1 selected').waitFor();
      await checkbox(picked[2].id).click({ modifiers: ['Shift'] });
      await bar('conversations').getByText('3 selected').waitFor();
      expect(await checkbox(picked[1].id).isChecked()).toBe(true);
      expect(await checkbox(list.rows[3].id).isChecked()).toBe(false);

      // The header box selects the whole page, and clears it again.
      const all = page.getByRole('checkbox', { name: 'Select all conversations on this page' });
      await all.check();
      await bar('conversations').getByText(`${list.rows.length} selected`).waitFor();
      await all.uncheck();
      await bar('conversations').waitFor({ state: 'detached' });
      for (const row of picked) await checkbox(row.id).check();
      await saveScreenshot(page, 'conversations-bulk-bar');

      // Export selected: exactly these conversations.
      await bar('conversations').getByRole('button', { name: 'Export selected' }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('menuitem', { name: /^NDJSON:/ }).click(),
      ]);
      const exported = fs
        .readFileSync((await download.path())!, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => (JSON.parse(line) as { id: string }).id);
      expect(exported.sort()).toEqual(picked.map((r) => r.id).sort());

      await bar('conversations').getByRole('button', { name: 'Resolve' }).click();
      await outcome().getByText('3 conversations resolved').waitFor();
      // The list refreshes (they leave the Unresolved filter) and the selection clears.
      await waitForList(
        page,
        (l) => picked.every((p) => !l.rows.some((r) => r.id === p.id)),
        'the resolved conversations gone from the Unresolved list',
      );
      expect(await bar('conversations').count()).toBe(0);
      for (const row of picked) expect(await conversationStatus(row.id)).toBe('resolved');
    },
    TEST_TIMEOUT,
  );

  it(
    'changes the priority of selected tickets, reports a refused move per ticket, deletes them',
    async () => {
      const resolved = (await ticketsWhere('&status=resolved'))[0];
      const fresh =
        (await ticketsWhere('&status=new&priority=low'))[0] ?? (await ticketsWhere('&status=new'))[0];
      expect(resolved && fresh).toBeTruthy();
      const numbers = [fresh.number, resolved.number];

      await openSignedIn(page, url, '/tickets?sort=created', CREDS);
      await waitForTickets(
        page,
        (l) => numbers.every((n) => l.rows.some((r) => r.number === n)),
        'both tickets',
      );
      const checkbox = (n: number) => page.locator(`[data-ticket-number="${n}"]`).getByRole('checkbox');
      const select = async () => {
        for (const n of numbers) await checkbox(n).check();
        await bar('tickets').getByText('2 selected').waitFor();
      };

      await select();
      await bar('tickets').getByRole('button', { name: 'Set priority' }).click();
      await page.getByRole('menuitem', { name: 'Urgent' }).click();
      await outcome().getByText('2 tickets updated').waitFor();
      await waitForTickets(
        page,
        (l) => numbers.every((n) => l.rows.find((r) => r.number === n)?.priority === 'urgent'),
        'both tickets urgent',
      );
      expect(await bar('tickets').count()).toBe(0);

      // Waiting is allowed from New, not from Resolved: that one is named with the reason, the other moves.
      await select();
      await bar('tickets').getByRole('button', { name: 'Set status' }).click();
      await page.getByRole('menuitem', { name: 'Waiting' }).click();
      await outcome().getByText('1 ticket updated').waitFor();
      await outcome().getByText(`#${resolved.number}: A resolved ticket cannot become waiting`).waitFor();
      await waitForTickets(
        page,
        (l) => l.rows.find((r) => r.number === fresh.number)?.status === 'waiting',
        'the new ticket waiting',
      );
      expect((await ticketsWhere('')).find((t) => t.number === resolved.number)?.status).toBe('resolved');
      await saveScreenshot(page, 'tickets-bulk-outcome');

      await select();
      await bar('tickets').getByRole('button', { name: 'Delete…' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete 2 tickets' }).click();
      await outcome().getByText('2 tickets deleted').waitFor();
      await waitForTickets(
        page,
        (l) => numbers.every((n) => !l.rows.some((r) => r.number === n)),
        'both gone',
      );
      for (const n of numbers) {
        const res = await fetch(`${url}/api/tickets/${n}`, { headers: { cookie } });
        expect(res.status).toBe(404);
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'saves the filters as a view, keeps it after a reload, applies it, refuses a duplicate name, deletes it',
    async () => {
      await openSignedIn(page, url, '/tickets', CREDS);
      await waitForTickets(page, (l) => l.rows.length > 0, 'tickets');
      await page.getByLabel('Priority', { exact: true }).selectOption('high');
      await waitForTickets(page, (l) => l.url.searchParams.get('priority') === 'high', 'High filter');

      const openViews = () => page.getByRole('button', { name: 'Views' }).click();
      await openViews();
      await page.getByRole('menuitem', { name: 'Save current filters…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Save view' });
      expect(await dialog.getByTestId('view-filters').textContent()).toBe('Priority: high');
      await dialog.getByLabel('Name').fill('High priority');
      await dialog.getByRole('button', { name: 'Save view' }).click();
      await dialog.waitFor({ state: 'detached' });

      // Everyone in the shop sees it: it is on the server.
      const saved = (await apiGet(url, '/api/views?kind=tickets', cookie)) as {
        items: Array<{ id: string }>;
      };
      expect(saved.items).toHaveLength(1);

      await page.goto(`${url}/tickets`);
      await page.reload();
      await waitForTickets(
        page,
        (l) => !l.url.searchParams.has('priority') && l.rows.length > 0,
        'no filter',
      );
      await openViews();
      await saveScreenshot(page, 'saved-views-menu');
      await page.getByRole('menuitem', { name: 'High priority' }).click();
      await waitForTickets(
        page,
        (l) =>
          l.url.searchParams.get('priority') === 'high' &&
          l.rows.length > 0 &&
          l.rows.every((r) => r.priority === 'high'),
        'the view applied',
      );
      expect(await page.getByLabel('Priority', { exact: true }).inputValue()).toBe('high');

      // The same name again is refused with the server's reason; nothing is added.
      await openViews();
      await page.getByRole('menuitem', { name: 'Save current filters…' }).click();
      await dialog.getByLabel('Name').fill('high PRIORITY');
      await dialog.getByRole('button', { name: 'Save view' }).click();
      await dialog.getByText('There is already a view named "high PRIORITY"').waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'detached' });

      await openViews();
      await page.getByRole('menuitem', { name: 'Manage views…' }).click();
      const manage = page.getByRole('dialog', { name: 'Saved views' });
      await manage.getByRole('button', { name: 'Delete view High priority…' }).click();
      await manage.getByRole('button', { name: 'Delete view High priority', exact: true }).click();
      await manage.getByTestId('saved-view-row').waitFor({ state: 'detached' });
      await until(
        async () => ((await apiGet(url, '/api/views?kind=tickets', cookie)) as { items: unknown[] }).items,
        (items) => items.length === 0,
        'the view deleted',
      );
      await page.keyboard.press('Escape');
      await openViews();
      await page.getByRole('menuitem', { name: 'No saved views yet' }).waitFor();

      // Deleted for good: deleting it again is not found.
      expect((await apiSend(url, 'DELETE', `/api/views/${saved.items[0].id}`, cookie)).status).toBe(404);

      expect(dialogs).toEqual([]);
      expect(cspViolations).toEqual([]);
      expect(pageErrors).toEqual([]);
    },
    TEST_TIMEOUT,
  );
});
