// Exporting conversations in a real browser against the real server (demo data): the Export menu on the
// list downloads what the filters select, the "Expires within 7 days" filter, "Deleted in N days" on rows
// and in the conversation view, and the view's own Export.
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Download, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSignedIn, queryOf, saveScreenshot, waitForList } from './helpers/admin.ts';
import { CREDS, setUpAdminSuite } from './helpers/admin-suite.ts';
import { apiGet } from './helpers/api.ts';
import type { RunningServer } from './helpers/server.ts';

const TEST_TIMEOUT = 90_000;
const DAY_MS = 86_400_000;

let server: RunningServer | undefined;
let page: Page;
let cookie = '';

type Item = { id: string; expiresAt: string };

/** Every conversation id the list API gives for a query, all pages. */
async function listIds(query: Record<string, string> = {}): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ ...query, limit: '100', ...(cursor ? { cursor } : {}) });
    const body = (await apiGet(server!.url, `/api/conversations?${params}`, cookie)) as {
      items: Item[];
      nextCursor: string | null;
    };
    items.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return items;
}

/** Opens the Export menu, picks a format and waits for the browser's download. */
async function exportAs(format: 'NDJSON' | 'CSV'): Promise<{ download: Download; text: string }> {
  await page.getByRole('button', { name: 'Export' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: new RegExp(`^${format}:`) }).click(),
  ]);
  const file = await download.path();
  return { download, text: fs.readFileSync(file, 'utf8') };
}

const ndjsonIds = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line).id as string);

describe('Conversation export (browser)', () => {
  const suite = setUpAdminSuite('FAILED-conversations-export-');
  const { dialogs, cspViolations, pageErrors } = suite;
  beforeAll(() => {
    server = suite.server;
    page = suite.page!;
    cookie = suite.cookie;
  });

  it(
    'exports every conversation as NDJSON from the list, tool calls included',
    async () => {
      await openSignedIn(page, server!.url, '/conversations', CREDS);
      await waitForList(page, (l) => l.rows.length > 0, 'the unfiltered list');
      const { download, text } = await exportAs('NDJSON');
      expect(download.suggestedFilename()).toMatch(/^conversations-\d{4}-\d{2}-\d{2}\.ndjson$/);
      const all = await listIds();
      expect(ndjsonIds(text)).toEqual(all.map((i) => i.id));
      const lines = text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
      const parts = lines.flatMap((c) =>
        c.messages.flatMap((m: { parts: Array<{ type: string }> }) => m.parts),
      );
      expect(parts.some((p) => p.type === 'tool-call')).toBe(true);
      expect(parts.some((p) => p.type === 'tool-result')).toBe(true);
    },
    TEST_TIMEOUT,
  );

  it(
    'filters to conversations deleted within 7 days, shows when, and exports just those as CSV',
    async () => {
      await openSignedIn(page, server!.url, '/conversations', CREDS);
      await waitForList(page, (l) => l.rows.length > 0, 'the unfiltered list');
      // Every row says when it is deleted.
      const deletions = await page.getByTestId('conversation-deletion').allInnerTexts();
      expect(deletions.length).toBeGreaterThan(10);
      for (const text of deletions) expect(text).toMatch(/^(Deleted in \d+ days|Deleted within a day)$/);

      const expiring = page.getByRole('switch', { name: 'Expires within 7 days' });
      await expiring.check();
      const filtered = await waitForList(
        page,
        (l) => l.url.searchParams.get('expiresWithinDays') === '7',
        'the list with expiresWithinDays=7',
      );
      expect(queryOf(filtered)).toEqual({ expiresWithinDays: '7' });
      const soon = await listIds({ expiresWithinDays: '7' });
      // The demo shop has conversations from the last 85 days: a few are close to the 90-day limit.
      expect(soon.length).toBeGreaterThan(0);
      expect(filtered.rows.map((r) => r.id)).toEqual(soon.map((i) => i.id));
      for (const item of soon) expect(Date.parse(item.expiresAt)).toBeLessThan(Date.now() + 7 * DAY_MS);
      for (const text of await page.getByTestId('conversation-deletion').allInnerTexts()) {
        const days = Number(/in (\d+) days/.exec(text)?.[1] ?? 1);
        expect(days).toBeLessThanOrEqual(7);
      }
      await saveScreenshot(page, 'conversations-expiring');

      const { download, text } = await exportAs('CSV');
      expect(download.suggestedFilename()).toMatch(/^conversations-\d{4}-\d{2}-\d{2}\.csv$/);
      const rows: Array<Record<string, string>> = parse(text, { bom: true, columns: true });
      expect([...new Set(rows.map((r) => r.conversation_id))]).toEqual(soon.map((i) => i.id));

      // Unchecking drops the filter from the URL.
      await expiring.uncheck();
      await waitForList(
        page,
        (l) => !l.url.searchParams.has('expiresWithinDays'),
        'the unfiltered list again',
      );
      // A shared link keeps it.
      await page.goto(`${server!.url}/conversations?expiresWithinDays=7`);
      await waitForList(page, (l) => l.rows.length === soon.length, 'the expiring list from a link');
      expect(await page.getByRole('switch', { name: 'Expires within 7 days' }).isChecked()).toBe(true);
    },
    TEST_TIMEOUT,
  );

  it(
    'shows the deletion date in the conversation view and exports that one conversation',
    async () => {
      const [first] = await listIds();
      await openSignedIn(page, server!.url, `/conversations/${first.id}`, CREDS);
      const deletion = page.getByTestId('conversation-meta').getByTestId('conversation-deletion');
      const days = Math.ceil((Date.parse(first.expiresAt) - Date.now()) / DAY_MS);
      expect(await deletion.textContent()).toBe(`Deleted in ${days} days`);
      expect(await deletion.getAttribute('title')).toMatch(/^Deleted by the data retention policy on /);
      await saveScreenshot(page, 'conversation-view-export');

      const { download, text } = await exportAs('NDJSON');
      expect(download.suggestedFilename()).toMatch(
        new RegExp(`^conversation-${first.id}-\\d{4}-\\d{2}-\\d{2}\\.ndjson$`),
      );
      expect(ndjsonIds(text)).toEqual([first.id]);
    },
    TEST_TIMEOUT,
  );

  it('has no dialogs, CSP violations or uncaught page errors across the run', () => {
    expect(dialogs).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
