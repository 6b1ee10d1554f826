// The storefront chat widget in a real browser against the real server (demo shop): the /demo page embeds
// /widget.js; open, chat, streamed AI replies, reload, offline queue, product cards, rating, isolation, XSS.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FACTS } from '../src/seed/seed-demo-shop.ts';
import { saveScreenshot, until } from './helpers/admin.ts';
import { apiGet, apiSignIn } from './helpers/api.ts';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type RunningServer } from './helpers/server.ts';
import {
  countCustomerTexts,
  embeddedWidgetKey,
  fetchWidgetHistory,
  injectedInWidget,
  saveViewportScreenshot,
  storedWidgetSession,
  type WidgetSession,
} from './helpers/widget.ts';
import {
  hasFocus,
  OFFLINE_TEXT,
  SHOP_NAME,
  setUpWidgetSuite,
  TEST_TIMEOUT,
  watchWidgetPage,
  widgetUi,
  XSS_TEXT,
} from './helpers/widget-e2e-setup.ts';

let server: RunningServer | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
let page: Page;
let widgetKey = '';
let session: WidgetSession | null = null;
const cspViolations: string[] = [];
const pageErrors: string[] = [];

const watch = (p: Page) => watchWidgetPage(p, cspViolations, pageErrors);
const { launcher, panel, composer, messages, storedCustomerBubble, send } = widgetUi(() => page);

async function history() {
  if (!session) throw new Error('no widget conversation yet');
  return fetchWidgetHistory(server!.url, session);
}

