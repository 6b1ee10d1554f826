// Shared setup for the storefront widget's browser journey: constants, the widget's locators (inside its
// shadow root), the page watcher, and the suite's server + browser lifecycle.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { WIDGET_SCRIPT } from '../../src/channels/widget/assets-routes.ts';
import { ARTIFACTS_DIR, saveScreenshot } from './admin.ts';
import { launchBrowser } from './browser.ts';
import { type RunningServer, startServer } from './server.ts';

const FAILURE_PREFIX = 'FAILED-widget-';
export const TEST_TIMEOUT = 90_000;
export const SHOP_NAME = 'Nordic Threads';
export const OFFLINE_TEXT = 'How long does shipping to Bergen take?';
export const XSS_TEXT = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> **bold?**';

/** The widget's parts on whatever page `page()` returns at the time of the call. */
export function widgetUi(page: () => Page) {
  const launcher = () => page().getByRole('button', { name: 'Open chat' });
  const panel = () => page().getByRole('dialog', { name: SHOP_NAME });
  const composer = () => panel().getByRole('textbox', { name: 'Message' });
  const messages = (role: 'customer' | 'ai' | 'staff') =>
    panel().locator(`[data-testid="widget-message"][data-role="${role}"]`);
  /** A stored (acknowledged) customer message with exactly this text; pending ones carry a data-state. */
  const storedCustomerBubble = (text: string) =>
    panel()
      .locator('[data-testid="widget-message"][data-role="customer"]:not([data-state])')
      .filter({ has: page().getByText(text, { exact: true }) });
  async function send(text: string): Promise<void> {
    await composer().fill(text);
    await composer().press('Enter');
  }
  return { launcher, panel, composer, messages, storedCustomerBubble, send };
}

/** Default timeouts, and CSP violations and uncaught page errors recorded into the given lists. */
export function watchWidgetPage(p: Page, cspViolations: string[], pageErrors: string[]): void {
  p.setDefaultTimeout(15_000);
  p.setDefaultNavigationTimeout(30_000);
  p.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
  });
  p.on('pageerror', (error) => pageErrors.push(String(error)));
}

/** Whether the element is focused inside the widget's shadow root. */
export function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement);
}

export type WidgetSuite = {
  server?: RunningServer;
  browser?: Browser;
  context?: BrowserContext;
  page?: Page;
};

/**
 * Registers the suite's hooks (call it inside the `describe`): start server and browser with a watched
 * page, save artifacts of `currentPage()` when a test fails, stop everything at the end.
 */
export function setUpWidgetSuite(options: {
  watch: (p: Page) => void;
  currentPage: () => Page | undefined;
}): WidgetSuite {
  const suite: WidgetSuite = {};
  beforeAll(async () => {
    for (const file of fs.existsSync(ARTIFACTS_DIR) ? fs.readdirSync(ARTIFACTS_DIR) : []) {
      if (file.startsWith(FAILURE_PREFIX)) fs.rmSync(path.join(ARTIFACTS_DIR, file));
    }
    if (!fs.existsSync(WIDGET_SCRIPT)) {
      throw new Error('dist/widget/widget.js is missing: npx vite build --config web/widget/vite.config.ts');
    }
    const [started, launched] = await Promise.allSettled([startServer(), launchBrowser()]);
    if (started.status === 'fulfilled') suite.server = started.value;
    if (launched.status === 'fulfilled') suite.browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
    suite.context = await launched.value.newContext({
      viewport: { width: 1280, height: 860 },
      locale: 'en-US',
    });
    suite.page = await suite.context.newPage();
    options.watch(suite.page);
  }, 120_000);

  afterEach(async ({ task }) => {
    const page = options.currentPage();
    if (task.result?.state !== 'fail' || !page) return;
    const name = `${FAILURE_PREFIX}${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`;
    await saveScreenshot(page, name).catch(() => {});
    if (suite.server) fs.writeFileSync(path.join(ARTIFACTS_DIR, `${name}.server.log`), suite.server.output());
  });

  afterAll(async () => {
    try {
      await suite.browser?.close();
    } finally {
      await suite.server?.stop();
    }
  }, 60_000);
  return suite;
}
