import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shops } from '../src/db/schema/index.ts';
import { saveSettingsSection } from '../src/settings/shop-settings.ts';
import { login, newShop } from './helpers/factories.ts';
import { type FakeSlack, startFakeSlack } from './helpers/fake-slack.ts';
import { createNotificationsApp, type NotificationsApp, until } from './helpers/notifications-app.ts';

// Nobody calls notifyTicket by hand here: the ticket history outbox queues the alerts after each commit,
// whether the AI opened the ticket inside the reply worker or staff raised it to urgent.

describe('ticket notifications from the history outbox', () => {
  let t: NotificationsApp;
  let slack: FakeSlack;
  let shopId: string;
  let cookie: string;
  let widgetKey: string;

  beforeAll(async () => {
    t = await createNotificationsApp();
    slack = await startFakeSlack();
    const shop = await newShop(t.db, 'Outbox shop');
    shopId = shop.shop.id;
    cookie = await login(t.app, shop.email);
    await saveSettingsSection(t.db, shopId, 'notifications', {
      slackWebhookUrl: slack.url(),
      emailRecipients: [],
      notifyOn: { newTicket: true, urgent: true },
    });
    const [row] = await t.db.select({ widgetKey: shops.widgetKey }).from(shops).where(eq(shops.id, shopId));
    widgetKey = row.widgetKey;
  });
  afterAll(async () => {
    await t.close();
    await slack.close();
  });

  it('alerts once for a ticket the AI opens, and once more when staff make it urgent', async () => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/widget/v1/conversations',
      payload: { widgetKey, customer: { name: 'Nora <b>Bold</b>' } },
    });
    const { conversationId, token } = started.json();
    const posted = await t.app.inject({
      method: 'POST',
      url: `/widget/v1/conversations/${conversationId}/messages`,
      payload: { text: 'I want to talk to a real person' },
      headers: { authorization: `Bearer ${token}` },
    });
    expect(posted.statusCode).toBe(202);
    await until(() => slack.requests.length >= 1, 'the new-ticket Slack message');
    const text = JSON.stringify(slack.requests[0].body);
    const number = Number(text.match(/#(\d+)/)?.[1]);
    expect(number).toBeGreaterThan(0);
    expect(text).toContain('Nora &lt;b&gt;Bold&lt;/b&gt;');

    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/tickets/${number}`,
      payload: { priority: 'urgent' },
      headers: { cookie },
    });
    expect(patched.statusCode).toBe(200);
    await until(() => slack.requests.length >= 2, 'the urgent Slack message');
    expect(JSON.stringify(slack.requests[1].body).toLowerCase()).toContain('urgent');
    // Nothing else follows: one message per alert.
    await new Promise((r) => setTimeout(r, 2500));
    expect(slack.requests).toHaveLength(2);
  });
});
