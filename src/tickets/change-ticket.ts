import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { type TICKET_PRIORITIES, tickets } from '../db/schema/index.ts';
import { AppError, notFound } from '../http/errors.ts';
import { getCategories } from './categories.ts';
import { type Actor, recordTicketEvents } from './record-event.ts';
import { canMove, type TicketStatus } from './transitions.ts';

export type TicketChanges = {
  status?: TicketStatus;
  priority?: (typeof TICKET_PRIORITIES)[number];
  category?: string;
};

/** Locks a live ticket of the shop for the rest of the transaction; 404 when there is none. */
export async function lockTicket(tx: Db, shopId: string, number: number) {
  const [ticket] = await tx
    .select()
    .from(tickets)
    .where(and(eq(tickets.shopId, shopId), eq(tickets.number, number), isNull(tickets.deletedAt)))
    .for('update');
  if (!ticket) throw notFound('ticket');
  return ticket;
}

/**
 * Changes status, priority and category together, or nothing: a refused status move (409) or an unknown
 * category (400) leaves the ticket as it was. Every real change goes into the history.
 */
export async function changeTicket(
  db: Db,
  shopId: string,
  number: number,
  changes: TicketChanges,
  actor: Actor,
) {
  const categories = changes.category !== undefined ? await getCategories(db, shopId) : [];
  return db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, shopId, number);
    const set: Partial<typeof tickets.$inferInsert> = {};
    const events: Parameters<typeof recordTicketEvents>[3] = [];
    if (changes.status && changes.status !== ticket.status) {
      if (!canMove(ticket.status, changes.status)) {
        throw new AppError(
          409,
          'invalid_transition',
          `A ${ticket.status} ticket cannot become ${changes.status}`,
        );
      }
      set.status = changes.status;
      events.push({ field: 'status', from: ticket.status, to: changes.status });
    }
    if (changes.priority && changes.priority !== ticket.priority) {
      set.priority = changes.priority;
      events.push({ field: 'priority', from: ticket.priority, to: changes.priority });
    }
    if (changes.category !== undefined) {
      const known = categories.find((c) => c.toLowerCase() === changes.category?.trim().toLowerCase());
      if (!known)
        throw new AppError(
          400,
          'invalid_category',
          `"${changes.category}" is not one of the shop's categories`,
        );
      if (known !== ticket.category) {
        set.category = known;
        events.push({ field: 'category', from: ticket.category, to: known });
      }
    }
    if (events.length === 0) return { changed: false };
    await tx
      .update(tickets)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(tickets.id, ticket.id));
    await recordTicketEvents(tx, { shopId, ticketId: ticket.id }, actor, events);
    return { changed: true };
  });
}

/** Removes a ticket from every list and view (spam, irrelevant); its conversation stays. */
export async function deleteTicket(db: Db, shopId: string, number: number, actor: Actor) {
  await db.transaction(async (tx) => {
    const ticket = await lockTicket(tx, shopId, number);
    await tx
      .update(tickets)
      .set({ deletedAt: new Date(), updatedAt: new Date() })
      .where(eq(tickets.id, ticket.id));
    await recordTicketEvents(tx, { shopId, ticketId: ticket.id }, actor, [{ field: 'deleted' }]);
  });
}
