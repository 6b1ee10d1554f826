// The XSS browser test's checks (e2e/xss.e2e.test.ts): a scan of the live page for anything a payload
// made, and "every payload shown as text".
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';
import { STORABLE } from '../../test/fixtures/xss-corpus.ts';
import { squash } from '../../test/helpers/live-markup.ts';
import type { AdminSuite } from './admin-suite.ts';

/**
 * Everything in the live DOM (every open shadow root included) that a payload would have made: event
 * handler attributes, `data-xss` marks, script URLs, scripts or frames of its own. Runs in the page.
 */
export function scanDom(): string[] {
  const found: string[] = [];
  const roots: Array<Document | ShadowRoot> = [document];
  for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  // A browser ignores control characters and spaces inside a scheme: `java\tscript:` is `javascript:`.
  const scriptUrl = (v: string) =>
    /^(javascript|vbscript):|^data:text\/html/i.test(
      v
        .split('')
        .filter((c) => c.charCodeAt(0) > 0x20)
        .join(''),
    );
  for (const root of roots) {
    for (const el of root.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      for (const name of el.getAttributeNames()) {
        const value = el.getAttribute(name) ?? '';
        if (name.startsWith('on')) found.push(`<${tag}> ${name}=${value.slice(0, 40)}`);
        if (name === 'data-xss') found.push(`<${tag}> data-xss`);
        if (['href', 'src', 'action', 'formaction', 'data', 'xlink:href'].includes(name) && scriptUrl(value))
          found.push(`<${tag}> ${name}=${value.slice(0, 40)}`);
        if (name === 'srcdoc' && el.getAttribute('data-testid') !== 'email-html')
          found.push(`<${tag}> srcdoc`);
      }
      if (tag === 'script' && /__xss|alert\(/.test(el.textContent ?? '')) found.push('<script> of a payload');
      if (tag === 'script' && /^\s*(data|javascript):/i.test(el.getAttribute('src') ?? ''))
        found.push(`<script> src=${el.getAttribute('src')}`);
      if (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') ?? ''))
        found.push('<meta refresh>');
    }
  }
  const marker = (window as unknown as { __xss?: unknown }).__xss;
  if (marker !== undefined) found.push(`window.__xss = ${String(marker)}`);
  return found;
}

/**
 * The page and every frame in it (the sandboxed email frame too) hold nothing a payload made; the suite
 * recorded no dialog, CSP violation or page error.
 */
export async function expectPageInert(page: Page, suite: AdminSuite, where: string) {
  const frames = page.frames();
  const findings = await Promise.all(
    frames.map((frame: Frame) => frame.evaluate(scanDom).catch((e: unknown) => [`${frame.url()}: ${e}`])),
  );
  expect(findings.flat(), where).toEqual([]);
  expect(suite.dialogs, where).toEqual([]);
  expect(suite.cspViolations, where).toEqual([]);
  expect(suite.pageErrors, where).toEqual([]);
}

/** The text of every element matching `selector`, as one string. */
export const shownTextOf = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) => els.map((e) => e.textContent ?? '').join(' '));

/** Every payload in `sent` appears (squashed) in `shown`: none was dropped or turned into markup. */
export function expectAllShown(shown: string, sent: string, where: string) {
  const text = squash(shown);
  const missing = STORABLE.filter((p) => squash(sent).includes(squash(p.text)))
    .filter((p) => !text.includes(squash(p.text)))
    .map((p) => p.id);
  expect(missing, `${where}: payloads not shown as text`).toEqual([]);
}
