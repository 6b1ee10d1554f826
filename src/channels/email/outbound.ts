import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Db, queryRows } from '../../db/client.ts';
import { channels, conversations, customers, emailMessages } from '../../db/schema/index.ts';
import { deliveryPolicy } from '../../jobs/delivery-policy.ts';
import type { JobHandler, JobPolicy } from '../../jobs/types.ts';
import type { Mailer } from '../../mail/mailer.ts';
import { shortError } from '../../notifications/notify-jobs.ts';
import { newMessageId, routingKey } from './routing-token.ts';
import { sendThroughChannel } from './send-through-channel.ts';
import { threadHeaders } from './thread-headers.ts';

/** `Re: <subject>` without stacking a second "Re:". */
export const reSubject = (subject: string | null) =>
  `Re: ${
    (subject ?? '')
      .replace(/[\r\n]+/g, ' ')
      .trim()
      .replace(/^(re:\s*)+/i, '') || 'Your request'
  }`;

/**
 * Queues an email answer in the conversation's thread, in the caller's transaction: In-Reply-To the
 * newest mail in it, References the chain, a signed Message-ID of ours. Sent by the `email-send` job.
 */
export async function queueOutboundEmail(
  tx: Db,
  input: { shopId: string; conversationId: string; messageId: string; body: string },
): Promise<string> {
  const [conversation] = await tx
    .select({
      subject: conversations.subject,
      channelId: conversations.channelId,
      to: customers.email,
      from: sql<string | null>`coalesce(${channels.inboundAddress}, ${channels.config}->>'address')`,
    })
    .from(conversations)
    .leftJoin(customers, eq(customers.id, conversations.customerId))
    .leftJoin(channels, eq(channels.id, conversations.channelId))
    .where(and(eq(conversations.shopId, input.shopId), eq(conversations.id, input.conversationId)));
  const thread = await threadHeaders(tx, input.shopId, input.conversationId);
  const key = await routingKey(tx, input.shopId);
  const [row] = await tx
    .insert(emailMessages)
    .values({
      shopId: input.shopId,
      conversationId: input.conversationId,
      messageId: input.messageId,
      channelId: conversation?.channelId ?? null,
      direction: 'out',
      rfcMessageId: newMessageId(key, input.conversationId),
      inReplyTo: thread?.inReplyTo ?? null,
      references: thread?.references ?? [],
      subject: reSubject(thread?.subject || conversation?.subject || null),
      fromAddress: conversation?.from ?? null,
      toAddresses: conversation?.to ? [conversation.to] : [],
      fullText: input.body,
      deliveryStatus: 'pending',
    })
    .returning({ id: emailMessages.id });
  return row.id;
}

/** Waits growing from 10 s to 10 min, for a day: a mail server away overnight does not lose the answer. */
export const EMAIL_SEND_POLICY: JobPolicy = deliveryPolicy(10);

const ZData = z.object({ shopId: z.guid(), emailMessageId: z.guid() });
type Row = {
  rfc_message_id: string;
  in_reply_to: string | null;
  references: string[];
  subject: string;
  full_text: string;
  delivery_status: string;
  customer_email: string | null;
  channel_address: string | null;
  channel_type: string | null;
  channel_config: Record<string, unknown> | null;
  thread_key: string | null;
  provider_id: string | null;
};

/**
 * Sends one queued email answer and records the outcome on it: sent (with the time), or the error and
 * attempts, pending until the last retry, failed after it. A sent one is skipped, so a rerun sends nothing.
 */
export function emailSendJob({ db, mailer }: { db: Db; mailer: Mailer }): JobHandler {
  return async (data, ctx) => {
    const parsed = ZData.safeParse(data);
    if (!parsed.success) return;
    const { shopId, emailMessageId } = parsed.data;
    const [row] = await queryRows<Row>(
      db,
      sql`select e.rfc_message_id, e.in_reply_to, e.references, e.subject, e.full_text, e.delivery_status,
            cu.email as customer_email, coalesce(ch.inbound_address, ch.config->>'address') as channel_address,
            ch.type as channel_type, ch.config as channel_config, last_in.thread_key, last_in.provider_id
          from email_messages e
          join conversations c on c.id = e.conversation_id and c.shop_id = e.shop_id
          left join customers cu on cu.id = c.customer_id
          left join channels ch on ch.id = e.channel_id
          left join lateral (
            select i.thread_key, i.provider_id from email_messages i
            where i.conversation_id = e.conversation_id and i.direction = 'in'
            order by i.created_at desc limit 1) last_in on true
          where e.shop_id = ${shopId} and e.id = ${emailMessageId} and e.direction = 'out'`,
    );
    if (!row || row.delivery_status === 'sent') return;
    const where = and(eq(emailMessages.shopId, shopId), eq(emailMessages.id, emailMessageId));
    try {
      if (!row.customer_email) throw new Error('The customer has no email address');
      await sendThroughChannel(
        mailer,
        {
          type: row.channel_type ?? 'email',
          config: row.channel_config ?? {},
          threadKey: row.thread_key,
          providerId: row.provider_id,
        },
        {
          to: row.customer_email,
          from: row.channel_address,
          subject: row.subject,
          text: row.full_text,
          messageId: row.rfc_message_id,
          inReplyTo: row.in_reply_to,
          references: row.references,
        },
      );
    } catch (err) {
      const error = shortError(err);
      await db
        .update(emailMessages)
        .set({
          deliveryAttempts: sql`${emailMessages.deliveryAttempts} + 1`,
          deliveryError: error,
          deliveryStatus: ctx.final ? 'failed' : 'pending',
        })
        .where(where);
      throw new Error(`email send: ${error}`);
    }
    await db
      .update(emailMessages)
      .set({
        deliveryStatus: 'sent',
        sentAt: new Date(),
        deliveryError: null,
        deliveryAttempts: sql`${emailMessages.deliveryAttempts} + 1`,
      })
      .where(where);
  };
}
