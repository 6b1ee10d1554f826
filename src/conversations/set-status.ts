import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client.ts';
import type { ConversationStatus } from '../db/schema/index.ts';
import { uuidArray } from '../db/sql-arrays.ts';
import { isUuid } from '../http/ids.ts';
import type { RealtimeBus } from '../realtime/bus.ts';

export type StatusChange = { id: string; status: ConversationStatus; previous: ConversationStatus };

/**
 * Marks the shop's conversations among `ids` resolved or unresolved in one statement (one with a draft
 * waiting stays Draft). Answers the ones found, with their status before; other shops' ids match nothing.
 */
export async function setConversationsStatus(
  db: Db,
  shopId: string,
  ids: readonly string[],
  status: 'resolved' | 'unresolved',
): Promise<StatusChange[]> {
  const wanted = ids.filter(isUuid);
  if (wanted.length === 0) return [];
  const next =
    status === 'unresolved' ? sql`case when c.has_draft then 'draft' else 'unresolved' end` : sql`'resolved'`;
  return queryRows<StatusChange>(
    db,
    sql`with target as (
        select id, status from conversations
        where shop_id = ${shopId} and id = any(${uuidArray(wanted)})
        for update)
      update conversations c set status = ${next}, updated_at = now()
      from target
      where c.shop_id = ${shopId} and c.id = target.id
      returning c.id, c.status, target.status as previous`,
  );
}

/** Tells open screens (admin lists, the customer's widget) about every status that really changed. */
export function publishStatusChanges(bus: RealtimeBus, shopId: string, changes: readonly StatusChange[]) {
  for (const change of changes) {
    if (change.status !== change.previous) {
      bus.publish({ type: 'status', shopId, conversationId: change.id, status: change.status });
    }
  }
}
