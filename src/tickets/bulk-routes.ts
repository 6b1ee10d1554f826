import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/client.ts';
import { bulkChangeTickets } from './bulk-change-tickets.ts';
import type { TicketEventDispatcher } from './dispatch-events.ts';
import { ZBulkTickets, ZBulkTicketsResult } from './schema.ts';
import { staffActor } from './staff-actor.ts';

/** `POST /api/tickets/bulk`: change status, priority or category of many tickets, or delete them. */
export const ticketBulkRoutes: FastifyPluginAsyncZod<{
  db: Db;
  ticketEvents: TicketEventDispatcher;
}> = async (app, { db, ticketEvents }) => {
  app.post(
    '/api/tickets/bulk',
    { schema: { tags: ['tickets'], body: ZBulkTickets, response: { 200: ZBulkTicketsResult } } },
    async (req) => {
      const actor = await staffActor(db, req.staff);
      try {
        return { results: await bulkChangeTickets(db, req.staff.shopId, req.body, actor) };
      } finally {
        // Whatever committed goes out now (the outbox would also find it within a second).
        ticketEvents.kick();
      }
    },
  );
};
