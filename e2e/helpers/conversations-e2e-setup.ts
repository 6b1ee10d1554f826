// Shared setup for the Conversations browser tests: the real server (demo data) and Chromium, a signed-out
// page that records dialogs, CSP violations and page errors, and a widget conversation whose customer
// name and message carry markup.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { ARTIFACTS_DIR, saveScreenshot } from './admin.ts';
import { apiSignIn, getWidgetKey, startWidgetConversation } from './api.ts';
import { launchBrowser } from './browser.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type RunningServer, startServer } from './server.ts';

export const CREDS = { email: ADMIN_EMAIL, password: ADMIN_PASSWORD };
export const TEST_TIMEOUT = 90_000;

// Markup in customer-supplied text: every bit of it must reach the screen as literal text.
export const XSS_NAME = '<img src=x onerror="window.__xss=1">';
export const XSS_TEXT =
  '<script>window.__xss=2</script><img src=x onerror="window.__xss=3"> and "><svg onload="window.__xss=4">';

export type ConversationsSuite = {
  server?: RunningServer;
  browser?: Browser;
  context?: BrowserContext;
  page?: Page;
  /** The storefront visitor's conversation with markup in name and message, started before any browser visit. */
  xssConversationId: string;
  dialogs: string[];
  cspViolations: string[];
  pageErrors: string[];
};

/**
 * Registers the suite's hooks (call it inside the `describe`): start server and browser, clear and on
 * failure save artifacts named with `failurePrefix`, stop everything at the end.
 */
export function setUpConversationsSuite(failurePrefix: string): ConversationsSuite {
  const suite: ConversationsSuite = { xssConversationId: '', dialogs: [], cspViolations: [], pageErrors: [] };

  beforeAll(async () => {
    // Failure artifacts of an earlier run would only mislead.
    for (const file of fs.existsSync(ARTIFACTS_DIR) ? fs.readdirSync(ARTIFACTS_DIR) : []) {
      if (file.startsWith(failurePrefix)) fs.rmSync(path.join(ARTIFACTS_DIR, file));
    }
    const [started, launched] = await Promise.allSettled([startServer(), launchBrowser()]);
    if (started.status === 'fulfilled') suite.server = started.value;
    if (launched.status === 'fulfilled') suite.browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
    const url = started.value.url;

    // Before any browser visit: a storefront visitor whose name and message carry markup.
    const cookie = await apiSignIn(url, ADMIN_EMAIL, ADMIN_PASSWORD);
    const widgetKey = await getWidgetKey(url, cookie);
    suite.xssConversationId = await startWidgetConversation(url, widgetKey, { name: XSS_NAME }, [XSS_TEXT]);

    suite.context = await launched.value.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'en-US',
    });
    const page = await suite.context.newPage();
    suite.page = page;
    page.setDefaultTimeout(15_000);
    page.setDefaultNavigationTimeout(30_000);
    page.on('dialog', (dialog) => {
      suite.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => {});
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) suite.cspViolations.push(message.text());
    });
    page.on('pageerror', (error) => suite.pageErrors.push(String(error)));
  }, 120_000);

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || !suite.page) return;
    const name = `${failurePrefix}${task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`;
    await saveScreenshot(suite.page, name).catch(() => {});
    if (suite.server) fs.writeFileSync(path.join(ARTIFACTS_DIR, `${name}.server.log`), suite.server.output());
  });

  afterAll(async () => {
    try {
      await suite.browser?.close(); // and its contexts
    } finally {
      await suite.server?.stop();
    }
  }, 60_000);

  return suite;
}
