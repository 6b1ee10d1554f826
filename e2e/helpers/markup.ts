// Checks that customer-supplied markup reached the page as text: no elements were made from it.
import type { Page } from 'playwright-core';

/** Elements the payloads would create if they were parsed as HTML instead of shown as text. */
export const injectedElements = (page: Page) =>
  page.evaluate(() => ({
    imgX: document.querySelectorAll('img[src="x"]').length,
    onerror: document.querySelectorAll('[onerror]').length,
    onload: document.querySelectorAll('[onload]').length,
    svgFromPayload: [...document.querySelectorAll('svg')].filter((s) => s.hasAttribute('onload')).length,
    scripts: [...document.scripts].filter((s) => /__xss|alert\(/.test(s.textContent ?? '')).length,
  }));

export const NO_INJECTED = { imgX: 0, onerror: 0, onload: 0, svgFromPayload: 0, scripts: 0 };

/** What a payload that ran would have set. */
export const xssValue = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
