import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getShopSettings } from '../src/settings/shop-settings.ts';
import { login, newShop } from './helpers/factories.ts';
import { expectError } from './helpers/http.ts';
import { createNotificationsApp, type NotificationsApp } from './helpers/notifications-app.ts';

const PATH = '/api/settings/notifications';
const SLACK = 'https://hooks.slack.com/services/T0123ABC/B0456DEF/s3cretT0kenValue9abcd';

describe('Settings → Notifications', () => {
  let t: NotificationsApp;
  let cookie: string;
  let shopId: string;
  const put = (payload: unknown, c = cookie) =>
    t.app.inject({ method: 'PUT', url: PATH, headers: { cookie: c }, payload: payload as object });
  const get = async (c = cookie) => {
    const res = await t.app.inject({ url: PATH, headers: { cookie: c } });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };

  beforeAll(async () => {
    t = await createNotificationsApp({
      // No real DNS (and nothing is ever sent here): a public answer for Slack, private ones for the traps.
      hosts: {
        'hooks.slack.com': ['34.226.36.1'],
        'rebind.example.com': ['10.1.2.3'],
        'mixed.example.com': ['34.226.36.1', '192.168.0.7'],
        'v6private.example.com': ['fd12::1'],
      },
    });
    const shop = await newShop(t.db);
    shopId = shop.shop.id;
    cookie = await login(t.app, shop.email);
  });
  afterAll(() => t.close());

  it('starts with nothing configured and new-ticket alerts on', async () => {
    const body = (await get()).json();
    expect(body).toEqual({
      slackWebhookUrl: null,
      slackWebhookSet: false,
      emailRecipients: [],
      notifyOn: { newTicket: true, urgent: false },
      status: { slack: 'unset', email: 'unset' },
      failures: [],
    });
  });

  it('saves a webhook and recipients, and only ever shows the URL masked', async () => {
    const res = await put({
      slackWebhookUrl: SLACK,
      emailRecipients: ['a@shop.com', 'A@shop.com', 'b@shop.com'],
      notifyOn: { urgent: true },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = (await get()).json();
    expect(body.slackWebhookUrl).toBe('https://hooks.slack.com/services/T…/…abcd');
    expect(body.slackWebhookSet).toBe(true);
    expect(body.emailRecipients).toEqual(['a@shop.com', 'b@shop.com']);
    expect(body.notifyOn).toEqual({ newTicket: true, urgent: true });
    expect(body.status).toEqual({ slack: 'ok', email: 'ok' });
    for (const r of [res, await get()]) expect(r.body).not.toContain('s3cretT0ken');
    expect(t.logs()).not.toContain('s3cretT0ken');
    expect((await getShopSettings(t.db, shopId)).notifications.slackWebhookUrl).toBe(SLACK);
  });

  it('keeps the stored URL when the masked value comes back or the field is left out', async () => {
    const masked = (await get()).json().slackWebhookUrl;
    expect((await put({ slackWebhookUrl: masked, emailRecipients: ['c@shop.com'] })).statusCode).toBe(200);
    expect((await put({ notifyOn: { newTicket: false } })).statusCode).toBe(200);
    const { notifications } = await getShopSettings(t.db, shopId);
    expect(notifications).toEqual({
      slackWebhookUrl: SLACK,
      emailRecipients: ['c@shop.com'],
      notifyOn: { newTicket: false, urgent: true },
    });
  });

  it.each([
    'https://127.0.0.1/',
    'https://10.0.0.1/hook',
    'https://172.16.5.4/',
    'https://192.168.1.1/',
    'https://100.64.0.1/',
    'https://169.254.169.254/latest/meta-data/',
    'https://[::1]/',
    'https://[::ffff:127.0.0.1]/',
    'https://[::ffff:a9fe:a9fe]/',
    'https://[fe80::1]/',
    'https://[fd00::1]/',
    'https://0.0.0.0/',
    'https://2130706433/',
    'https://224.0.0.1/',
    'http://hooks.slack.com/services/T0/B0/x',
    'https://localhost/',
    'https://api.localhost/',
    'https://metadata.google.internal/computeMetadata/v1/',
    'https://metadata/',
    'https://rebind.example.com/hook',
    'https://mixed.example.com/hook',
    'https://v6private.example.com/hook',
    'https://nxdomain.example.com/hook',
    'https://user:pass@hooks.slack.com/services/T0/B0/x',
    'ftp://hooks.slack.com/x',
    'not a url',
  ])('refuses %s with webhook_url_not_allowed and saves nothing', async (url) => {
    const before = (await getShopSettings(t.db, shopId)).notifications;
    const res = await put({ slackWebhookUrl: url, emailRecipients: ['new@shop.com'] });
    expectError(res, 400, 'webhook_url_not_allowed');
    expect((await getShopSettings(t.db, shopId)).notifications).toEqual(before);
  });

  it('refuses plain-http loopback unless the test-only switch is on', async () => {
    const strict = await createNotificationsApp({ notifications: { allowLoopbackWebhooks: false } });
    try {
      const shop = await newShop(strict.db);
      const c = await login(strict.app, shop.email);
      const res = await strict.app.inject({
        method: 'PUT',
        url: PATH,
        headers: { cookie: c },
        payload: { slackWebhookUrl: 'http://127.0.0.1:9/services/T/B/x' },
      });
      expectError(res, 400, 'webhook_url_not_allowed');
    } finally {
      await strict.close();
    }
  });

  it.each([
    [['not-an-email']],
    [['ok@shop.com', 'two@@shop.com']],
    [Array.from({ length: 11 }, (_, i) => `r${i}@shop.com`)],
  ])('refuses bad recipients %j with invalid_recipients and changes nothing', async (emailRecipients) => {
    const before = (await getShopSettings(t.db, shopId)).notifications;
    const res = await put({ emailRecipients, slackWebhookUrl: null });
    expectError(res, 400, 'invalid_recipients');
    expect((await getShopSettings(t.db, shopId)).notifications).toEqual(before);
  });

  it('refuses unknown fields and wrong types with invalid_request', async () => {
    expectError(await put({ slackWebhookUrl: 5 }), 400, 'invalid_request');
    expectError(await put({ extra: true }), 400, 'invalid_request');
  });

  it("keeps each shop's settings to itself", async () => {
    const other = await newShop(t.db, 'Other shop');
    const otherCookie = await login(t.app, other.email);
    const seen = (await get(otherCookie)).json();
    expect(seen.slackWebhookSet).toBe(false);
    expect(seen.emailRecipients).toEqual([]);
    expect(
      (await put({ slackWebhookUrl: null, emailRecipients: ['x@other.com'] }, otherCookie)).statusCode,
    ).toBe(200);
    const mine = (await getShopSettings(t.db, shopId)).notifications;
    expect(mine.slackWebhookUrl).toBe(SLACK);
    expect(mine.emailRecipients).toEqual(['c@shop.com']);
  });

  it('clears the webhook with null or an empty string', async () => {
    expect((await put({ slackWebhookUrl: null })).json().slackWebhookSet).toBe(false);
    await put({ slackWebhookUrl: SLACK });
    const cleared = (await put({ slackWebhookUrl: '' })).json();
    expect(cleared).toMatchObject({
      slackWebhookUrl: null,
      slackWebhookSet: false,
      status: { slack: 'unset' },
    });
  });

  it('needs a session', async () => {
    expectError(await t.app.inject({ url: PATH }), 401, 'unauthenticated');
    expectError(await t.app.inject({ method: 'PUT', url: PATH, payload: {} }), 401, 'unauthenticated');
    expectError(await t.app.inject({ method: 'POST', url: `${PATH}/test` }), 401, 'unauthenticated');
  });
});
