import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { conversations, emailMessages } from '../../db/schema/index.ts';
import { conversationFromMessageId } from './routing-token.ts';

export type ThreadHints = { inReplyTo: string | null; references: string[]; threadKey?: string | null };

/**
 * The shop's conversation an inbound mail continues: by our signed Message-IDs, then by any Message-ID
 * we have stored (In-Reply-To first, then References newest first), then by the provider's thread id.
 * Null means a new conversation (a new subject from the same customer is one too).
 */
export async function findThread(db: Db, shopId: string, key: string, hints: ThreadHints) {
  const ids = [hints.inReplyTo, ...[...hints.references].reverse()].filter((id): id is string => Boolean(id));
  for (const id of ids) {
    const conversationId = conversationFromMessageId(key, id);
    if (!conversationId) continue;
    const [found] = await db
      .select({ id: conversations.id })
      .from(conversations)
      .where(and(eq(conversations.shopId, shopId), eq(conversations.id, conversationId)));
    if (found) return found.id;
  }
  if (ids.length > 0) {
    const known = await db
      .select({ conversationId: emailMessages.conversationId, rfc: emailMessages.rfcMessageId })
      .from(emailMessages)
      .where(and(eq(emailMessages.shopId, shopId), inArray(emailMessages.rfcMessageId, ids.slice(0, 100))));
    for (const id of ids) {
      const hit = known.find((k) => k.rfc === id);
      if (hit) return hit.conversationId;
    }
  }
  if (hints.threadKey) {
    const [byThread] = await db
      .select({ conversationId: emailMessages.conversationId })
      .from(emailMessages)
      .where(and(eq(emailMessages.shopId, shopId), eq(emailMessages.threadKey, hints.threadKey)))
      .orderBy(desc(emailMessages.createdAt))
      .limit(1);
    if (byThread) return byThread.conversationId;
  }
  return null;
}
