// Settings → Data retention in a real browser against the real server (demo data): the 90-day default,
// the next purge with what it deletes, a shorter period saved and kept, the link to expiring conversations.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSignedIn, saveScreenshot } from './helpers/admin.ts';
import { CREDS, setUpAdminSuite } from './helpers/admin-suite.ts';
import { apiGet } from './helpers/api.ts';

const TEST_TIMEOUT = 90_000;

let url = '';
let page: Page;
let cookie = '';

const section = () => page.getByTestId('settings-retention');
const daysInput = () => section().getByRole('textbox', { name: /Keep conversations for/ });

describe('Settings → Data retention (browser)', () => {
  const suite = setUpAdminSuite('FAILED-retention-');
  const { dialogs, cspViolations, pageErrors } = suite;
  beforeAll(() => {
    ({ cookie, page } = suite as Required<typeof suite>);
    url = suite.server!.url;
  });

  it(
    'shows the period and the next purge, saves a shorter period, and links to what expires soon',
    async () => {
      await openSignedIn(page, url, '/settings', CREDS);
      await page.getByRole('tab', { name: 'Data retention' }).click();
      await page.waitForURL((u) => u.pathname === '/settings/retention');
      await daysInput().waitFor();
      expect(await daysInput().inputValue()).toBe('90');
      expect(await section().getByTestId('retention-next-purge').textContent()).toMatch(/^Next purge: .+—/);

      await daysInput().fill('30');
      await section().getByRole('button', { name: 'Save' }).click();
      await section().getByRole('status').filter({ hasText: 'Saved' }).waitFor();
      const stored = (await apiGet(url, '/api/settings/retention', cookie)) as { days: number };
      expect(stored.days).toBe(30);
      await page.reload();
      await daysInput().waitFor();
      expect(await daysInput().inputValue()).toBe('30');
      await saveScreenshot(page, 'settings-retention');

      await section().getByRole('link', { name: 'Review and export them' }).click();
      await page.waitForURL(
        (u) => u.pathname === '/conversations' && u.searchParams.get('expiresWithinDays') === '7',
      );
    },
    TEST_TIMEOUT,
  );

  it('has no dialogs, CSP violations or uncaught page errors across the run', () => {
    expect(dialogs).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
