import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyTicket } from '../src/notifications/notify.ts';
import { saveSettingsSection } from '../src/settings/shop-settings.ts';
import { login, newShop } from './helpers/factories.ts';
import type { FakeSmtp } from './helpers/fake-smtp.ts';
import {
  createNotificationsApp,
  createNotificationsAppWithSmtp,
  type NotificationsApp,
  newTicket,
  until,
} from './helpers/notifications-app.ts';

const XSS_NAME = '<img src=x onerror=alert(1)>';
const XSS_TEXT = '<script>alert("hi")</script> where is my order?';

describe('email notifications', () => {
  let t: NotificationsApp & { smtp: FakeSmtp };
  beforeAll(async () => {
    t = await createNotificationsAppWithSmtp();
  });
  afterAll(() => t.close());

  async function shopWithRecipients(emailRecipients: string[]) {
    const shop = await newShop(t.db);
    await saveSettingsSection(t.db, shop.shop.id, 'notifications', {
      slackWebhookUrl: null,
      emailRecipients,
      notifyOn: { newTicket: true, urgent: false },
    });
    return { shopId: shop.shop.id, cookie: await login(t.app, shop.email) };
  }

  it('emails each recipient about a new ticket, with customer text escaped in the HTML', async () => {
    const { shopId } = await shopWithRecipients(['staff1@shop.test', 'staff2@shop.test']);
    const { number } = await newTicket(t.db, shopId, {
      name: XSS_NAME,
      text: XSS_TEXT,
      category: 'Order issue',
      priority: 'high',
    });
    const queued = await notifyTicket(
      { db: t.db, jobs: t.jobs },
      { shopId, ticketNumber: number, kind: 'created' },
    );
    expect(queued).toEqual({ slack: 0, email: 2 });
    const mine = () => t.smtp.mails.filter((m) => m.subject === `New ticket #${number}: Order issue (high)`);
    await until(() => mine().length >= 2, 'two notification emails');
    expect(
      mine()
        .flatMap((m) => m.envelopeTo)
        .sort(),
    ).toEqual(['staff1@shop.test', 'staff2@shop.test']);
    const [mail] = mine();
    expect(mail.from?.address).toBe('support@localhost');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toContain('<script');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;');
    expect(mail.html).toContain(`href="http://127.0.0.1:3000/tickets/${number}"`);
    expect(mail.text).toContain(`Open the ticket: http://127.0.0.1:3000/tickets/${number}`);
    expect(mail.text).toContain(XSS_TEXT);
  });

  it('answers the test endpoint per target and emails every recipient', async () => {
    const { cookie } = await shopWithRecipients(['ops@shop.test']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/settings/notifications/test',
      headers: { cookie },
    });
    expect(res.json()).toEqual({ slack: { ok: false, error: 'Not configured' }, email: { ok: true } });
    await until(
      () =>
        t.smtp.mails.some(
          (m) => m.subject === 'Supportify test notification' && m.envelopeTo.includes('ops@shop.test'),
        ),
      'the test email',
    );
  });

  it('logs one line per mail without addresses or bodies', async () => {
    expect(t.logs()).toContain('mail sent over SMTP');
    for (const secret of ['staff1@shop.test', 'ops@shop.test', 'where is my order']) {
      expect(t.logs()).not.toContain(secret);
    }
  });
});

describe('email without SMTP_URL', () => {
  let t: NotificationsApp;
  beforeAll(async () => {
    t = await createNotificationsApp();
  });
  afterAll(() => t.close());

  it('writes each mail as an .eml file in <dataDir>/outbox', async () => {
    const shop = await newShop(t.db);
    await saveSettingsSection(t.db, shop.shop.id, 'notifications', {
      slackWebhookUrl: null,
      emailRecipients: ['desk@shop.test'],
      notifyOn: { newTicket: true, urgent: false },
    });
    const { number } = await newTicket(t.db, shop.shop.id, { category: 'Billing', priority: 'low' });
    await notifyTicket(
      { db: t.db, jobs: t.jobs },
      { shopId: shop.shop.id, ticketNumber: number, kind: 'created' },
    );
    const outbox = path.join(t.dataDir, 'outbox');
    const files = await until(async () => {
      const found = (await fs.readdir(outbox).catch(() => [] as string[])).filter((f) => f.endsWith('.eml'));
      return found.length > 0 && found;
    }, 'an .eml file');
    const eml = await fs.readFile(path.join(outbox, files[0]), 'utf8');
    expect(eml).toContain(`Subject: New ticket #${number}: Billing (low)`);
    expect(eml).toContain('To: desk@shop.test');
    expect(t.logs()).toContain('mail written to the outbox');
    expect(t.logs()).not.toContain('desk@shop.test');
  });
});
