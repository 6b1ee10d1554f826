import { and, eq, sql } from 'drizzle-orm';
import escapeHtml from 'escape-html';
import { z } from 'zod';
import { newMessageId, routingKey } from '../channels/email/routing-token.ts';
import { threadHeaders } from '../channels/email/thread-headers.ts';
import { type Db, queryRows } from '../db/client.ts';
import { emailMessages, ticketMessages } from '../db/schema/index.ts';
import type { JobHandler } from '../jobs/types.ts';
import { type Mailer, senderDomain } from '../mail/mailer.ts';
import { shortError } from './notify-jobs.ts';

const ZData = z.object({ shopId: z.guid(), ticketMessageId: z.guid() });

type Row = {
  id: string;
  body: string;
  email_to: string;
  email_status: string | null;
  number: number;
  subject: string | null;
  conversation_id: string | null;
  conversation_message_id: string | null;
  channel_id: string | null;
};

/** `Re: <conversation subject> [Ticket #N]`, without stacking a second "Re:". */
export function replySubject(subject: string | null, number: number): string {
  const base =
    (subject ?? '')
      .replace(/[\r\n]+/g, ' ')
      .trim()
      .replace(/^(re:\s*)+/i, '') || 'Your request';
  return `Re: ${base} [Ticket #${number}]`;
}

/**
 * Emails a staff reply to the customer and records the outcome on the reply: delivered (with the time),
 * or the error and attempt count, kept pending until the last retry and failed after it. A reply already
 * delivered is skipped, so a second run sends nothing.
 */
export function ticketReplyEmailJob({ db, mailer }: { db: Db; mailer: Mailer }): JobHandler {
  return async (data, ctx) => {
    const parsed = ZData.safeParse(data);
    if (!parsed.success) return;
    const { shopId, ticketMessageId } = parsed.data;
    const [row] = await queryRows<Row>(
      db,
      sql`select m.id, m.body, m.email_to, m.email_status, t.number, c.subject, c.id as conversation_id,
            m.conversation_message_id, c.channel_id
          from ticket_messages m
          join tickets t on t.id = m.ticket_id and t.shop_id = m.shop_id
          left join conversations c on c.id = t.conversation_id and c.shop_id = m.shop_id
          where m.shop_id = ${shopId} and m.id = ${ticketMessageId}
            and m.kind = 'reply' and m.email_to is not null`,
    );
    if (!row || row.email_status === 'delivered') return;
    const where = and(eq(ticketMessages.shopId, shopId), eq(ticketMessages.id, ticketMessageId));
    // In an email conversation the reply joins its thread, under a routing id of ours (stable per reply).
    const thread = row.conversation_id ? await threadHeaders(db, shopId, row.conversation_id) : null;
    const rfcId =
      thread && row.conversation_id
        ? newMessageId(await routingKey(db, shopId), row.conversation_id, `t${row.id.replaceAll('-', '')}`)
        : `ticket-reply-${row.id}@${senderDomain(mailer.from)}`;
    try {
      await mailer.send({
        to: row.email_to,
        subject: replySubject(thread?.subject || row.subject, row.number),
        text: row.body,
        html: `<div style="white-space:pre-wrap;font-family:sans-serif">${escapeHtml(row.body)}</div>`,
        // Stable per reply: a resend after a crash is recognisably the same message.
        messageId: `<${rfcId}>`,
        inReplyTo: thread ? `<${thread.inReplyTo}>` : undefined,
        references: thread?.references.map((r) => `<${r}>`),
        headers: { 'X-Supportify-Ticket': String(row.number) },
      });
    } catch (err) {
      const error = shortError(err);
      await db
        .update(ticketMessages)
        .set({
          emailAttempts: sql`${ticketMessages.emailAttempts} + 1`,
          emailError: error,
          emailStatus: ctx.final ? 'failed' : 'pending',
        })
        .where(where);
      throw new Error(`reply email: ${error}`);
    }
    if (thread && row.conversation_id) {
      // Recorded in the thread, so the customer's answer to it threads back to this conversation.
      await db
        .insert(emailMessages)
        .values({
          shopId,
          conversationId: row.conversation_id,
          messageId: row.conversation_message_id,
          channelId: row.channel_id,
          direction: 'out',
          rfcMessageId: rfcId,
          inReplyTo: thread.inReplyTo,
          references: thread.references,
          subject: replySubject(thread.subject || row.subject, row.number),
          fullText: row.body,
          deliveryStatus: 'sent',
          sentAt: new Date(),
        })
        .onConflictDoNothing();
    }
    await db
      .update(ticketMessages)
      .set({
        emailStatus: 'delivered',
        emailSentAt: new Date(),
        emailError: null,
        emailAttempts: sql`${ticketMessages.emailAttempts} + 1`,
      })
      .where(where);
  };
}
