import { and, eq, lte } from 'drizzle-orm';
import { appendMessageInTransaction } from '../../conversations/append-message.ts';
import type { Db } from '../../db/client.ts';
import { type MessagePart, replyJobs } from '../../db/schema/index.ts';
import { recordAiTokens, releaseAiReply } from '../../settings/usage.ts';

export type StoreReplyInput = {
  shopId: string;
  conversationId: string;
  /** The newest customer message this reply answers. */
  answeredSeq: number;
  parts: MessagePart[];
  usage: { input: number; output: number };
  metered: boolean;
};

/**
 * Commits a reply and settles the outbox in one transaction. The reply's client id is derived from the
 * message it answers, so a second worker finishing the same job cannot store a second reply. `done` is
 * false when the customer wrote again meanwhile: the job stays for another pass.
 */
export async function storeReply(db: Db, input: StoreReplyInput) {
  return db.transaction(async (tx) => {
    const { message, duplicate, status } = await appendMessageInTransaction(tx, {
      shopId: input.shopId,
      conversationId: input.conversationId,
      role: 'ai',
      parts: input.parts,
      clientMessageId: `reply:${input.answeredSeq}`,
    });
    if (input.metered) {
      // The reply was counted when the model started; a duplicate gives that back.
      if (duplicate) await releaseAiReply(tx, input.shopId);
      else await recordAiTokens(tx, input.shopId, input.usage);
    }
    const settled = await tx
      .delete(replyJobs)
      .where(
        and(
          eq(replyJobs.conversationId, input.conversationId),
          lte(replyJobs.lastCustomerSeq, input.answeredSeq),
        ),
      )
      .returning({ id: replyJobs.conversationId });
    // The customer wrote again meanwhile: the job stays, with a fresh retry budget for the next answer.
    if (settled.length === 0) {
      await tx
        .update(replyJobs)
        .set({ attempts: 0 })
        .where(eq(replyJobs.conversationId, input.conversationId));
    }
    // A duplicate means another worker stored this reply: its status is already published.
    return { message, duplicate, done: settled.length > 0, status: status ?? 'unresolved' };
  });
}
