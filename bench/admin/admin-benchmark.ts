import { launchBrowser } from '../../e2e/helpers/browser.ts';
import { BENCH_EMAIL, BENCH_PASSWORD, findSeededShop, seedBulk } from '../conversations/seed-bulk.ts';
import type { BenchArgs } from '../lib/args.ts';
import { openBenchDatabase } from '../lib/bench-db.ts';
import { startProductServer } from '../lib/product-server.ts';
import { measureBundles } from './bundle-sizes.ts';
import { ensureLongConversation, measureLongHistory } from './long-history.ts';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]);
};

// Searches a merchant types: a common word, a rare number, a customer's name part.
const SEARCHES = ['zipper', 'refund', 'parcel', 'Olsen', '10042', 'wrong size'];

/**
 * The admin in Chromium against the product as `npm start` runs it, on the list benchmark's data:
 * how long the Conversations page takes to show rows (navigation start → first row in the DOM, fresh page
 * each time with a warm HTTP cache, like a returning staff member), and how long a search takes end to
 * end (Enter pressed → the new rows drawn). Plus the admin's bundle sizes.
 */
export async function runAdminBenchmark(args: BenchArgs, log: (s: string) => void) {
  const bundles = measureBundles();
  const n = args.conversations;
  const database = await openBenchDatabase(`list_${n}`);
  let shopId = await findSeededShop(database, n);
  if (!shopId) {
    log(`Seeding ${n.toLocaleString('en')} conversations (~${(n * 10).toLocaleString('en')} messages)…`);
    shopId = await seedBulk(database, n, log);
  }
  const longConversationId = await ensureLongConversation(database, shopId);
  await database.close();
  const server = await startProductServer(database.url, database.dataDir);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const login = await context.request.post(`${server.base}/api/auth/login`, {
      data: { email: BENCH_EMAIL, password: BENCH_PASSWORD },
    });
    if (!login.ok()) throw new Error(`bench login failed: ${login.status()}`);
    // When the first row enters the DOM, seen from inside the page (waiting from outside adds latency).
    await context.addInitScript(() => {
      const seen = new MutationObserver(() => {
        if (!document.querySelector('[data-testid="conversation-row"]')) return;
        Object.assign(window, { firstRowAt: performance.now() });
        seen.disconnect();
      });
      document.addEventListener('DOMContentLoaded', () =>
        seen.observe(document.body, { childList: true, subtree: true }),
      );
    });
    const runs = args.quick ? 5 : 15;
    log(`admin: time to first row, ${runs} page loads…`);
    const toRows: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const page = await context.newPage();
      await page.goto(`${server.base}/conversations`);
      await page.locator('[data-testid="conversation-row"]').first().waitFor();
      const ms = await page.evaluate(() => (window as unknown as { firstRowAt: number }).firstRowAt);
      // The first load fills the HTTP cache and warms the server: not counted.
      if (i > 0) toRows.push(ms);
      await page.close();
    }
    const page = await context.newPage();
    await page.goto(`${server.base}/conversations`);
    await page.locator('[data-testid="conversation-row"]').first().waitFor();
    log('admin: searches…');
    const search = page.getByRole('textbox', { name: 'Search' });
    const searches: number[] = [];
    for (const term of [...SEARCHES, ...SEARCHES]) {
      await search.fill(term);
      // Enter commits at once (typing alone waits 250 ms for more keys, which is not the search's time).
      const ms = await page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            // The rows (or the empty state): the filter bar changes at once, the rows when the answer is drawn.
            const rows = () =>
              document.querySelector('[data-testid="empty-state"]')
                ? 'empty'
                : [...document.querySelectorAll<HTMLElement>('[data-testid="conversation-row"]')]
                    .map((r) => r.textContent)
                    .join('\n');
            const before = rows();
            const input = document.activeElement as HTMLInputElement;
            const t0 = performance.now();
            input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
            const check = () => {
              if (rows() !== before) resolve(performance.now() - t0);
              else if (performance.now() - t0 > 10_000) reject(new Error('search never answered'));
              else requestAnimationFrame(check);
            };
            requestAnimationFrame(check);
            // Frames stop in a page that is not drawn: never wait for ever.
            setTimeout(() => reject(new Error('search never answered')), 10_000);
          }),
      );
      searches.push(ms);
      await search.fill('');
      await search.press('Enter');
      await page.locator('[data-testid="conversation-row"]').first().waitFor();
    }
    await page.close();
    log('admin: a 2,000-message history…');
    const longHistory = await measureLongHistory(await context.newPage(), server.base, longConversationId);
    return {
      database: database.label,
      longHistory,
      conversations: n,
      bundles,
      timeToRowsMs: { p50: percentile(toRows, 50), p95: percentile(toRows, 95), runs: toRows.length },
      searchMs: { p50: percentile(searches, 50), p95: percentile(searches, 95), runs: searches.length },
      targets: { timeToRowsMs: 1000, searchMs: 300, adminInitialJsKb: 250, scrollFrameP95Ms: 16.7 },
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}
