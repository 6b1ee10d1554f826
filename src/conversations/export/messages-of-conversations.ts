import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import type { MessagePart, MessageRole } from '../../db/schema/index.ts';

export type ExportMessageRow = {
  conversationId: string;
  id: string;
  role: MessageRole;
  parts: MessagePart[];
  createdAt: string | Date;
};

/**
 * Every message of one export page's conversations, oldest first: one statement per page. Each
 * conversation's `startedAt` is its messages' partition key (`conversation_started_at`), for pruning.
 */
export function messagesOfConversations(
  db: Db,
  shopId: string,
  conversations: ReadonlyArray<{ id: string; startedAt: Date }>,
): Promise<ExportMessageRow[]> {
  const ids = `{${conversations.map((c) => c.id).join(',')}}`;
  return queryRows<ExportMessageRow>(
    db,
    sql`select conversation_id as "conversationId", id, role, parts, created_at as "createdAt"
      from messages
      where shop_id = ${shopId} and conversation_id = any(${ids}::uuid[])
      order by created_at, seq`,
  );
}
