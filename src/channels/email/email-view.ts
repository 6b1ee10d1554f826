import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { emailAttachments, emailMessages } from '../../db/schema/index.ts';

/** The email side of each message in a conversation, for the admin: headers, sanitized HTML, delivery. */
export async function emailsByMessage(db: Db, shopId: string, conversationId: string) {
  const rows = await db
    .select({
      id: emailMessages.id,
      messageId: emailMessages.messageId,
      direction: emailMessages.direction,
      subject: emailMessages.subject,
      from: emailMessages.fromAddress,
      to: emailMessages.toAddresses,
      html: emailMessages.html,
      fullText: emailMessages.fullText,
      hasRemoteImages: emailMessages.hasRemoteImages,
      auth: emailMessages.auth,
      deliveryStatus: emailMessages.deliveryStatus,
      deliveryError: emailMessages.deliveryError,
      deliveryAttempts: emailMessages.deliveryAttempts,
      sentAt: emailMessages.sentAt,
    })
    .from(emailMessages)
    .where(and(eq(emailMessages.shopId, shopId), eq(emailMessages.conversationId, conversationId)))
    .orderBy(asc(emailMessages.createdAt));
  const attachments = rows.length
    ? await db
        .select({
          id: emailAttachments.id,
          emailMessageId: emailAttachments.emailMessageId,
          filename: emailAttachments.filename,
          contentType: emailAttachments.contentType,
          size: emailAttachments.size,
        })
        .from(emailAttachments)
        .where(
          and(
            eq(emailAttachments.shopId, shopId),
            inArray(
              emailAttachments.emailMessageId,
              rows.map((r) => r.id),
            ),
          ),
        )
    : [];
  const byMessage = new Map<string, EmailView>();
  for (const r of rows) {
    if (!r.messageId) continue;
    byMessage.set(r.messageId, {
      id: r.id,
      direction: r.direction,
      subject: r.subject,
      from: r.from,
      to: r.to,
      html: r.html,
      originalText: r.fullText,
      hasRemoteImages: r.hasRemoteImages,
      verifiedSender: r.auth?.verifiedSender ?? false,
      delivery:
        r.direction === 'out'
          ? {
              status: r.deliveryStatus ?? 'pending',
              error: r.deliveryError,
              attempts: r.deliveryAttempts,
              sentAt: r.sentAt?.toISOString() ?? null,
            }
          : null,
      attachments: attachments
        .filter((a) => a.emailMessageId === r.id)
        .map((a) => ({ id: a.id, filename: a.filename, contentType: a.contentType, size: a.size })),
    });
  }
  return byMessage;
}

export type EmailView = {
  id: string;
  direction: 'in' | 'out';
  subject: string;
  from: string | null;
  to: string[];
  html: string | null;
  originalText: string | null;
  hasRemoteImages: boolean;
  verifiedSender: boolean;
  delivery: {
    status: 'pending' | 'sent' | 'failed';
    error: string | null;
    attempts: number;
    sentAt: string | null;
  } | null;
  attachments: Array<{ id: string; filename: string | null; contentType: string; size: number }>;
};
