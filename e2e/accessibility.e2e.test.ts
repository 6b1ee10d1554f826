// Every admin page in a real browser at desktop (1280×800) and phone (390×844) widths: axe-core finds no
// serious or critical violations, nothing overflows the viewport sideways, the navigation collapses to a
// burger on a phone, and a conversation opens full width with a way back. Screenshots of each page and
// width go to test-results/screenshots/<page>-<width>.png.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInThroughForm, until } from './helpers/admin.ts';
import { CREDS, setUpAdminSuite } from './helpers/admin-suite.ts';
import { apiGet } from './helpers/api.ts';
import { type AxeViolation, blocking, describeViolations, runAxe } from './helpers/axe.ts';

const TEST_TIMEOUT = 180_000;
const SCREENSHOTS_DIR = fileURLToPath(new URL('../test-results/screenshots', import.meta.url));
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const WIDTHS = [DESKTOP, PHONE];

const SETTINGS_SECTIONS = [
  'ai',
  'ratings',
  'billing',
  'channels',
  'notifications',
  'retention',
  'data-requests',
];

type Visit = { name: string; path: string };

/** The signed-in pages (the login page is visited signed out). Ids come from the demo data. */
let pages: Visit[] = [];
let url = '';

/** Waits until the page shows its content: a heading; no loader, skeleton or busy region; no transition running. */
async function settle(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor();
  await until(
    () =>
      page.evaluate(() => ({
        busy: document.querySelectorAll('[aria-busy="true"], .mantine-Skeleton-root, [aria-label="Loading"]')
          .length,
        // A dialog fading in has washed-out colours for axe; endless ones (spinners) never finish.
        moving: document
          .getAnimations()
          .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity)
          .length,
        fonts: document.fonts.status,
      })),
    (s) => s.busy === 0 && s.moving === 0 && s.fonts === 'loaded',
    'the page to finish loading',
  );
}

/** Opens the admin path at this viewport size and waits for it to settle. */
async function visit(
  page: Page,
  size: { width: number; height: number },
  pathAndQuery: string,
): Promise<void> {
  await page.setViewportSize(size);
  await page.goto(`${url}${pathAndQuery}`);
  await settle(page);
}

/** test-results/screenshots/<name>-<width>.png: the whole page, or only the viewport (for overlays). */
async function screenshot(page: Page, name: string, width: number, fullPage = true): Promise<void> {
  fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({
    path: path.join(SCREENSHOTS_DIR, `${name}-${width}.png`),
    fullPage,
    animations: 'disabled',
  });
}

