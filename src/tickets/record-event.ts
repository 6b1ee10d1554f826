import type { Db } from '../db/client.ts';
import { type TicketEventField, ticketEvents } from '../db/schema/index.ts';

/** Who changed a ticket: a staff member, the AI, or the system (a rating, a failed reply). */
export type Actor = { type: 'ai' | 'staff' | 'system'; id?: string | null; name: string };

export const AI_ACTOR: Actor = { type: 'ai', name: 'AI assistant' };
export const SYSTEM_ACTOR: Actor = { type: 'system', name: 'Supportify' };

type TicketChange = {
  field: TicketEventField;
  from?: string | null;
  to?: string | null;
  detail?: Record<string, unknown>;
};

/**
 * Writes changes to a ticket's history, in the caller's transaction. The rows also queue what follows
 * a change (admin realtime, notifications): see dispatch-events.ts.
 */
export async function recordTicketEvents(
  tx: Db,
  ticket: { shopId: string; ticketId: string },
  actor: Actor,
  changes: TicketChange[],
) {
  if (changes.length === 0) return;
  await tx.insert(ticketEvents).values(
    changes.map((c) => ({
      shopId: ticket.shopId,
      ticketId: ticket.ticketId,
      field: c.field,
      fromValue: c.from ?? null,
      toValue: c.to ?? null,
      actorType: actor.type,
      actorId: actor.id ?? null,
      actorName: actor.name,
      detail: c.detail ?? null,
    })),
  );
}
