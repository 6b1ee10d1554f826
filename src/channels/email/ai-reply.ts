import { and, eq, sql } from 'drizzle-orm';
import { messageText, type StoredMessage } from '../../conversations/append-message.ts';
import type { Db } from '../../db/client.ts';
import { conversations, drafts } from '../../db/schema/index.ts';
import { queueOutboundEmail } from './outbound.ts';

export const EMAIL_CHANNELS = new Set(['gmail', 'outlook', 'email']);

export type EmailFollowUp = { outboundId: string | null; draft: boolean };

/**
 * What an AI reply in an email conversation becomes, in the transaction that stores it: in `auto` mode
 * an email queued to the customer; in `draft` mode a draft for staff (the conversation shows as Draft)
 * and nothing sent. A reply without text (tools only) sends nothing.
 */
export async function followUpAiEmail(
  tx: Db,
  input: { shopId: string; conversationId: string; message: StoredMessage; mode: 'auto' | 'draft' },
): Promise<EmailFollowUp> {
  const body = messageText(input.message.parts).trim();
  if (!body) return { outboundId: null, draft: false };
  if (input.mode === 'auto') {
    const outboundId = await queueOutboundEmail(tx, { ...input, messageId: input.message.id, body });
    return { outboundId, draft: false };
  }
  // One pending draft per conversation: a newer AI answer replaces the one waiting for review.
  await tx
    .insert(drafts)
    .values({ shopId: input.shopId, conversationId: input.conversationId, body })
    .onConflictDoUpdate({
      target: drafts.conversationId,
      targetWhere: sql`${drafts.status} = 'pending'`,
      set: { body, updatedAt: new Date() },
    });
  await tx
    .update(conversations)
    .set({ status: 'draft', hasDraft: true, updatedAt: new Date() })
    .where(and(eq(conversations.shopId, input.shopId), eq(conversations.id, input.conversationId)));
  return { outboundId: null, draft: true };
}
