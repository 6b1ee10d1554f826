// Shared lifecycle of the admin browser tests: the real server (demo data) and Chromium, one signed-out page
// that records dialogs, CSP violations and page errors, failure artifacts, and teardown.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { ARTIFACTS_DIR, saveScreenshot } from './admin.ts';
import { apiSignIn } from './api.ts';
import { launchBrowser } from './browser.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type RunningServer, startServer } from './server.ts';

export const CREDS = { email: ADMIN_EMAIL, password: ADMIN_PASSWORD };

export type AdminSuite = {
  server?: RunningServer;
  browser?: Browser;
  context?: BrowserContext;
  page?: Page;
  /** A staff session cookie for API calls beside the browser. */
  cookie: string;
  dialogs: string[];
  cspViolations: string[];
  pageErrors: string[];
};

/**
 * Registers the suite's hooks (call it inside the `describe`): start server and browser, run `prepare`
 * (with a staff session cookie) before any browser visit, save artifacts named with `failurePrefix` when
 * a test fails, stop everything at the end.
 */
export function setUpAdminSuite(
  failurePrefix: string,
  prepare?: (url: string, cookie: string) => Promise<void>,
  /** Extra environment for the server process. */
  env: Record<string, string> = {},
): AdminSuite {
  const suite: AdminSuite = { cookie: '', dialogs: [], cspViolations: [], pageErrors: [] };

  beforeAll(async () => {
    // Failure artifacts of an earlier run would only mislead.
    for (const file of fs.existsSync(ARTIFACTS_DIR) ? fs.readdirSync(ARTIFACTS_DIR) : []) {
      if (file.startsWith(failurePrefix)) fs.rmSync(path.join(ARTIFACTS_DIR, file));
    }
    const [started, launched] = await Promise.allSettled([startServer(env), launchBrowser()]);
    if (started.status === 'fulfilled') suite.server = started.value;
    if (launched.status === 'fulfilled') suite.browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
    const url = started.value.url;
    suite.cookie = await apiSignIn(url, ADMIN_EMAIL, ADMIN_PASSWORD);
    if (prepare) await prepare(url, suite.cookie);

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
