import { sql } from 'drizzle-orm';
import { enqueueReplyCte } from '../../agent/reply/enqueue-reply.ts';
import { hashToken } from '../../auth/tokens.ts';
import { appendMessageTo } from '../../conversations/append-message.ts';
import type { Db } from '../../db/client.ts';
import { isUuid } from '../../http/ids.ts';
import { conversationDenied } from './conversation-access.ts';

type CustomerMessage = { conversationId: string; token: string; text: string; clientMessageId?: string };

/**
 * Stores a customer's chat message and the reply it is owed in one statement, before we answer: an
 * acknowledged message is never lost, and a crash before the reply leaves the job for another process.
 * The token check is part of the statement (it compares sha256 digests, so timing reveals nothing useful).
 */
export async function postCustomerMessage(db: Db, input: CustomerMessage) {
  if (!isUuid(input.conversationId)) throw conversationDenied();
  const stored = await appendMessageTo(
    db,
    sql`select shop_id, id as conversation_id, started_at as conversation_started_at from conversations
        where id = ${input.conversationId}::uuid and widget_token_hash = ${hashToken(input.token)}`,
    { role: 'customer', parts: [{ type: 'text', text: input.text }], clientMessageId: input.clientMessageId },
    { ctes: enqueueReplyCte },
  );
  if (!stored) throw conversationDenied();
  return stored;
}
