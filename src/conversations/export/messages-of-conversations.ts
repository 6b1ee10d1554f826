import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import type { MessageRole } from '../../db/schema/index.ts';
import { uuidArray } from '../../db/sql-arrays.ts';

export type ExportMessageRow = {
  conversationId: string;
  id: string;
  role: MessageRole;
  /** The parts as JSON text: NDJSON writes them as they are, sparing a parse and a stringify each. */
  partsJson: string;
  createdAt: string | Date;
};

/**
 * Every message of one export page's conversations, oldest first: one statement per page. Messages are
 * partitioned by their conversation's start (`conversation_started_at`): the page's span of starts
 * prunes the scan to its few day partitions (without it, every partition's index is searched).
 */
export function messagesOfConversations(
  db: Db,
  shopId: string,
  conversations: ReadonlyArray<{ id: string; startedAt: Date }>,
): Promise<ExportMessageRow[]> {
  if (conversations.length === 0) return Promise.resolve([]);
  const starts = conversations.map((c) => c.startedAt.getTime());
  const from = new Date(Math.min(...starts)).toISOString();
  const to = new Date(Math.max(...starts)).toISOString();
  return queryRows<ExportMessageRow>(
    db,
    sql`select conversation_id as "conversationId", id, role, parts::text as "partsJson", created_at as "createdAt"
      from messages
      where shop_id = ${shopId} and conversation_id = any(${uuidArray(conversations.map((c) => c.id))})
        and conversation_started_at between ${from}::timestamptz and ${to}::timestamptz
      order by created_at, seq`,
  );
}
