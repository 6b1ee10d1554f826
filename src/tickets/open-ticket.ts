import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { appendMessage } from '../conversations/append-message.ts';
import type { Db } from '../db/client.ts';
import { conversations, shops, TICKET_PRIORITIES, type TICKET_REASONS, tickets } from '../db/schema/index.ts';
import { notFound } from '../http/errors.ts';
import { categoriesOf, normalizeCategory } from './categories.ts';
import { type Actor, AI_ACTOR, recordTicketEvents } from './record-event.ts';

export type TicketReason = (typeof TICKET_REASONS)[number];
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export type OpenTicketInput = {
  shopId: string;
  conversationId: string;
  reason: TicketReason;
  category?: string;
  priority?: TicketPriority;
  summary: string;
  /** Who opened it; the AI unless said otherwise. */
  actor?: Actor;
};

const rank = (p: TicketPriority) => TICKET_PRIORITIES.indexOf(p);

/**
 * Opens a ticket for a conversation, or, when one is still open, adds this trigger to it (raising its
 * priority if needed) so a conversation never has two open tickets. Records the change in the ticket's
 * history and leaves a system note in the chat.
 */
export async function openTicket(
  db: Db,
  input: OpenTicketInput,
): Promise<{ number: number; created: boolean }> {
  const priority = input.priority ?? 'medium';
  const actor = input.actor ?? AI_ACTOR;
  const result = await db.transaction(async (tx) => {
    // Serialises triggers on one conversation: the second waits and then finds the first's ticket.
    const [conversation] = await tx
      .select({ customerId: conversations.customerId })
      .from(conversations)
      .where(and(eq(conversations.shopId, input.shopId), eq(conversations.id, input.conversationId)))
      .for('update');
    if (!conversation) throw notFound('conversation');
    const [existing] = await tx
      .select({ id: tickets.id, number: tickets.number, priority: tickets.priority })
      .from(tickets)
      .where(
        and(
          eq(tickets.shopId, input.shopId),
          eq(tickets.conversationId, input.conversationId),
          ne(tickets.status, 'resolved'),
          isNull(tickets.deletedAt),
        ),
      )
      .limit(1);
    if (existing) {
      const raised = rank(priority) > rank(existing.priority) ? priority : existing.priority;
      await tx
        .update(tickets)
        .set({ priority: raised, updatedAt: new Date() })
        .where(eq(tickets.id, existing.id));
      await recordTicketEvents(tx, { shopId: input.shopId, ticketId: existing.id }, actor, [
        { field: 'trigger', to: input.reason, detail: { summary: input.summary } },
        ...(raised !== existing.priority
          ? [{ field: 'priority' as const, from: existing.priority, to: raised }]
          : []),
      ]);
      return { number: existing.number, created: false };
    }
    // The shop row hands out the number (never reused, even after a delete) and knows the categories.
    const [shop] = await tx
      .update(shops)
      .set({ nextTicketNumber: sql`${shops.nextTicketNumber} + 1` })
      .where(eq(shops.id, input.shopId))
      .returning({ number: sql<number>`${shops.nextTicketNumber} - 1`, settings: shops.settings });
    const category = normalizeCategory(input.category, categoriesOf(shop.settings));
    const [ticket] = await tx
      .insert(tickets)
      .values({
        shopId: input.shopId,
        number: shop.number,
        conversationId: input.conversationId,
        customerId: conversation.customerId,
        reason: input.reason,
        category,
        priority,
      })
      .returning({ id: tickets.id });
    await recordTicketEvents(tx, { shopId: input.shopId, ticketId: ticket.id }, actor, [
      { field: 'created', to: input.reason, detail: { summary: input.summary, category, priority } },
    ]);
    return { number: shop.number, created: true };
  });
  const note = result.created
    ? `Ticket #${result.number} opened (${input.reason.replaceAll('_', ' ')}): ${input.summary}`
    : `Added to ticket #${result.number} (${input.reason.replaceAll('_', ' ')}): ${input.summary}`;
  await appendMessage(db, {
    shopId: input.shopId,
    conversationId: input.conversationId,
    role: 'system',
    parts: [{ type: 'text', text: note.slice(0, 2000) }],
  });
  return result;
}
