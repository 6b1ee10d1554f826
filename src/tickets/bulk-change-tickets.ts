import type { Db } from '../db/client.ts';
import { bulkFailureOf } from '../http/bulk-results.ts';
import { AppError } from '../http/errors.ts';
import { getCategories } from './categories.ts';
import { changeTicket, deleteTicket } from './change-ticket.ts';
import type { Actor } from './record-event.ts';
import type { TBulkTickets } from './schema.ts';

/**
 * Applies one change (or a delete) to each ticket through the single-ticket functions, so history, live
 * events and notifications are the same as for one ticket. Each ticket is its own transaction: a refused
 * move (`invalid_transition`) or a ticket that is not the shop's (`not_found`) fails alone.
 */
export async function bulkChangeTickets(db: Db, shopId: string, request: TBulkTickets, actor: Actor) {
  const { set } = request;
  // The same unknown category for every ticket is bad input, not a per-ticket failure: nothing changes.
  if (set?.category !== undefined) {
    const wanted = set.category.trim().toLowerCase();
    if (!(await getCategories(db, shopId)).some((c) => c.toLowerCase() === wanted)) {
      throw new AppError(400, 'invalid_category', `"${set.category}" is not one of the shop's categories`);
    }
  }
  const results = [];
  for (const number of new Set(request.numbers)) {
    try {
      if (set) {
        const { changed } = await changeTicket(db, shopId, number, set, actor);
        results.push({ number, ok: true as const, changed });
      } else {
        await deleteTicket(db, shopId, number, actor);
        results.push({ number, ok: true as const, changed: true });
      }
    } catch (err) {
      results.push({ number, ...bulkFailureOf(err) });
    }
  }
  return results;
}
