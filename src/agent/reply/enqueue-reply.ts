import { sql } from 'drizzle-orm';

/**
 * A CTE for `appendMessageTo`: in the statement that stores a customer message (`ins`), records that its
 * conversation owes an AI reply up to that message. One row per conversation: a second message before
 * the reply just raises the mark.
 */
export const enqueueReplyCte = sql`, reply_job as (
  insert into reply_jobs (shop_id, conversation_id, last_customer_seq)
  select shop_id, conversation_id, seq from ins
  on conflict (conversation_id) do update
    set last_customer_seq = greatest(reply_jobs.last_customer_seq, excluded.last_customer_seq))`;
