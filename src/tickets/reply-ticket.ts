import { and, eq } from 'drizzle-orm';
import { appendMessage, type StoredMessage } from '../conversations/append-message.ts';
import type { Db } from '../db/client.ts';
import { conversations, customers, ticketMessages, tickets } from '../db/schema/index.ts';
import { lockTicket } from './change-ticket.ts';
import { toNoteItem, toReplyItem } from './get-ticket.ts';
import { type Actor, recordTicketEvents } from './record-event.ts';

/**
 * A staff reply to the customer, through the conversation's channel: into the chat (widget and email
 * conversations both keep it in their thread), and by email when the channel is email or the widget
 * customer left an address (queued from the reply's history row). A New ticket becomes Open.
 */
export async function replyToTicket(db: Db, shopId: string, number: number, body: string, actor: Actor) {
  return db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, shopId, number);
    const [conversation] = ticket.conversationId
      ? await tx
          .select({ id: conversations.id, channel: conversations.channel, email: customers.email })
          .from(conversations)
          .leftJoin(customers, eq(customers.id, conversations.customerId))
          .where(and(eq(conversations.shopId, shopId), eq(conversations.id, ticket.conversationId)))
      : [];
    const [reply] = await tx
      .insert(ticketMessages)
      .values({
        shopId,
        ticketId: ticket.id,
        kind: 'reply',
        body,
        authorId: actor.id ?? null,
        authorName: actor.name,
        emailTo: conversation?.email ?? null,
        emailStatus: conversation?.email ? 'pending' : null,
      })
      .returning();
    let chatMessage: StoredMessage | null = null;
    if (conversation) {
      const stored = await appendMessage(tx, {
        shopId,
        conversationId: conversation.id,
        role: 'staff',
        parts: [{ type: 'text', text: body }],
        clientMessageId: `ticket-reply:${reply.id}`,
      });
      chatMessage = stored.message;
      await tx
        .update(ticketMessages)
        .set({ conversationMessageId: stored.message.id })
        .where(eq(ticketMessages.id, reply.id));
      reply.conversationMessageId = stored.message.id;
    }
    const opened = ticket.status === 'new';
    await tx
      .update(tickets)
      .set({ updatedAt: new Date(), ...(opened ? { status: 'open' as const } : {}) })
      .where(eq(tickets.id, ticket.id));
    await recordTicketEvents(tx, { shopId, ticketId: ticket.id }, actor, [
      { field: 'reply', detail: { replyId: reply.id } },
      ...(opened ? [{ field: 'status' as const, from: 'new', to: 'open' }] : []),
    ]);
    return { item: toReplyItem(reply), chatMessage, conversationId: conversation?.id ?? null };
  });
}

/** An internal note: staff only, never shown to the customer. */
export async function addTicketNote(db: Db, shopId: string, number: number, body: string, actor: Actor) {
  return db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, shopId, number);
    const [note] = await tx
      .insert(ticketMessages)
      .values({
        shopId,
        ticketId: ticket.id,
        kind: 'note',
        body,
        authorId: actor.id ?? null,
        authorName: actor.name,
      })
      .returning();
    await tx.update(tickets).set({ updatedAt: new Date() }).where(eq(tickets.id, ticket.id));
    await recordTicketEvents(tx, { shopId, ticketId: ticket.id }, actor, [
      { field: 'note', detail: { noteId: note.id } },
    ]);
    return toNoteItem(note);
  });
}

/** Puts a failed email delivery back in the queue; false when that reply's email is not failed. */
export async function requeueReplyEmail(db: Db, shopId: string, number: number, replyId: string) {
  const ticket = await lockTicket(db, shopId, number);
  const updated = await db
    .update(ticketMessages)
    .set({ emailStatus: 'pending', emailError: null, emailAttempts: 0 })
    .where(
      and(
        eq(ticketMessages.shopId, shopId),
        eq(ticketMessages.ticketId, ticket.id),
        eq(ticketMessages.id, replyId),
        eq(ticketMessages.emailStatus, 'failed'),
      ),
    )
    .returning();
  return updated[0] ? toReplyItem(updated[0]) : null;
}

/** Puts a requeued email back to failed when it could not be queued after all. */
export async function markReplyEmailFailed(db: Db, shopId: string, replyId: string, error: string) {
  await db
    .update(ticketMessages)
    .set({ emailStatus: 'failed', emailError: error })
    .where(and(eq(ticketMessages.shopId, shopId), eq(ticketMessages.id, replyId)));
}
