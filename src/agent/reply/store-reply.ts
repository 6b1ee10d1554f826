import { eq, sql } from 'drizzle-orm';
import { appendMessage } from '../../conversations/append-message.ts';
import type { Db } from '../../db/client.ts';
import { type MessagePart, replyJobs } from '../../db/schema/index.ts';
import { billingMonth, releaseAiReply } from '../../settings/usage.ts';

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
 * Commits a reply, its tokens and the outbox settlement in one statement. The reply's client id is
 * derived from the message it answers, so a second worker finishing the same job cannot store a second
 * reply. `done` is false when the customer wrote again meanwhile: the job stays for another pass.
 */
export async function storeReply(db: Db, input: StoreReplyInput) {
  const tokens = input.metered
    ? sql`, tokens as (
          update ai_usage set input_tokens = input_tokens + ${input.usage.input}::bigint,
            output_tokens = output_tokens + ${input.usage.output}::bigint
          where shop_id = ${input.shopId}::uuid and month = ${billingMonth()} and exists (select 1 from ins))`
    : sql``;
  const { message, duplicate, status, row } = await appendMessage(
    db,
    {
      shopId: input.shopId,
      conversationId: input.conversationId,
      role: 'ai',
      parts: input.parts,
      clientMessageId: `reply:${input.answeredSeq}`,
    },
    {
      ctes: sql`${tokens}, settled as (
          delete from reply_jobs
          where conversation_id = ${input.conversationId}::uuid and last_customer_seq <= ${input.answeredSeq}::bigint
          returning 1)`,
      columns: sql`, (select count(*) from settled)::int as settled`,
    },
  );
  // The reply was counted when the model started; a duplicate (another worker stored it) gives that back.
  if (duplicate && input.metered) await releaseAiReply(db, input.shopId);
  const done = row.settled === 1;
  // The customer wrote again meanwhile: the job stays, with a fresh retry budget for the next answer.
  if (!done) {
    await db.update(replyJobs).set({ attempts: 0 }).where(eq(replyJobs.conversationId, input.conversationId));
  }
  // A duplicate means another worker stored this reply: its status is already published.
  return { message, duplicate, done, status: status ?? 'unresolved' };
}
