// Page helpers for the admin app: sign-in, reading the Conversations table, waiting without sleeps.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

export const ARTIFACTS_DIR = fileURLToPath(new URL('../../test-results/e2e', import.meta.url));

/** Polls `read` until `ok` holds; on timeout the error shows the last value read. */
export async function until<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      lastError = undefined;
      if (ok(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = lastError ? String(lastError) : JSON.stringify(last, null, 1)?.slice(0, 3000);
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Signs in through the login page (wherever the app sent us) and waits to leave it. */
export async function signInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** Opens an admin path, signing in first when the session is gone (so each test can stand on its own). */
export async function openSignedIn(
  page: Page,
  baseUrl: string,
  pathAndQuery: string,
  creds: { email: string; password: string },
): Promise<void> {
  await page.goto(`${baseUrl}${pathAndQuery}`);
  const where = await Promise.race([
    page
      .getByRole('button', { name: 'Sign in' })
      .waitFor()
      .then(() => 'login' as const),
    page
      .getByRole('button', { name: 'Sign out' })
      .waitFor()
      .then(() => 'app' as const),
  ]);
  if (where === 'login') {
    await signInThroughForm(page, creds.email, creds.password);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  }
}

export type Row = {
  id: string;
  status: string;
  customer: string;
  channel: string;
  /** The row's `<time datetime>`: when the conversation started. */
  startedAt: string;
  preview: string;
};

export type ListState = { busy: boolean; loading: boolean; empty: boolean; rows: Row[]; url: URL };

/** What the Conversations page shows right now. */
export async function readList(page: Page): Promise<ListState> {
  const state = await page.evaluate(() => {
    const rows = [...document.querySelectorAll('[data-testid="conversation-row"]')].map((tr) => {
      // The select box's cell comes first; the columns the spec lists follow it.
      const cells = tr.querySelectorAll('td:not([data-select-cell])');
      const text = (i: number) => (cells[i]?.textContent ?? '').trim();
      return {
        id: tr.getAttribute('data-conversation-id') ?? '',
        status: text(0),
        customer: text(1),
        channel: text(2),
        startedAt: cells[3]?.querySelector('time')?.getAttribute('datetime') ?? '',
        preview: text(4),
      };
    });
    return {
      // The table is marked busy while the previous page stands in for the next one.
      busy: document.querySelector('table[aria-busy="true"]') !== null,
      loading: document.querySelector('[aria-busy="true"]') !== null && rows.length === 0,
      empty: document.querySelector('[data-testid="empty-state"]') !== null,
      rows,
    };
  });
  return { ...state, url: new URL(page.url()) };
}

/** Waits for the list to settle (not busy, rows or the empty state shown) in a state that satisfies `ok`. */
export function waitForList(page: Page, ok: (list: ListState) => boolean, what: string): Promise<ListState> {
  return until(
    () => readList(page),
    (list) => !list.busy && !list.loading && (list.rows.length > 0 || list.empty) && ok(list),
    `the conversation list: ${what}`,
  );
}

/** The list URL's query as a plain object (for readable assertions). */
export function queryOf(list: ListState | URL): Record<string, string> {
  const url = list instanceof URL ? list : list.url;
  return Object.fromEntries(url.searchParams.entries());
}

/** A full-page screenshot in test-results/e2e/. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
