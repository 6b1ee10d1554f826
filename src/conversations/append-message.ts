import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { conversations, type MessagePart, type MessageRole, messages } from '../db/schema/index.ts';

export type NewMessage = {
  shopId: string;
  conversationId: string;
  role: MessageRole;
  parts: MessagePart[];
  clientMessageId?: string;
  createdAt?: Date;
};

const PREVIEW_LENGTH = 160;

/** The text a message contributes to previews and search: its text parts joined. */
export function messageText(parts: MessagePart[]): string {
  return parts
    .filter((p) => p.type === 'text')
    .map((p) => p.text)
    .join('\n');
}

/**
 * Stores a message and updates its conversation's preview, last-message time and search words,
 * in one transaction. A repeated clientMessageId returns the message stored the first time.
 */
export function appendMessage(db: Db, input: NewMessage) {
  return db.transaction((tx) => appendMessageInTransaction(tx, input));
}

/** `appendMessage` for a caller that already holds a transaction (saves a savepoint round trip). */
export async function appendMessageInTransaction(tx: Db, input: NewMessage) {
  {
    const [inserted] = await tx
      .insert(messages)
      .values({
        shopId: input.shopId,
        conversationId: input.conversationId,
        role: input.role,
        parts: input.parts,
        clientMessageId: input.clientMessageId,
        createdAt: input.createdAt,
      })
      .onConflictDoNothing()
      .returning();
    if (!inserted) {
      const [existing] = await tx
        .select()
        .from(messages)
        .where(
          and(
            eq(messages.conversationId, input.conversationId),
            eq(messages.clientMessageId, input.clientMessageId ?? ''),
          ),
        );
      return { message: existing, duplicate: true, status: null };
    }
    // System notes (ticket opened, …) are for staff: they neither become the preview nor searchable text.
    const text = input.role === 'system' ? '' : messageText(input.parts);
    const [conversation] = await tx
      .update(conversations)
      .set({
        lastMessageAt: inserted.createdAt,
        updatedAt: new Date(),
        ...(text
          ? {
              preview: text.replace(/\s+/g, ' ').trim().slice(0, PREVIEW_LENGTH),
              searchVector: sql`${conversations.searchVector} || to_tsvector('simple', ${text})`,
            }
          : {}),
        // A customer writing again reopens a resolved conversation.
        ...(input.role === 'customer'
          ? {
              status: sql`case when ${conversations.status} = 'resolved' then 'unresolved' else ${conversations.status} end`,
            }
          : {}),
      })
      .where(and(eq(conversations.shopId, input.shopId), eq(conversations.id, input.conversationId)))
      .returning({ status: conversations.status });
    return { message: inserted, duplicate: false, status: conversation?.status ?? null };
  }
}
