// Page helpers of the journey browser test: what must never happen on a page, proof that a page was never
// reloaded (so an update arrived live), and screenshots at desktop and phone width.
import type { Page } from 'playwright-core';
import { saveScreenshot } from './admin.ts';
import { saveViewportScreenshot } from './widget.ts';

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/**
 * Records in `problems` everything on `page` that should never happen in a healthy journey. Signed out,
 * the admin learns it from the session check's 401, which the browser logs: allowed until `signedIn()`.
 */
export function watch(page: Page, who: string, problems: string[], signedIn: () => boolean): void {
  page.setDefaultTimeout(15_000);
  page.setDefaultNavigationTimeout(30_000);
  page.on('pageerror', (error) => problems.push(`${who} page error: ${String(error)}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url;
    if (!signedIn() && new URL(url).pathname === '/api/me' && /\b401\b/.test(message.text())) return;
    problems.push(`${who} console error: ${message.text()} (${url})`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`${who} dialog: ${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
}

/** Marks the document, so a later `stillSameDocument` proves the page was never reloaded. */
export const markDocument = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { __journey?: boolean }).__journey = true;
  });
export const stillSameDocument = (page: Page) =>
  page.evaluate(() => (window as unknown as { __journey?: boolean }).__journey === true);

/** Two animation frames: layout and media-query listeners have caught up with a new viewport. */
export const settleFrames = (page: Page) =>
  page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );

/** Screenshots at desktop and phone width (the page is put back to desktop afterwards). */
export async function snap(page: Page, name: string, kind: 'admin' | 'widget'): Promise<void> {
  const save = kind === 'admin' ? saveScreenshot : saveViewportScreenshot;
  // A full-page picture draws fixed parts (the admin's header) where the page is scrolled to.
  if (kind === 'admin') await page.evaluate(() => window.scrollTo(0, 0));
  await save(page, `journey-${name}-desktop`);
  await page.setViewportSize(PHONE);
  await settleFrames(page);
  await save(page, `journey-${name}-phone`);
  await page.setViewportSize(DESKTOP);
  await settleFrames(page);
}

export const text = async (page: Page, testId: string) =>
  ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
