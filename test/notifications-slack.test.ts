import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { notifyTicket } from '../src/notifications/notify.ts';
import { saveSettingsSection } from '../src/settings/shop-settings.ts';
import { login, newShop } from './helpers/factories.ts';
import { type FakeSlack, type SlackAnswer, startFakeSlack } from './helpers/fake-slack.ts';
import {
  createNotificationsApp,
  type NotificationsApp,
  newTicket,
  until,
} from './helpers/notifications-app.ts';

const XSS_NAME = '<img src=x onerror=alert(1)> <!channel>';
const XSS_TEXT = '<script>alert(1)</script> <https://evil.example|click here> & more';

describe('Slack notifications', () => {
  let t: NotificationsApp;
  let slack: FakeSlack | undefined;
  let answers: (n: number) => SlackAnswer = () => ({ status: 200 });

  beforeAll(async () => {
    t = await createNotificationsApp();
  });
  afterAll(() => t.close());
  afterEach(async () => {
    await slack?.close();
    slack = undefined;
  });

  /** A shop whose Slack webhook is a fresh fake server answering with `answers`. */
  async function shopWithSlack(secret?: string) {
    slack = await startFakeSlack((n) => answers(n));
    const shop = await newShop(t.db);
    const notifications = {
      slackWebhookUrl: slack.url(secret),
      emailRecipients: [],
      notifyOn: { newTicket: true, urgent: true },
    };
    await saveSettingsSection(t.db, shop.shop.id, 'notifications', notifications);
    return { shopId: shop.shop.id, cookie: await login(t.app, shop.email), server: slack };
  }

  it('waits out a 429 Retry-After and then delivers exactly one message', async () => {
    answers = (n) => (n === 0 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 200 });
    const { shopId, server } = await shopWithSlack();
    const { number } = await newTicket(t.db, shopId);
    await notifyTicket({ db: t.db, jobs: t.jobs }, { shopId, ticketNumber: number, kind: 'created' });
    await until(() => server.requests.length >= 2, 'the retried Slack message');
    await new Promise((r) => setTimeout(r, 1500));
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1].at - server.requests[0].at).toBeGreaterThanOrEqual(1000);
    expect(JSON.stringify(server.requests[1].body)).toContain(`#${number}`);
  });

  it('sends at most one message per second to one webhook', async () => {
    answers = () => ({ status: 200 });
    const { shopId, server } = await shopWithSlack();
    const first = await newTicket(t.db, shopId);
    const second = await newTicket(t.db, shopId);
    const third = await newTicket(t.db, shopId);
    for (const { number } of [first, second, third]) {
      await notifyTicket({ db: t.db, jobs: t.jobs }, { shopId, ticketNumber: number, kind: 'created' });
    }
    await until(() => server.requests.length >= 3, 'three Slack messages');
    const times = server.requests.map((r) => r.at).sort((a, b) => a - b);
    // A few ms of slack for the server's own clock reading.
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(990);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(990);
  });

  it('does not notify twice for one new ticket', async () => {
    answers = () => ({ status: 200 });
    const { shopId, server } = await shopWithSlack();
    const { number } = await newTicket(t.db, shopId);
    await notifyTicket({ db: t.db, jobs: t.jobs }, { shopId, ticketNumber: number, kind: 'created' });
    await until(() => server.requests.length >= 1, 'the Slack message');
    await notifyTicket({ db: t.db, jobs: t.jobs }, { shopId, ticketNumber: number, kind: 'created' });
    await new Promise((r) => setTimeout(r, 1500));
    expect(server.requests).toHaveLength(1);
  });

  it('escapes customer-supplied text so mentions, links and markup arrive inert', async () => {
    answers = () => ({ status: 200 });
    const { shopId, server } = await shopWithSlack();
    const { number } = await newTicket(t.db, shopId, { name: XSS_NAME, text: XSS_TEXT });
    await notifyTicket({ db: t.db, jobs: t.jobs }, { shopId, ticketNumber: number, kind: 'created' });
    await until(() => server.requests.length >= 1, 'the Slack message');
    const { body } = server.requests[0];
    const sent = JSON.stringify(body);
    for (const raw of ['<img', '<script', '<!channel>', '<https://evil']) expect(sent).not.toContain(raw);
    expect(sent).toContain('&lt;img src=x onerror=alert(1)&gt; &lt;!channel&gt;');
    expect(sent).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; &lt;https://evil.example|click here&gt; &amp; more',
    );
    expect(body.text).toEqual(expect.stringContaining(`New ticket #${number}`));
    const blocks = body.blocks as Array<{ type: string; elements?: Array<{ url: string }> }>;
    expect(blocks[0]).toMatchObject({ type: 'header' });
    const button = blocks.find((b) => b.type === 'actions')?.elements?.[0];
    expect(button?.url).toBe(`http://127.0.0.1:3000/tickets/${number}`);
  });

  it('dead-letters a webhook that always fails, shows it as failing, and never logs the URL', async () => {
    answers = () => ({ status: 500 });
    const secret = 'T999/B999/NeverLogThisSecret42';
    const { shopId, cookie, server } = await shopWithSlack(secret);
    const { number } = await newTicket(t.db, shopId);
    await notifyTicket({ db: t.db, jobs: t.jobs }, { shopId, ticketNumber: number, kind: 'created' });
    const view = await until(async () => {
      const body = (await t.app.inject({ url: '/api/settings/notifications', headers: { cookie } })).json();
      return body.failures.length > 0 && body;
    }, 'the dead letter');
    expect(server.requests).toHaveLength(3);
    expect(view.status).toEqual({ slack: 'failing', email: 'unset' });
    expect(view.failures).toEqual([
      {
        target: 'slack',
        ticketNumber: number,
        error: 'Slack: HTTP 500',
        attempts: 3,
        createdAt: expect.any(String),
      },
    ]);
    expect(JSON.stringify(view)).not.toContain('NeverLogThisSecret42');
    expect(t.logs()).toContain('notification dead-lettered');
    expect(t.logs()).not.toContain('NeverLogThisSecret42');

    // A later success clears the failing state.
    answers = () => ({ status: 200 });
    const test = await t.app.inject({
      method: 'POST',
      url: '/api/settings/notifications/test',
      headers: { cookie },
    });
    expect(test.json()).toEqual({ slack: { ok: true }, email: { ok: false, error: 'Not configured' } });
    const after = (await t.app.inject({ url: '/api/settings/notifications', headers: { cookie } })).json();
    expect(after.status.slack).toBe('ok');
    expect(after.failures).toHaveLength(1);
  });

  it('test endpoint reports a failing webhook without retrying', async () => {
    answers = () => ({ status: 404 });
    const { cookie, server } = await shopWithSlack();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/settings/notifications/test',
      headers: { cookie },
    });
    expect(res.json().slack).toEqual({ ok: false, error: 'HTTP 404' });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].body.text).toContain('test notification');
  });

  it('refuses to follow redirects', async () => {
    answers = () => ({ status: 302, headers: { location: 'http://169.254.169.254/' } });
    const { cookie, server } = await shopWithSlack();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/settings/notifications/test',
      headers: { cookie },
    });
    expect(res.json().slack).toEqual({ ok: false, error: 'redirect refused (HTTP 302)' });
    expect(server.requests).toHaveLength(1);
  });

  it('sends nothing when the shop does not want that kind of notice', async () => {
    answers = () => ({ status: 200 });
    const { shopId, server } = await shopWithSlack();
    await saveSettingsSection(t.db, shopId, 'notifications', {
      slackWebhookUrl: server.url(),
      emailRecipients: [],
      notifyOn: { newTicket: false, urgent: false },
    });
    const { number } = await newTicket(t.db, shopId);
    const queued = await notifyTicket(
      { db: t.db, jobs: t.jobs },
      { shopId, ticketNumber: number, kind: 'created' },
    );
    expect(queued).toEqual({ slack: 0, email: 0 });
  });
});