/** How far the document reaches past the viewport's right edge (0 when nothing overflows sideways). */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('Accessibility and responsive layout (browser)', () => {
  const suite = setUpAdminSuite('FAILED-accessibility-', async (serverUrl, cookie) => {
    const conversations = (await apiGet(serverUrl, '/api/conversations?hasDrafts=true&limit=1', cookie)) as {
      items: Array<{ id: string }>;
    };
    const widgetConversations = (await apiGet(
      serverUrl,
      '/api/conversations?channel=widget&limit=1',
      cookie,
    )) as { items: Array<{ id: string }> };
    const tickets = (await apiGet(serverUrl, '/api/tickets?limit=1', cookie)) as {
      items: Array<{ number: number }>;
    };
    const draftId = conversations.items[0]?.id;
    const widgetId = widgetConversations.items[0]?.id;
    const ticketNumber = tickets.items[0]?.number;
    if (!draftId || !widgetId || !ticketNumber) throw new Error('the demo data has no draft, chat or ticket');
    pages = [
      { name: 'conversations', path: '/conversations' },
      { name: 'conversation-email-draft', path: `/conversations/${draftId}` },
      { name: 'conversation-chat', path: `/conversations/${widgetId}` },
      { name: 'tickets', path: '/tickets' },
      { name: 'ticket', path: `/tickets/${ticketNumber}` },
      ...SETTINGS_SECTIONS.map((s) => ({ name: `settings-${s}`, path: `/settings/${s}` })),
      { name: 'not-found', path: '/no-such-page' },
    ];
  });
  let page: Page;
  let signedOut: BrowserContext | undefined;
  beforeAll(() => {
    page = suite.page!;
    url = suite.server!.url;
  });
  afterAll(() => signedOut?.close());

  it(
    'the login page has no serious or critical axe violations at either width',
    async () => {
      signedOut = await suite.browser!.newContext({ locale: 'en-US' });
      const login = await signedOut.newPage();
      const found: string[] = [];
      for (const size of WIDTHS) {
        await login.setViewportSize(size);
        await login.goto(`${url}/login`);
        await login.getByRole('button', { name: 'Sign in' }).waitFor();
        await settle(login);
        found.push(report('login', size.width, await runAxe(login)));
        expect(await sidewaysOverflow(login)).toBeLessThanOrEqual(0);
        await screenshot(login, 'login', size.width);
      }
      expect(found.filter(Boolean).join('\n')).toBe('');
    },
    TEST_TIMEOUT,
  );

  it(
    'every signed-in page has no serious or critical axe violations and no sideways overflow, desktop and phone',
    async () => {
      await page.goto(`${url}/login`);
      await signInThroughForm(page, CREDS.email, CREDS.password);
      const found: string[] = [];
      const overflowing: string[] = [];
      for (const size of WIDTHS) {
        await page.setViewportSize(size);
        for (const visit of pages) {
          await page.goto(`${url}${visit.path}`);
          await settle(page);
          found.push(report(visit.name, size.width, await runAxe(page)));
          const overflow = await sidewaysOverflow(page);
          if (overflow > 0) overflowing.push(`${visit.name} at ${size.width}px: ${overflow}px too wide`);
          await screenshot(page, visit.name, size.width);
        }
      }
      expect(found.filter(Boolean).join('\n')).toBe('');
      expect(overflowing).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'the open phone navigation and the keyboard shortcut dialog pass axe too',
    async () => {
      const found: string[] = [];
      await visit(page, PHONE, '/conversations');
      await page.getByRole('button', { name: 'Open navigation' }).click();
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Tickets' })
        .waitFor();
      found.push(report('navigation-open', PHONE.width, await runAxe(page)));
      await screenshot(page, 'navigation-open', PHONE.width, false);

      await visit(page, DESKTOP, '/conversations');
      await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await settle(page);
      found.push(report('shortcut-help', DESKTOP.width, await runAxe(page)));
      await screenshot(page, 'shortcut-help', DESKTOP.width, false);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'hidden' });
      expect(found.filter(Boolean).join('\n')).toBe('');
    },
    TEST_TIMEOUT,
  );

  it(
    'on a phone the navigation is behind a burger, lists keep their key columns on screen, and a conversation opens full width with a way back',
    async () => {
      await visit(page, PHONE, '/conversations');
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      expect(await nav.getByRole('link', { name: 'Tickets' }).isVisible()).toBe(false);
      await page.getByRole('button', { name: 'Open navigation' }).click();
      await nav.getByRole('link', { name: 'Tickets' }).click();
      await page.waitForURL((u) => u.pathname === '/tickets');
      await settle(page);
      // Choosing a page closes the navigation again.
      await until(
        () => nav.getByRole('link', { name: 'Tickets' }).isVisible(),
        (visible) => !visible,
        'the navigation to close',
      );
      // The table scrolls sideways inside its frame; number, customer and status stay in view.
      const ticketRow = page.locator('[data-testid="ticket-row"]').first();
      expect(await inViewport(page, ticketRow.locator('td').nth(0))).toBe(true);
      expect(await inViewport(page, ticketRow.getByTestId('ticket-customer'))).toBe(true);
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

      await page.goBack();
      await page.waitForURL((u) => u.pathname === '/conversations');
      await settle(page);
      const row = page.locator('[data-testid="conversation-row"]').first();
      expect(await inViewport(page, row.locator('td').nth(0))).toBe(true);
      expect(await inViewport(page, row.locator('td').nth(1))).toBe(true);
      const id = await row.getAttribute('data-conversation-id');
      await row.locator('td').nth(1).click();
      await page.waitForURL((u) => u.pathname === `/conversations/${id}`);
      await settle(page);
      // The view takes the whole width: its heading and the history start at the page's left edge.
      const heading = page.getByTestId('conversation-customer');
      const box = (await heading.boundingBox())!;
      expect(box.x).toBeLessThan(24);
      expect(await inViewport(page, heading)).toBe(true);
      expect(
        await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link').first().isVisible(),
      ).toBe(false);
      await page.getByRole('link', { name: 'Conversation list' }).click();
      await page.waitForURL((u) => u.pathname === '/conversations');
      await page.locator(`[data-conversation-id="${id}"]`).waitFor();
    },
    TEST_TIMEOUT,
  );

  it(
    'at 1280 px the navigation stays open beside the page and there is no burger',
    async () => {
      await visit(page, DESKTOP, '/tickets');
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      expect(await nav.getByRole('link', { name: 'Conversations' }).isVisible()).toBe(true);
      expect(await page.getByRole('button', { name: 'Open navigation' }).isVisible()).toBe(false);
      // Every column of the tickets table fits: nothing to scroll sideways.
      const lastHeader = page.getByRole('columnheader', { name: 'Updated' });
      expect(await inViewport(page, lastHeader)).toBe(true);
    },
    TEST_TIMEOUT,
  );
});

/** Whether the element's box lies wholly inside the viewport's width (and its frame does not clip it). */
async function inViewport(page: Page, locator: ReturnType<Page['locator']>): Promise<boolean> {
  const box = await locator.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  return box !== null && box.width > 0 && box.x >= 0 && box.x + box.width <= width;
}

/** Logs every violation (minor ones too, as information) and answers the blocking ones as text. */
function report(name: string, width: number, violations: AxeViolation[]): string {
  if (violations.length > 0) {
    console.info(`axe on ${name} at ${width}px:\n${describeViolations(violations)}`);
  }
  const bad = blocking(violations);
  return bad.length > 0 ? `${name} at ${width}px:\n${describeViolations(bad)}` : '';
}
