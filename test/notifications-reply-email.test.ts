import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/client.ts';
import { conversations, ticketMessages, tickets } from '../src/db/schema/index.ts';
import { JOB } from '../src/jobs/types.ts';
import { newShop } from './helpers/factories.ts';
import type { FakeSmtp } from './helpers/fake-smtp.ts';
import {
  createNotificationsApp,
  createNotificationsAppWithSmtp,
  type NotificationsApp,
  newTicket,
  until,
} from './helpers/notifications-app.ts';

/** A staff reply owed to the customer by email, stored as the ticket routes store one. */
async function newReply(db: Db, shopId: string, body: string, subject: string | null) {
  const { number, conversationId } = await newTicket(db, shopId);
  await db.update(conversations).set({ subject }).where(eq(conversations.id, conversationId));
  const [ticket] = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.shopId, shopId), eq(tickets.number, number)));
  const [reply] = await db
    .insert(ticketMessages)
    .values({
      shopId,
      ticketId: ticket.id,
      kind: 'reply',
      body,
      authorName: 'Grace',
      emailTo: 'customer@example.com',
      emailStatus: 'pending',
    })
    .returning({ id: ticketMessages.id });
  return { number, replyId: reply.id };
}

const state = async (db: Db, id: string) => {
  const [row] = await db
    .select({
      status: ticketMessages.emailStatus,
      attempts: ticketMessages.emailAttempts,
      error: ticketMessages.emailError,
      sentAt: ticketMessages.emailSentAt,
    })
    .from(ticketMessages)
    .where(eq(ticketMessages.id, id));
  return row;
};

describe('ticket reply emails', () => {
  let t: NotificationsApp & { smtp: FakeSmtp };
  beforeAll(async () => {
    t = await createNotificationsAppWithSmtp();
  });
  afterAll(() => t.close());

  it('sends the reply to the customer once and marks it delivered', async () => {
    const shop = await newShop(t.db);
    const body = 'Hi Ada,\nyour parcel is on its way. <b>Not bold</b> & tracked.';
    const { number, replyId } = await newReply(t.db, shop.shop.id, body, 'Where is my parcel?');
    await t.jobs.send(JOB.ticketReplyEmail, { shopId: shop.shop.id, ticketMessageId: replyId });
    await until(async () => (await state(t.db, replyId)).status === 'delivered', 'delivery');
    const mails = t.smtp.mails.filter((m) => m.subject === `Re: Where is my parcel? [Ticket #${number}]`);
    expect(mails).toHaveLength(1);
    expect(mails[0].envelopeTo).toEqual(['customer@example.com']);
    expect(mails[0].text?.trim()).toBe(body);
    expect(mails[0].html).toContain('&lt;b&gt;Not bold&lt;/b&gt; &amp; tracked.');
    expect(mails[0].messageId).toBe(`<ticket-reply-${replyId}@localhost>`);
    const row = await state(t.db, replyId);
    expect(row).toMatchObject({ status: 'delivered', attempts: 1, error: null });
    expect(row.sentAt).toBeInstanceOf(Date);

    // Run again (a duplicate job): already delivered, nothing sent.
    await t.jobs.send(JOB.ticketReplyEmail, { shopId: shop.shop.id, ticketMessageId: replyId });
    await new Promise((r) => setTimeout(r, 1500));
    expect(t.smtp.mails.filter((m) => m.messageId === mails[0].messageId)).toHaveLength(1);
  });

  it('uses "Your request" without a conversation subject, and ignores another shop’s reply id', async () => {
    const shop = await newShop(t.db);
    const other = await newShop(t.db);
    const { number, replyId } = await newReply(t.db, shop.shop.id, 'Thanks for waiting.', null);
    await t.jobs.send(JOB.ticketReplyEmail, { shopId: other.shop.id, ticketMessageId: replyId });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await state(t.db, replyId)).status).toBe('pending');
    await t.jobs.send(JOB.ticketReplyEmail, { shopId: shop.shop.id, ticketMessageId: replyId });
    await until(
      () => t.smtp.mails.some((m) => m.subject === `Re: Your request [Ticket #${number}]`),
      'the reply email',
    );
  });
});

describe('ticket reply emails when the mail server is down', () => {
  let t: NotificationsApp;
  beforeAll(async () => {
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    t = await createNotificationsApp({ smtpUrl: 'smtp://127.0.0.1:9' });
  });
  afterAll(() => t.close());

  it('counts attempts, keeps the reply pending until the last retry, then marks it failed', async () => {
    const shop = await newShop(t.db);
    const { replyId } = await newReply(t.db, shop.shop.id, 'We refunded you.', 'Refund');
    await t.jobs.send(JOB.ticketReplyEmail, { shopId: shop.shop.id, ticketMessageId: replyId });
    const first = await until(async () => {
      const row = await state(t.db, replyId);
      return row.attempts >= 1 && row;
    }, 'the first attempt');
    expect(first.status).toBe('pending');
    expect(first.error).toMatch(/ECONNREFUSED|connect/i);
    const last = await until(async () => {
      const row = await state(t.db, replyId);
      return row.status === 'failed' && row;
    }, 'the reply to be marked failed');
    expect(last.attempts).toBe(3);
    expect(last.sentAt).toBeNull();
    expect(last.error).not.toContain('customer@example.com');
  });
});
