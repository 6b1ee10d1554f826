// A page still open on an old build (its chunks deleted by a deploy) reloads onto the new build when it
// cannot load the next page's chunk, instead of failing: simulated by answering that chunk once with 404.
import { describe, expect, it } from 'vitest';
import { openSignedIn, until } from './helpers/admin.ts';
import { CREDS, setUpAdminSuite } from './helpers/admin-suite.ts';

const TEST_TIMEOUT = 90_000;

describe('Admin after a deploy (browser)', () => {
  const suite = setUpAdminSuite('FAILED-new-version-');
  const page = () => suite.page!;

  it(
    'reloads when a page chunk of the old build is gone, and shows the page',
    async () => {
      await openSignedIn(page(), suite.server!.url, '/conversations', CREDS);
      await page().locator('[data-testid="conversation-row"]').first().waitFor();
      // Lost on a reload.
      await page().evaluate(() => Object.assign(window, { oldBuild: true }));
      let refused = 0;
      await page().route(/\/assets\/settings-page-[^/]+\.js$/, async (route) => {
        if (refused++ === 0) await route.fulfill({ status: 404, body: 'gone' });
        else await route.continue();
      });
      await page().getByRole('link', { name: 'Settings' }).first().click();
      await page().getByRole('tab', { name: 'AI' }).waitFor();
      expect(refused).toBeGreaterThanOrEqual(2);
      await until(
        () => page().evaluate(() => (window as unknown as { oldBuild?: boolean }).oldBuild ?? false),
        (old) => old === false,
        'the page to have reloaded',
      );
      expect(new URL(page().url()).pathname).toBe('/settings/ai');
    },
    TEST_TIMEOUT,
  );
});
