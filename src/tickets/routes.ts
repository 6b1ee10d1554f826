import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/client.ts';
import { AppError, notFound } from '../http/errors.ts';
import { isUuid } from '../http/ids.ts';
import { JOB, type Jobs } from '../jobs/types.ts';
import type { RealtimeBus } from '../realtime/bus.ts';
import { ticketBulkRoutes } from './bulk-routes.ts';
import { addCategory, getCategories } from './categories.ts';
import { changeTicket, deleteTicket } from './change-ticket.ts';
import type { TicketEventDispatcher } from './dispatch-events.ts';
import { getTicketDetail } from './get-ticket.ts';
import { listTickets } from './list-tickets.ts';
import { openTicket } from './open-ticket.ts';
import { addTicketNote, markReplyEmailFailed, replyToTicket, requeueReplyEmail } from './reply-ticket.ts';
import {
  ZAddCategory,
  ZBodyInput,
  ZCategories,
  ZCreateTicket,
  ZListTicketsQuery,
  ZNoteItem,
  ZNumberParams,
  ZPatchTicket,
  ZReplyItem,
  ZReplyParams,
  ZTicketDetail,
  ZTicketList,
} from './schema.ts';
import { staffActor } from './staff-actor.ts';

type Options = { db: Db; bus: RealtimeBus; jobs: Pick<Jobs, 'send'>; ticketEvents: TicketEventDispatcher };

/** A ticket number from the path; anything else is simply not found. */
function ticketNumber(text: string): number {
  const n = /^\d{1,9}$/.test(text) ? Number(text) : 0;
  if (n < 1) throw notFound('ticket');
  return n;
}

/** The Tickets admin API: list, detail with thread and history, changes (one or many), replies, notes, delete. */
export const ticketRoutes: FastifyPluginAsyncZod<Options> = async (app, { db, bus, jobs, ticketEvents }) => {
  await app.register(ticketBulkRoutes, { db, ticketEvents });
  const detail = async (shopId: string, number: number) => {
    const ticket = await getTicketDetail(db, shopId, number);
    if (!ticket) throw notFound('ticket');
    return ticket;
  };

  app.get(
    '/api/tickets',
    { schema: { tags: ['tickets'], querystring: ZListTicketsQuery, response: { 200: ZTicketList } } },
    async (req) => {
      const { sort, cursor, limit, ...filters } = req.query;
      return listTickets(db, req.staff.shopId, filters, sort, cursor, limit);
    },
  );

  app.post('/api/tickets', { schema: { tags: ['tickets'], body: ZCreateTicket } }, async (req, reply) => {
    if (!isUuid(req.body.conversationId)) throw notFound('conversation');
    const categories = await getCategories(db, req.staff.shopId);
    if (!categories.some((c) => c.toLowerCase() === req.body.category.toLowerCase())) {
      throw new AppError(
        400,
        'invalid_category',
        `"${req.body.category}" is not one of the shop's categories`,
      );
    }
    const ticket = await openTicket(db, {
      shopId: req.staff.shopId,
      conversationId: req.body.conversationId,
      reason: 'staff_created',
      category: req.body.category,
      priority: req.body.priority,
      summary: req.body.summary,
      actor: await staffActor(db, req.staff),
    });
    ticketEvents.kick();
    return reply.status(ticket.created ? 201 : 200).send(ticket);
  });

  app.get(
    '/api/tickets/categories',
    { schema: { tags: ['tickets'], response: { 200: ZCategories } } },
    async (req) => ({
      categories: await getCategories(db, req.staff.shopId),
    }),
  );

  app.post(
    '/api/tickets/categories',
    { schema: { tags: ['tickets'], body: ZAddCategory, response: { 201: ZCategories } } },
    async (req, reply) =>
      reply.status(201).send({ categories: await addCategory(db, req.staff.shopId, req.body.name) }),
  );

  app.get(
    '/api/tickets/:number',
    { schema: { tags: ['tickets'], params: ZNumberParams, response: { 200: ZTicketDetail } } },
    async (req) => detail(req.staff.shopId, ticketNumber(req.params.number)),
  );

  app.patch(
    '/api/tickets/:number',
    {
      schema: {
        tags: ['tickets'],
        params: ZNumberParams,
        body: ZPatchTicket,
        response: { 200: ZTicketDetail },
      },
    },
    async (req) => {
      const number = ticketNumber(req.params.number);
      await changeTicket(db, req.staff.shopId, number, req.body, await staffActor(db, req.staff));
      ticketEvents.kick();
      return detail(req.staff.shopId, number);
    },
  );

  app.delete(
    '/api/tickets/:number',
    { schema: { tags: ['tickets'], params: ZNumberParams } },
    async (req, reply) => {
      await deleteTicket(
        db,
        req.staff.shopId,
        ticketNumber(req.params.number),
        await staffActor(db, req.staff),
      );
      ticketEvents.kick();
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/tickets/:number/replies',
    { schema: { tags: ['tickets'], params: ZNumberParams, body: ZBodyInput, response: { 201: ZReplyItem } } },
    async (req, reply) => {
      const shopId = req.staff.shopId;
      const result = await replyToTicket(
        db,
        shopId,
        ticketNumber(req.params.number),
        req.body.body,
        await staffActor(db, req.staff),
      );
      if (result.chatMessage && result.conversationId) {
        bus.publish({
          type: 'message',
          shopId,
          conversationId: result.conversationId,
          message: result.chatMessage,
        });
      }
      // The email job is queued from the reply's history row (an outbox), so a crash cannot lose it.
      ticketEvents.kick();
      return reply.status(201).send(result.item);
    },
  );

  app.post(
    '/api/tickets/:number/replies/:id/retry',
    { schema: { tags: ['tickets'], params: ZReplyParams, response: { 200: ZReplyItem } } },
    async (req) => {
      const shopId = req.staff.shopId;
      if (!isUuid(req.params.id)) throw notFound('reply');
      const number = ticketNumber(req.params.number);
      const item = await requeueReplyEmail(db, shopId, number, req.params.id);
      if (!item) throw new AppError(409, 'nothing_to_retry', 'Only a failed email delivery can be retried');
      try {
        await jobs.send(
          JOB.ticketReplyEmail,
          { shopId, ticketMessageId: item.id },
          { singletonKey: item.id },
        );
      } catch (err) {
        await markReplyEmailFailed(db, shopId, item.id, 'Could not queue the email; try again');
        throw err;
      }
      return item;
    },
  );

  app.post(
    '/api/tickets/:number/notes',
    { schema: { tags: ['tickets'], params: ZNumberParams, body: ZBodyInput, response: { 201: ZNoteItem } } },
    async (req, reply) => {
      const note = await addTicketNote(
        db,
        req.staff.shopId,
        ticketNumber(req.params.number),
        req.body.body,
        await staffActor(db, req.staff),
      );
      ticketEvents.kick();
      return reply.status(201).send(note);
    },
  );
};
