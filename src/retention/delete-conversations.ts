import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { uuidArray } from '../db/sql-arrays.ts';

/** A conversation to delete: its id and start (the messages' partition key, so deletes prune). */
export type DoomedConversation = { id: string; startedAt: Date | string };

// Distinct start times: many conversations share a partition, the list only needs each time once.
const timeArray = (times: Array<Date | string>) =>
  sql`${`{${[...new Set(times.map((t) => (t instanceof Date ? t.toISOString() : t)))].join(',')}}`}::timestamptz[]`;

/**
 * Deletes conversations with their messages and everything hanging off them (drafts, ratings, email
 * rows and attachments, reply jobs), in one transaction. Their tickets stay, marked as having lost their
 * conversation; customers left with neither conversations nor tickets go too (nothing personal is orphaned).
 * Messages have no foreign key (they are partitioned), so they are deleted here, pruned by start time.
 */
export async function deleteConversations(db: Db, shopId: string | null, doomed: DoomedConversation[]) {
  if (doomed.length === 0) return { conversations: 0, messages: 0 };
  const ids = uuidArray(doomed.map((c) => c.id));
  const starts = timeArray(doomed.map((c) => c.startedAt));
  const inShop = shopId ? sql` and shop_id = ${shopId}::uuid` : sql``;
  return db.transaction(async (tx) => {
    const msgs = await tx.execute(
      sql`delete from messages where conversation_id = any(${ids}) and conversation_started_at = any(${starts})${inShop}`,
    );
    await tx.execute(sql`update ticket_messages tm set conversation_message_id = null from tickets t
      where t.id = tm.ticket_id and t.conversation_id = any(${ids}) and tm.conversation_message_id is not null`);
    await tx.execute(sql`update tickets set conversation_expired_at = now()
      where conversation_id = any(${ids})${inShop}`);
    const gone = await tx.execute<{ customer_id: string | null }>(
      sql`delete from conversations where id = any(${ids})${inShop} returning customer_id`,
    );
    const goneRows = rowsOf<{ customer_id: string | null }>(gone);
    const customerIds = [...new Set(goneRows.flatMap((r) => (r.customer_id ? [r.customer_id] : [])))];
    if (customerIds.length) {
      await tx.execute(sql`delete from customers cu where cu.id = any(${uuidArray(customerIds)})
        and not exists (select 1 from conversations c where c.customer_id = cu.id)
        and not exists (select 1 from tickets t where t.customer_id = cu.id)`);
    }
    return { conversations: goneRows.length, messages: affected(msgs) };
  });
}

type Result = { rows?: unknown[]; rowCount?: number | null; affectedRows?: number };
const rowsOf = <T>(r: unknown) => ((r as Result).rows ?? []) as T[];
const affected = (r: unknown) => (r as Result).rowCount ?? (r as Result).affectedRows ?? 0;
