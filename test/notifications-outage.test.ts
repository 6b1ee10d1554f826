import { sql } from 'drizzle-orm';
import { TestClock } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTcpProxy, type TcpProxy } from '../e2e/helpers/tcp-proxy.ts';
import { queryRows } from '../src/db/client.ts';
import { JOB } from '../src/jobs/types.ts';
import { saveSettingsSection } from '../src/settings/shop-settings.ts';
import { login, newShop } from './helpers/factories.ts';
import { type FakeSlack, startFakeSlack } from './helpers/fake-slack.ts';
import { type FakeSmtp, startFakeSmtp } from './helpers/fake-smtp.ts';
import {
  createNotificationsApp,
  type NotificationsApp,
  newTicket,
  until,
} from './helpers/notifications-app.ts';

// Issue 8, fault tests: Slack and the mail server unreachable for twelve hours, on pg-boss's TestClock
// (JavaScript timers and the database's job clock move together, by hand), with the production retry
// policies. Every alert and the customer's reply email must arrive once after recovery, none dead-lettered.

const QUEUES = [JOB.notifySlack, JOB.notifyEmail, JOB.ticketReplyEmail];
const RECIPIENTS = ['oncall@shop.example', 'lead@shop.example'];
const TICKETS = 3;
const OUTAGE_HOURS = 12;
const STEP_MS = 5 * 60_000;

type JobRow = { name: string; state: string; retry_count: number };

describe('Slack and SMTP down for hours (controllable clock)', () => {
  const clock = new TestClock();
  let t: NotificationsApp;
  let slack: FakeSlack;
  let smtp: FakeSmtp;
  let slackProxy: TcpProxy;
  let smtpProxy: TcpProxy;
  let shopId: string;
  let cookie: string;

  const jobs = () =>
    queryRows<JobRow>(
      t.db,
      sql`select name, state, retry_count from pgboss.job where name = any(${`{${QUEUES.join(',')}}`}::text[])`,
    );
  // Due (queued and its time has come on the test clock; this pool's sessions read real time) or running.
  const busy = async () =>
    (
      await queryRows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from pgboss.job where name = any(${`{${QUEUES.join(',')}}`}::text[])
            and (state = 'active' or (state in ('created', 'retry') and start_after <= to_timestamp(${clock.now() / 1000})))`,
      )
    )[0].n;

  /** Moves the clock on by `ms` in steps, letting the workers poll and every due try finish at each one. */
  async function advance(ms: number) {
    const until = clock.now() + ms;
    while (clock.now() < until) {
      await clock.setTime(Math.min(until, clock.now() + STEP_MS));
      for (let i = 0; (await busy()) > 0; i++) {
        if (i > 500) throw new Error('jobs stayed busy');
        await clock.tick(1000);
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  }

  const status = async () =>
    (
      await t.app.inject({ method: 'GET', url: '/api/settings/notifications', headers: { cookie } })
    ).json() as { status: { slack: string; email: string } };

  beforeAll(async () => {
    slack = await startFakeSlack();
    smtp = await startFakeSmtp();
    slackProxy = await startTcpProxy(Number(new URL(slack.url()).port));
    smtpProxy = await startTcpProxy(Number(new URL(smtp.url).port));
    t = await createNotificationsApp({
      smtpUrl: `smtp://127.0.0.1:${smtpProxy.port}`,
      clock,
      // The production retry policies (no test shortening); Slack's 1 msg/s pacing is real time, so shorter.
      notifications: { allowLoopbackWebhooks: true, policies: {}, slackIntervalMs: 5 },
    });
    const shop = await newShop(t.db, 'Outage shop');
    shopId = shop.shop.id;
    cookie = await login(t.app, shop.email);
    await saveSettingsSection(t.db, shopId, 'notifications', {
      slackWebhookUrl: `http://127.0.0.1:${slackProxy.port}/services/T000/B000/outage`,
      emailRecipients: RECIPIENTS,
      notifyOn: { newTicket: true, urgent: true },
    });
  });
  afterAll(async () => {
    await t?.close();
    await Promise.all([slackProxy?.close(), smtpProxy?.close(), slack?.close(), smtp?.close()]);
  });

  it('retries through a twelve-hour outage and delivers each notification once after it', async () => {
    slackProxy.cut();
    smtpProxy.cut();
    const numbers: number[] = [];
    for (let i = 0; i < TICKETS; i++) {
      const { number } = await newTicket(t.db, shopId, { name: `Outage ${i}`, email: `c${i}@example.com` });
      numbers.push(number);
    }
    // A staff reply the customer of the first ticket is owed by email.
    const replied = await t.app.inject({
      method: 'POST',
      url: `/api/tickets/${numbers[0]}/replies`,
      headers: { cookie },
      payload: { body: 'Your parcel is on its way again.' },
    });
    expect(replied.statusCode).toBe(201);
    const expected = TICKETS + TICKETS * RECIPIENTS.length + 1;
    // The ticket history outbox queues the jobs (real time).
    await until(async () => (await jobs()).length === expected, `${expected} notification jobs queued`);

    await advance(OUTAGE_HOURS * 3600_000);
    const during = await jobs();
    expect(slack.requests).toHaveLength(0);
    expect(smtp.mails).toHaveLength(0);
    // Still retrying: none dead-lettered, every one tried many times (waits are capped at 10 minutes).
    expect(during.map((j) => j.state).sort()).toEqual(Array(expected).fill('retry'));
    for (const job of during) expect(job.retry_count, job.name).toBeGreaterThan(50);
    const failures = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from notification_failures where shop_id = ${shopId}`,
    );
    expect(failures[0].n).toBe(0);
    // Staff see it in Settings → Notifications while it lasts.
    expect((await status()).status).toEqual({ slack: 'failing', email: 'failing' });

    await slackProxy.restore();
    await smtpProxy.restore();
    // The longest wait between tries is 10 minutes: everything arrives within it.
    await advance(11 * 60_000);
    await until(
      () => slack.requests.length >= TICKETS && smtp.mails.length >= expected - TICKETS,
      'deliveries',
    );
    expect((await jobs()).every((j) => j.state === 'completed')).toBe(true);

    // Once each: one Slack message per ticket, one mail per ticket and recipient, one reply email.
    const slackNumbers = slack.requests.map((r) => Number(/#(\d+)/.exec(JSON.stringify(r.body))?.[1]));
    expect(slackNumbers.sort()).toEqual([...numbers].sort());
    const notices = smtp.mails.filter((m) => m.envelopeTo.some((to) => RECIPIENTS.includes(to)));
    expect(notices).toHaveLength(TICKETS * RECIPIENTS.length);
    const perRecipient = new Set(
      notices.map((m) => `${m.envelopeTo.join()} ${/#(\d+)/.exec(m.subject ?? '')?.[1]}`),
    );
    expect(perRecipient.size).toBe(TICKETS * RECIPIENTS.length);
    const replies = smtp.mails.filter((m) => m.envelopeTo.includes('c0@example.com'));
    expect(replies).toHaveLength(1);
    expect(replies[0].text).toContain('Your parcel is on its way again.');

    // Nothing more later, and the targets are healthy again.
    await advance(2 * 3600_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.requests).toHaveLength(TICKETS);
    expect(smtp.mails).toHaveLength(expected - TICKETS);
    expect((await status()).status).toEqual({ slack: 'ok', email: 'ok' });
  }, 120_000);
});
