import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { enqueueReplyCte } from '../../agent/reply/enqueue-reply.ts';
import { appendMessage, type StoredMessage } from '../../conversations/append-message.ts';
import { createConversation } from '../../conversations/create-conversation.ts';
import type { Db } from '../../db/client.ts';
import { type ChannelType, emailAttachments, emailMessages } from '../../db/schema/index.ts';
import { findThread } from './find-thread.ts';
import { type ParsedEmail, parseEmail } from './parse/index.ts';
import { routingKey } from './routing-token.ts';

export type InboundEmail = {
  shopId: string;
  channel: { id: string; type: ChannelType };
  raw: Buffer;
  /** Gmail threadId / Outlook conversationId, and the provider's message id, when fetched through an API. */
  threadKey?: string | null;
  providerId?: string | null;
  /**
   * Whose Authentication-Results to believe. Mail straight to our SMTP listener carries only headers the
   * sender wrote, so there it is the relay's name from the channel config, or none at all.
   */
  trustedAuthServIds?: string[];
};

export type IngestResult = {
  conversationId: string;
  message: StoredMessage;
  duplicate: boolean;
  newConversation: boolean;
};

/** What the customer wrote, as the conversation shows it: the new part, else the whole text. */
const customerText = (mail: ParsedEmail) =>
  (mail.text || mail.fullText || mail.subject || '(empty email)').slice(0, 50_000);

/**
 * Stores an inbound email as a customer message in its conversation (found by threading, or new), with
 * its headers, sanitized HTML and attachments, and queues the AI reply — all in one transaction, so a
 * crash stores all of it or none, and a redelivered mail (same Message-ID) is stored once.
 */
export async function ingestEmail(db: Db, input: InboundEmail): Promise<IngestResult | null> {
  const mail = await parseEmail(input.raw, { trustedAuthServIds: input.trustedAuthServIds });
  const from = mail.from;
  if (!from?.address) return null;
  // Mail without a Message-ID still needs a stable key: derived from the provider id, else random.
  const rfcMessageId =
    mail.messageId ?? (input.providerId ? `provider.${input.providerId}` : `missing.${randomUUID()}`);
  const key = await routingKey(db, input.shopId);
  return db.transaction(async (tx) => {
    const [seen] = await tx
      .select({ conversationId: emailMessages.conversationId, messageId: emailMessages.messageId })
      .from(emailMessages)
      .where(and(eq(emailMessages.shopId, input.shopId), eq(emailMessages.rfcMessageId, rfcMessageId)));
    let conversationId =
      seen?.conversationId ??
      (await findThread(tx, input.shopId, key, {
        inReplyTo: mail.inReplyTo,
        references: mail.references,
        threadKey: input.threadKey,
      }));
    const newConversation = !conversationId;
    if (!conversationId) {
      const created = await createConversation(tx, {
        shopId: input.shopId,
        channel: input.channel.type,
        channelId: input.channel.id,
        customer: { name: from.name, email: from.address },
        subject: mail.subject || null,
      });
      conversationId = created.id;
    }
    const stored = await appendMessage(
      tx,
      {
        shopId: input.shopId,
        conversationId,
        role: 'customer',
        parts: [{ type: 'text', text: customerText(mail) }],
        clientMessageId: `email:${rfcMessageId}`.slice(0, 500),
      },
      { ctes: enqueueReplyCte },
    );
    if (stored.duplicate)
      return { conversationId, message: stored.message, duplicate: true, newConversation };
    const [email] = await tx
      .insert(emailMessages)
      .values({
        shopId: input.shopId,
        conversationId,
        messageId: stored.message.id,
        channelId: input.channel.id,
        direction: 'in',
        rfcMessageId,
        inReplyTo: mail.inReplyTo,
        references: mail.references,
        threadKey: input.threadKey ?? null,
        providerId: input.providerId ?? null,
        subject: mail.subject,
        fromAddress: from.address,
        toAddresses: mail.to,
        fullText: mail.fullText,
        html: mail.html,
        hasRemoteImages: mail.hasRemoteImages,
        auth: mail.auth,
      })
      .returning({ id: emailMessages.id });
    if (mail.attachments.length > 0) {
      await tx.insert(emailAttachments).values(
        mail.attachments.map((a) => ({
          shopId: input.shopId,
          emailMessageId: email.id,
          filename: a.filename,
          contentType: a.contentType,
          size: a.size,
          content: a.content,
        })),
      );
    }
    return { conversationId, message: stored.message, duplicate: false, newConversation };
  });
}
