// A conversation in a real browser against the real server (demo data): roles and a tool-call card,
// Resolve / Mark unresolved, and customer text that carries markup. (List, filters, search: conversations.)
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FACTS } from '../src/seed/seed-demo-shop.ts';
import { openSignedIn, readList, saveScreenshot, until, waitForList } from './helpers/admin.ts';
import {
  CREDS,
  setUpConversationsSuite,
  TEST_TIMEOUT,
  XSS_NAME,
  XSS_TEXT,
} from './helpers/conversations-e2e-setup.ts';
import { injectedElements, NO_INJECTED, xssValue } from './helpers/markup.ts';
import type { RunningServer } from './helpers/server.ts';

let server: RunningServer | undefined;
let page: Page;
let xssConversationId = '';

const statusBadge = () => page.getByTestId('conversation-status');
const badgeText = async () => ((await statusBadge().textContent()) ?? '').trim();

describe('Conversations: view, resolve, markup (browser)', () => {
  const suite = setUpConversationsSuite('FAILED-conversations-view-');
  const { dialogs, cspViolations, pageErrors } = suite;
  beforeAll(() => {
    server = suite.server;
    page = suite.page!;
    xssConversationId = suite.xssConversationId;
  });

  it(
    "opens the demo customer's order-lookup conversation: roles, and a tool-call card with input and output",
    async () => {
      const { name, orderNumber, email } = DEMO_FACTS.customerWithOrder;
      await openSignedIn(page, server!.url, '/conversations', CREDS);
      await waitForList(page, (l) => l.rows.length > 0, 'unfiltered rows');

      // Finding it as a user would: search for the order number, open the customer's row.
      const search = page.getByRole('textbox', { name: 'Search' });
      await search.fill(orderNumber);
      await search.press('Enter');
      const found = await waitForList(
        page,
        (l) => l.url.searchParams.get('q') === orderNumber && l.rows.some((r) => r.customer === name),
        `${name}'s row for ${orderNumber}`,
      );
      const row = found.rows.find((r) => r.customer === name)!;
      // Rows are focusable; Enter opens one (keyboard users).
      await page.locator(`[data-testid="conversation-row"][data-conversation-id="${row.id}"]`).focus();
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === `/conversations/${row.id}`);

      await page.getByTestId('conversation-customer').getByText(name, { exact: true }).waitFor();
      const messages = page.getByTestId('message');
      await messages.first().waitFor();
      const roles = await messages.evaluateAll((els) => els.map((el) => el.getAttribute('data-role')));
      expect(roles).toContain('customer');
      expect(roles).toContain('ai');
      expect(roles[0]).toBe('customer');
      const roleLabels = await page.getByTestId('message-role').allInnerTexts();
      expect(roleLabels).toContain('Customer');
      expect(roleLabels).toContain('AI');

      // The order lookup: collapsed to its name, expands to pretty-printed Input and Output.
      const card = page.locator('[data-testid="tool-call"][data-tool-name="lookupOrder"]').first();
      await card.waitFor();
      const header = card.getByRole('button', { name: /lookupOrder/ });
      expect(await header.getAttribute('aria-expanded')).toBe('false');
      await header.click();
      await until(
        () => header.getAttribute('aria-expanded'),
        (v) => v === 'true',
        'the tool-call card to expand',
      );
      await card.getByText('Input', { exact: true }).waitFor({ state: 'visible' });
      await card.getByText('Output', { exact: true }).waitFor({ state: 'visible' });
      const blocks = await card.locator('pre').allInnerTexts();
      expect(blocks).toHaveLength(2);
      const input = JSON.parse(blocks[0]) as Record<string, unknown>;
      const output = JSON.parse(blocks[1]) as Record<string, unknown>;
      expect(input).toMatchObject({ orderNumber });
      expect(JSON.stringify(input)).toContain(email);
      expect(output).toMatchObject({ found: true });
      expect(blocks[0]).toContain(`"orderNumber": "${orderNumber}"`); // pretty-printed
      // Let the panel finish opening before the screenshot.
      await until(
        () => card.evaluate((el) => el.getAnimations({ subtree: true }).length),
        (n) => n === 0,
        'the card animation to end',
      );
      await saveScreenshot(page, 'conversation-view');

      await header.click();
      await until(
        () => header.getAttribute('aria-expanded'),
        (v) => v === 'false',
        'the tool-call card to collapse',
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'resolves a conversation and marks it unresolved again; both survive a reload and show in the list',
    async () => {
      const { name, orderNumber } = DEMO_FACTS.customerWithOrder;
      await openSignedIn(page, server!.url, `/conversations?q=${encodeURIComponent(orderNumber)}`, CREDS);
      const found = await waitForList(page, (l) => l.rows.some((r) => r.customer === name), `${name}'s row`);
      const row = found.rows.find((r) => r.customer === name)!;
      await page.locator(`[data-testid="conversation-row"][data-conversation-id="${row.id}"]`).click();
      await page.waitForURL((url) => url.pathname === `/conversations/${row.id}`);
      await statusBadge().waitFor();

      const resolveButton = page.getByRole('button', { name: 'Resolve', exact: true });
      const unresolveButton = page.getByRole('button', { name: 'Mark unresolved', exact: true });
      const expectStatus = (label: string) =>
        until(badgeText, (t) => t === label, `the status badge "${label}"`);

      const initial = await badgeText();
      if (initial === 'Resolved') {
        // The demo conversation starts resolved: reopen it first, so "Resolve" is what we test.
        await unresolveButton.click();
        await expectStatus('Unresolved');
      }
      await resolveButton.click();
      await expectStatus('Resolved');
      await unresolveButton.waitFor();
      await page.reload();
      await statusBadge().waitFor();
      expect(await badgeText()).toBe('Resolved');
      await unresolveButton.waitFor();

      await unresolveButton.click();
      await expectStatus('Unresolved');
      await resolveButton.waitFor();
      await page.reload();
      await statusBadge().waitFor();
      expect(await badgeText()).toBe('Unresolved');

      // The list (back link keeps the search) shows the new status too.
      await page.getByRole('link', { name: 'Conversation list' }).click();
      await waitForList(
        page,
        (l) => l.rows.some((r) => r.id === row.id && r.status === 'Unresolved'),
        'the row marked Unresolved in the list',
      );

      // Leave the demo data as it was.
      if (initial === 'Resolved') {
        await page.locator(`[data-testid="conversation-row"][data-conversation-id="${row.id}"]`).click();
        await resolveButton.click();
        await expectStatus('Resolved');
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'shows markup in customer names and messages as text, never as HTML',
    async () => {
      await openSignedIn(page, server!.url, '/conversations', CREDS);
      const list = await waitForList(page, (l) => l.rows.some((r) => r.id === xssConversationId), 'the row');
      const row = list.rows.find((r) => r.id === xssConversationId)!;
      expect(row.customer).toBe(XSS_NAME);
      // The preview is the agent's reply by now; the payload itself is checked in the conversation view.
      expect(row.preview).not.toBe('');
      const rowLocator = page.locator(
        `[data-testid="conversation-row"][data-conversation-id="${xssConversationId}"]`,
      );
      await rowLocator.getByText(XSS_NAME, { exact: true }).waitFor({ state: 'visible' });
      expect(await xssValue(page)).toBeUndefined();
      expect(await injectedElements(page)).toEqual(NO_INJECTED);
      await saveScreenshot(page, 'xss-list');

      // The conversation view: header, author and message text.
      await rowLocator.click();
      await page.waitForURL((url) => url.pathname === `/conversations/${xssConversationId}`);
      await page.getByTestId('conversation-customer').getByText(XSS_NAME, { exact: true }).waitFor();
      const message = page.locator('[data-testid="message"][data-role="customer"]').first();
      await message.getByText(XSS_TEXT, { exact: true }).waitFor({ state: 'visible' });
      expect(await page.title()).toContain(XSS_NAME);
      expect(await xssValue(page)).toBeUndefined();
      expect(await injectedElements(page)).toEqual(NO_INJECTED);
      await saveScreenshot(page, 'xss-conversation-view');

      // The same markup as a search term, straight from the URL.
      await page.goto(`${server!.url}/conversations?q=${encodeURIComponent(XSS_NAME)}`);
      await waitForList(
        page,
        (l) => l.url.searchParams.get('q') === XSS_NAME,
        'the list searched for markup',
      );
      expect(await page.getByRole('textbox', { name: 'Search' }).inputValue()).toBe(XSS_NAME);
      expect(await xssValue(page)).toBeUndefined();
      expect(await injectedElements(page)).toEqual(NO_INJECTED);

      expect(dialogs).toEqual([]);
      expect(cspViolations).toEqual([]);
      expect(pageErrors).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it('has no dialogs, CSP violations or uncaught page errors across the run', async () => {
    const list = await readList(page);
    expect(list.url.origin).toBe(server!.url.replace(/\/$/, ''));
    expect(dialogs).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
