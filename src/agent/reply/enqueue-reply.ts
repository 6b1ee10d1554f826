import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { replyJobs } from '../../db/schema/index.ts';

/**
 * Records, in the caller's transaction, that a conversation owes an AI reply up to message `seq`.
 * One row per conversation: a second message before the reply just raises the mark.
 */
export async function enqueueReply(tx: Db, job: { shopId: string; conversationId: string; seq: number }) {
  await tx
    .insert(replyJobs)
    .values({ shopId: job.shopId, conversationId: job.conversationId, lastCustomerSeq: job.seq })
    .onConflictDoUpdate({
      target: replyJobs.conversationId,
      set: { lastCustomerSeq: sql`greatest(${replyJobs.lastCustomerSeq}, excluded.last_customer_seq)` },
    });
}
