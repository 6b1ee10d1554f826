// Helpers for the storefront widget's browser test: what the widget stored, and what the server holds.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './admin.ts';

export type WidgetSession = { conversationId: string; token: string };

export type WidgetHistory = {
  messages: Array<{ id: string; seq: number; role: string; text: string; cards: Array<{ type: string }> }>;
  status: string;
  rating: { rating: string; comment: string | null } | null;
};

/** The widget key the demo page embeds (from its `<script data-widget-key>`). */
export async function embeddedWidgetKey(page: Page): Promise<string> {
  const key = await page.locator('script[data-widget-key]').getAttribute('data-widget-key');
  if (!key) throw new Error('the page embeds no widget script with data-widget-key');
  return key;
}

/** The conversation the widget keeps in localStorage for this widget key, if any. */
export async function storedWidgetSession(page: Page, widgetKey: string): Promise<WidgetSession | null> {
  const raw = await page.evaluate((key) => localStorage.getItem(`supportify:${key}:session`), widgetKey);
  return raw ? (JSON.parse(raw) as WidgetSession) : null;
}

/** The conversation as the server has it (`GET /widget/v1/conversations/:id/messages`), from outside the browser. */
export async function fetchWidgetHistory(baseUrl: string, session: WidgetSession): Promise<WidgetHistory> {
  const res = await fetch(`${baseUrl}/widget/v1/conversations/${session.conversationId}/messages`, {
    headers: { authorization: `Bearer ${session.token}` },
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`GET widget history: HTTP ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as WidgetHistory;
}

/** How many stored customer messages have exactly this text. */
export function countCustomerTexts(history: WidgetHistory, text: string): number {
  return history.messages.filter((m) => m.role === 'customer' && m.text === text).length;
}

/** Elements the widget's shadow root would contain if message text were parsed as HTML. */
export function injectedInWidget(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('supportify-chat')?.shadowRoot;
    if (!root) return null;
    return {
      imgX: root.querySelectorAll('img[src="x"]').length,
      onerror: root.querySelectorAll('[onerror]').length,
      onload: root.querySelectorAll('[onload]').length,
      scripts: root.querySelectorAll('script').length,
      xss: (window as unknown as { __xss?: unknown }).__xss ?? null,
    };
  });
}

/** A screenshot of what the visitor sees (the widget is fixed to the viewport), in test-results/e2e/. */
export async function saveViewportScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  // Finite animations (the panel's entrance) jump to their end state, so the picture is stable.
  await page.screenshot({ path: file, animations: 'disabled' });
  return file;
}
