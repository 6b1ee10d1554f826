import { and, desc, eq, sql } from 'drizzle-orm';
import { appendMessage } from '../../conversations/append-message.ts';
import type { Db } from '../../db/client.ts';
import { conversations, drafts } from '../../db/schema/index.ts';
import { notFound } from '../../http/errors.ts';
import { queueOutboundEmail } from './outbound.ts';

type Draft = typeof drafts.$inferSelect;

export const toDraftView = (d: Draft) => ({
  id: d.id,
  body: d.body,
  status: d.status,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
});

const pendingDraft = (shopId: string, conversationId: string) =>
  and(eq(drafts.shopId, shopId), eq(drafts.conversationId, conversationId), eq(drafts.status, 'pending'));

/** A conversation that no longer waits on a draft: Draft becomes Unresolved. */
async function clearDraftFlag(tx: Db, shopId: string, conversationId: string) {
  await tx
    .update(conversations)
    .set({
      hasDraft: false,
      status: sql`case when ${conversations.status} = 'draft' then 'unresolved' else ${conversations.status} end`,
      updatedAt: new Date(),
    })
    .where(and(eq(conversations.shopId, shopId), eq(conversations.id, conversationId)));
}

/** Staff edit the AI's draft before sending it. */
export async function editDraft(db: Db, shopId: string, conversationId: string, body: string) {
  const [draft] = await db
    .update(drafts)
    .set({ body, updatedAt: new Date() })
    .where(pendingDraft(shopId, conversationId))
    .returning();
  if (!draft) throw notFound('draft');
  return toDraftView(draft);
}

/** Staff discard the draft: nothing is sent, and the conversation is Unresolved again. */
export async function discardDraft(db: Db, shopId: string, conversationId: string) {
  await db.transaction(async (tx) => {
    const [draft] = await tx
      .update(drafts)
      .set({ status: 'discarded', updatedAt: new Date() })
      .where(pendingDraft(shopId, conversationId))
      .returning({ id: drafts.id });
    if (!draft) throw notFound('draft');
    await clearDraftFlag(tx, shopId, conversationId);
  });
}

/**
 * Sends the draft (as it is now, or with `body` as edited): it becomes a staff message in the
 * conversation and a queued email. Idempotent: a second send (a double click) finds the draft already
 * sent, queues nothing, and answers with the same draft.
 */
export async function sendDraft(db: Db, shopId: string, conversationId: string, body?: string) {
  return db.transaction(async (tx) => {
    const [draft] = await tx.select().from(drafts).where(pendingDraft(shopId, conversationId)).for('update');
    if (!draft) {
      const [sent] = await tx
        .select()
        .from(drafts)
        .where(
          and(
            eq(drafts.shopId, shopId),
            eq(drafts.conversationId, conversationId),
            eq(drafts.status, 'sent'),
          ),
        )
        .orderBy(desc(drafts.updatedAt))
        .limit(1);
      if (!sent) throw notFound('draft');
      return { draft: toDraftView(sent), outboundId: null, message: null };
    }
    const text = body ?? draft.body;
    const stored = await appendMessage(tx, {
      shopId,
      conversationId,
      role: 'staff',
      parts: [{ type: 'text', text }],
      clientMessageId: `draft:${draft.id}`,
    });
    const outboundId = await queueOutboundEmail(tx, {
      shopId,
      conversationId,
      messageId: stored.message.id,
      body: text,
    });
    const [updated] = await tx
      .update(drafts)
      .set({ status: 'sent', body: text, updatedAt: new Date() })
      .where(eq(drafts.id, draft.id))
      .returning();
    await clearDraftFlag(tx, shopId, conversationId);
    return { draft: toDraftView(updated), outboundId, message: stored.message };
  });
}
