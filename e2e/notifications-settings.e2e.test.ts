// Settings → Notifications in a real browser against the real server: recipients saved and kept, a refused
// webhook URL explained, a test notification with a result per target, the Slack webhook shown masked.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openSignedIn, saveScreenshot, until } from './helpers/admin.ts';
import { CREDS, setUpAdminSuite } from './helpers/admin-suite.ts';
import { apiGet } from './helpers/api.ts';

const TEST_TIMEOUT = 90_000;
const RECIPIENTS = ['alerts@example.com', 'ops.team@example.com'];

let url = '';
let page: Page;
let cookie = '';

type Stored = { emailRecipients: string[]; slackWebhookSet: boolean; notifyOn: { urgent: boolean } };
const stored = async () => (await apiGet(url, '/api/settings/notifications', cookie)) as Stored;
const section = () => page.getByTestId('settings-notifications');
const recipientsInput = () => section().getByRole('combobox', { name: 'Email recipients' });
const pills = () =>
  section()
    .locator('.mantine-TagsInput-pill')
    .evaluateAll((els) => els.map((el) => (el.textContent ?? '').trim()));
const save = () => section().getByRole('button', { name: 'Save' });
const savedStatus = () => section().getByRole('status').filter({ hasText: 'Saved' });

describe('Settings → Notifications (browser)', () => {
  const suite = setUpAdminSuite('FAILED-notifications-');
  const { dialogs, cspViolations, pageErrors } = suite;
  beforeAll(() => {
    ({ cookie, page } = suite as Required<typeof suite>);
    url = suite.server!.url;
  });

  it(
    'saves email recipients and the urgent toggle; both are kept after a reload',
    async () => {
      await openSignedIn(page, url, '/settings', CREDS);
      await page.getByRole('tab', { name: 'Notifications' }).click();
      await page.waitForURL((u) => u.pathname === '/settings/notifications');
      await recipientsInput().waitFor();
      expect(await section().getByTestId('status-email').getAttribute('data-status')).toBe('unset');
      expect(await save().isDisabled()).toBe(true);

      for (const email of RECIPIENTS) {
        await recipientsInput().fill(email);
        await recipientsInput().press('Enter');
      }
      expect(await pills()).toEqual(RECIPIENTS);
      await section()
        .getByRole('switch', { name: /^A ticket is urgent/ })
        .check({ force: true });
      await save().click();
      await savedStatus().waitFor();
      expect(await stored()).toMatchObject({ emailRecipients: RECIPIENTS, notifyOn: { urgent: true } });

      await page.reload();
      await recipientsInput().waitFor();
      expect(await pills()).toEqual(RECIPIENTS);
      expect(
        await section()
          .getByRole('switch', { name: /^A ticket is urgent/ })
          .isChecked(),
      ).toBe(true);
      expect(await section().getByTestId('status-email').getAttribute('data-status')).not.toBe('unset');
    },
    TEST_TIMEOUT,
  );

  it(
    "refuses a webhook URL on a private address with the server's reason, and flags a bad email before saving",
    async () => {
      await openSignedIn(page, url, '/settings/notifications', CREDS);
      const webhook = section().getByRole('textbox', { name: 'Slack webhook URL' });
      await webhook.fill('https://127.0.0.1/hook');
      await save().click();
      const refusal = section().getByRole('alert').filter({ hasText: 'Not saved' });
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('Webhook URL not allowed');
      expect((await stored()).slackWebhookSet).toBe(false);

      // Not https at all: the form says so without asking the server.
      await webhook.fill('http://hooks.slack.com/services/T000/B000/XXXX');
      await section().getByText('Enter an https:// URL', { exact: false }).waitFor();
      await section().getByRole('button', { name: 'Discard changes' }).click();
      expect(await webhook.inputValue()).toBe('');

      await recipientsInput().fill('not-an-email');
      await recipientsInput().press('Enter');
      await section().getByText('Not an email address: not-an-email').waitFor();
      await save().click();
      expect((await stored()).emailRecipients).toEqual(RECIPIENTS);
      await section().getByRole('button', { name: 'Discard changes' }).click();
      expect(await pills()).toEqual(RECIPIENTS);
    },
    TEST_TIMEOUT,
  );

  it(
    'sends a test notification: email sent (to the local outbox), Slack not set up',
    async () => {
      await openSignedIn(page, url, '/settings/notifications', CREDS);
      await section().getByRole('button', { name: 'Send test notification' }).click();
      const email = section().getByTestId('test-result-email');
      await email.waitFor();
      expect(await email.textContent()).toBe('Email: sent');
      expect(await section().getByTestId('test-result-slack').textContent()).toBe('Slack: not set up');
      await until(
        () => section().getByTestId('status-email').getAttribute('data-status'),
        (s) => s === 'ok',
        'the email target to be working',
      );
      await saveScreenshot(page, 'settings-notifications');
    },
    TEST_TIMEOUT,
  );

  it('has no dialogs, CSP violations or uncaught page errors across the run', () => {
    expect(dialogs).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