describe('Storefront chat widget (browser)', () => {
  const suite = setUpWidgetSuite({ watch, currentPage: () => page });
  beforeAll(() => {
    ({ server, browser, context } = suite);
    page = suite.page!;
  });

  it(
    'the demo storefront embeds the widget: a launcher in a shadow root, styles isolated both ways',
    async () => {
      await page.goto(`${server!.url}/demo`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.locator('.logo').textContent()).toBe(SHOP_NAME);
      widgetKey = await embeddedWidgetKey(page);
      expect(widgetKey).toMatch(/^wk_/);

      await launcher().waitFor();
      expect(await launcher().getAttribute('aria-expanded')).toBe('false');
      const isolation = await page.evaluate(() => {
        const host = document.querySelector('supportify-chat');
        const button = host?.shadowRoot?.querySelector('button');
        return {
          hasShadowRoot: Boolean(host?.shadowRoot),
          // Nothing of the widget's markup or styles in the page's own document.
          lightDomLaunchers: document.querySelectorAll('.launcher').length,
          pageStyleElements: document.querySelectorAll('style').length,
          // The page styles buttons uppercase in Georgia; the widget's must not inherit or match that.
          textTransform: button ? getComputedStyle(button).textTransform : null,
          fontFamily: button ? getComputedStyle(button).fontFamily : null,
          position: button ? getComputedStyle(button.parentElement!).position : null,
        };
      });
      expect(isolation).toMatchObject({
        hasShadowRoot: true,
        lightDomLaunchers: 0,
        pageStyleElements: 1,
        textTransform: 'none',
        position: 'fixed',
      });
      expect(isolation.fontFamily).not.toMatch(/Georgia/);
      // Bottom-right corner.
      const box = (await launcher().boundingBox())!;
      expect(box.x + box.width).toBeGreaterThan(1280 - 60);
      expect(box.y + box.height).toBeGreaterThan(860 - 60);
      await saveScreenshot(page, 'widget-storefront');
    },
    TEST_TIMEOUT,
  );

  it(
    'opens from the launcher as a dialog named after the shop, and sends "Hi" (customer bubble on the right)',
    async () => {
      await launcher().click();
      await panel().waitFor();
      expect(await launcher().getAttribute('aria-expanded')).toBe('true');
      // Focus moves into the panel, to the message box.
      await until(() => hasFocus(composer()), Boolean, 'focus on the message box');
      await panel().getByText(`the ${SHOP_NAME} assistant`).waitFor();

      await panel().getByLabel('Name').fill('Astrid Berg');
      await panel().getByLabel('Email').fill('astrid.berg@example.com');
      await composer().fill('Hi');
      await saveViewportScreenshot(page, 'widget-intro');
      await send('Hi');
      await storedCustomerBubble('Hi').waitFor();
      expect(await composer().inputValue()).toBe('');
      // The intro fields are for the first message only.
      await panel().getByLabel('Email').waitFor({ state: 'detached' });

      session = await storedWidgetSession(page, widgetKey);
      expect(session?.conversationId).toMatch(/^[0-9a-f-]{36}$/);
      const stored = await history();
      expect(countCustomerTexts(stored, 'Hi')).toBe(1);

      const bubble = (await storedCustomerBubble('Hi').locator('.bubble').boundingBox())!;
      const dialog = (await panel().boundingBox())!;
      expect(bubble.x + bubble.width).toBeGreaterThan(dialog.x + dialog.width - 40);

      // The staff see who it is.
      const cookie = await apiSignIn(server!.url, ADMIN_EMAIL, ADMIN_PASSWORD);
      const detail = (await apiGet(server!.url, `/api/conversations/${session!.conversationId}`, cookie)) as {
        customer: { name: string | null; email: string | null };
        channel: string;
      };
      expect(detail).toMatchObject({
        channel: 'widget',
        customer: { name: 'Astrid Berg', email: 'astrid.berg@example.com' },
      });
    },
    TEST_TIMEOUT,
  );

  it(
    "the assistant's reply streams in on the left, and the typing indicator goes away",
    async () => {
      const reply = messages('ai').first();
      await reply.waitFor({ timeout: 30_000 });
      await until(
        async () => (await reply.locator('.bubble').textContent()) ?? '',
        (t) => t.trim().length > 0,
        'the AI reply text',
      );
      await panel().getByTestId('typing-indicator').waitFor({ state: 'detached' });
      const box = (await reply.locator('.bubble').boundingBox())!;
      const dialog = (await panel().boundingBox())!;
      expect(box.x).toBeLessThan(dialog.x + 40);
      const stored = await history();
      expect(stored.messages.map((m) => m.role)).toEqual(['customer', 'ai']);
      await saveViewportScreenshot(page, 'widget-conversation');
    },
    TEST_TIMEOUT,
  );

  it(
    'a reload restores the conversation (from history, then the stream) and the unsent draft',
    async () => {
      await composer().fill('half-typed question about mittens');
      await page.reload();
      // The panel was open: it stays open across page loads, without stealing focus.
      await panel().waitFor();
      await storedCustomerBubble('Hi').waitFor();
      expect(await composer().inputValue()).toBe('half-typed question about mittens');
      expect(await storedWidgetSession(page, widgetKey)).toEqual(session);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
      const stored = await history();
      // Whatever the server holds is shown, once each.
      for (const m of stored.messages.filter((x) => x.role === 'customer')) {
        expect(await storedCustomerBubble(m.text).count()).toBe(1);
      }
      await composer().fill('');
    },
    TEST_TIMEOUT,
  );

  it(
    'offline: the message waits as "Not sent — retrying", then is delivered exactly once when back online',
    async () => {
      await context!.setOffline(true);
      await panel().getByText('You are offline').waitFor();
      await send(OFFLINE_TEXT);
      const pending = messages('customer').filter({ hasText: OFFLINE_TEXT });
      await until(
        () => pending.getAttribute('data-state'),
        (s) => s === 'retrying',
        'the pending message to show as not sent',
      );
      await pending.getByText('Not sent — retrying').waitFor();
      expect(await composer().inputValue()).toBe('');
      // Kept in storage too, so a closed tab would not lose it.
      const outbox = await page.evaluate(
        (key) => localStorage.getItem(`supportify:${key}:outbox`),
        widgetKey,
      );
      expect(outbox).toContain(OFFLINE_TEXT);
      await saveViewportScreenshot(page, 'widget-offline');
      // Let a retry or two fail.
      await page.waitForTimeout(2500);
      expect(countCustomerTexts(await history(), OFFLINE_TEXT)).toBe(0);

      await context!.setOffline(false);
      await storedCustomerBubble(OFFLINE_TEXT).waitFor({ timeout: 20_000 });
      await panel().getByText('You are offline').waitFor({ state: 'detached' });
      await until(history, (h) => countCustomerTexts(h, OFFLINE_TEXT) === 1, 'the message stored');
      // Give late retries a chance to (wrongly) store it twice.
      await page.waitForTimeout(2000);
      expect(countCustomerTexts(await history(), OFFLINE_TEXT)).toBe(1);
      expect(await messages('customer').filter({ hasText: OFFLINE_TEXT }).count()).toBe(1);
      expect(
        await page.evaluate((key) => localStorage.getItem(`supportify:${key}:outbox`), widgetKey),
      ).toBeNull();
    },
    TEST_TIMEOUT,
  );

  it(
    '"do you have wool sweaters?" answers with product cards (price, stock, safe link)',
    async () => {
      await send('do you have wool sweaters?');
      const card = panel().getByTestId('product-card').first();
      await card.waitFor({ timeout: 30_000 });
      const text = (await card.textContent()) ?? '';
      expect(text).toMatch(/sweater/i);
      expect(text).toMatch(/\$\d+\.\d{2}/);
      expect(text).toMatch(/In stock|Out of stock/);
      const link = card.getByRole('link', { name: /View product/ });
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
      expect(await link.getAttribute('href')).toMatch(/^https?:\/\/|^\/(?!\/)/);
      await card.scrollIntoViewIfNeeded();
      await saveViewportScreenshot(page, 'widget-product-card');
    },
    TEST_TIMEOUT,
  );

  it(
    'an order question with its number and email shows the order status card',
    async () => {
      const { orderNumber, email } = DEMO_FACTS.customerWithOrder;
      await send(`Where is my order ${orderNumber}? My email is ${email}`);
      const card = panel().getByTestId('order-card').first();
      await card.waitFor({ timeout: 30_000 });
      const text = (await card.textContent()) ?? '';
      expect(text).toContain(`Order ${orderNumber}`);
      expect(text).toMatch(/Payment.+Delivery.+Total\s*\$\d/);
      expect(await card.locator('li').count()).toBeGreaterThan(0);
      await card.scrollIntoViewIfNeeded();
      await saveViewportScreenshot(page, 'widget-order-card');
    },
    TEST_TIMEOUT,
  );

  it(
    'once resolved ("that solved it, thanks") the customer rates it Bad with a comment',
    async () => {
      await send('that solved it, thanks');
      const prompt = panel().getByRole('form', { name: 'How did we do?' });
      await prompt.waitFor({ timeout: 30_000 });
      expect((await history()).status).toBe('resolved');
      await prompt.getByRole('button', { name: 'Bad' }).click();
      expect(await prompt.getByRole('button', { name: 'Bad' }).getAttribute('aria-pressed')).toBe('true');
      await prompt.getByLabel('Comment (optional)').fill('Could not find my size');
      await saveViewportScreenshot(page, 'widget-rating');
      await prompt.getByRole('button', { name: 'Send rating' }).click();
      await panel().getByText('Thanks for your feedback!').waitFor();
      const rated = await until(history, (h) => h.rating !== null, 'the rating stored');
      expect(rated.rating).toEqual({ rating: 'bad', comment: 'Could not find my size' });
      // Rated once: a reload shows the thanks, not the prompt again.
      await page.reload();
      await panel().getByText('Thanks for your feedback!').waitFor();
      expect(await panel().getByRole('form', { name: 'How did we do?' }).count()).toBe(0);
    },
    TEST_TIMEOUT,
  );

  it(
    'a stored conversation that no longer exists (expired) gives way to a new one, and the queued message goes there',
    async () => {
      const visitor = await browser!.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
      const p = await visitor.newPage();
      watch(p);
      await p.goto(`${server!.url}/demo`);
      const gone = { conversationId: '00000000-0000-4000-8000-000000000000', token: 'expired-token' };
      const queued = [
        { clientMessageId: 'c-expired-1', text: 'Are you still there?', afterSeq: 0, state: 'sending' },
      ];
      await p.evaluate(
        ({ key, session, outbox }) => {
          localStorage.setItem(`supportify:${key}:session`, JSON.stringify(session));
          localStorage.setItem(`supportify:${key}:outbox`, JSON.stringify(outbox));
          localStorage.setItem(`supportify:${key}:open`, 'true');
        },
        { key: widgetKey, session: gone, outbox: queued },
      );
      await p.reload();
      const fresh = await until(
        () => storedWidgetSession(p, widgetKey),
        (s) => Boolean(s && s.conversationId !== gone.conversationId),
        'a new conversation in storage',
      );
      await until(
        () => fetchWidgetHistory(server!.url, fresh!),
        (h) => countCustomerTexts(h, 'Are you still there?') === 1,
        'the queued message stored in the new conversation',
      );
      await p
        .locator('[data-testid="widget-message"][data-role="customer"]:not([data-state])')
        .filter({ hasText: 'Are you still there?' })
        .waitFor();
      await visitor.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'a rate-limited send shows a gentle "slow down" and goes through once the limit clears',
    async () => {
      const visitor = await browser!.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
      const p = await visitor.newPage();
      watch(p);
      let refused = 0;
      // The first attempt meets the server's 429 (as after a burst of messages); later ones pass.
      await p.route('**/widget/v1/conversations/*/messages', async (route) => {
        if (route.request().method() !== 'POST' || refused > 0) return route.continue();
        refused++;
        await route.fulfill({
          status: 429,
          contentType: 'application/json',
          headers: { 'retry-after': '1' },
          body: JSON.stringify({
            error: { code: 'rate_limited', message: 'Too many requests; retry in 1 s' },
          }),
        });
      });
      await p.goto(`${server!.url}/demo`);
      await p.getByRole('button', { name: 'Open chat' }).click();
      const dialog = p.getByRole('dialog', { name: SHOP_NAME });
      await dialog.getByRole('textbox', { name: 'Message' }).fill('Do you ship to Norway?');
      await dialog.getByRole('button', { name: 'Send', exact: true }).click();
      await dialog.getByText('You are sending messages quickly').waitFor();
      await dialog.getByText('Not sent — retrying').waitFor();
      await dialog
        .locator('[data-testid="widget-message"][data-role="customer"]:not([data-state])')
        .filter({ hasText: 'Do you ship to Norway?' })
        .waitFor();
      await dialog.getByText('You are sending messages quickly').waitFor({ state: 'detached' });
      expect(refused).toBe(1);
      const stored = await fetchWidgetHistory(server!.url, (await storedWidgetSession(p, widgetKey))!);
      expect(countCustomerTexts(stored, 'Do you ship to Norway?')).toBe(1);
      await visitor.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'customer text with markup stays text; Escape closes the panel and focus returns to the launcher',
    async () => {
      // A new visitor (fresh storage): a conversation of their own.
      const fresh = await browser!.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
      page = await fresh.newPage();
      watch(page);
      await page.goto(`${server!.url}/demo`);
      await launcher().click();
      await panel().waitFor();
      // On a phone the panel fills the screen.
      const box = (await panel().boundingBox())!;
      expect(box.width).toBe(390);
      await send(XSS_TEXT);
      await storedCustomerBubble(XSS_TEXT).waitFor();
      expect(await storedCustomerBubble(XSS_TEXT).locator('.bubble').textContent()).toBe(XSS_TEXT);
      expect(await injectedInWidget(page)).toEqual({ imgX: 0, onerror: 0, onload: 0, scripts: 0, xss: null });
      await saveViewportScreenshot(page, 'widget-phone');

      await composer().press('Escape');
      await panel().waitFor({ state: 'detached' });
      expect(await launcher().getAttribute('aria-expanded')).toBe('false');
      await until(() => hasFocus(launcher()), Boolean, 'focus back on the launcher');
      expect(cspViolations).toEqual([]);
      expect(pageErrors).toEqual([]);
      await fresh.close();
    },
    TEST_TIMEOUT,
  );
});
