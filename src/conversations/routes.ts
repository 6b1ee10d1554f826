import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { notFound } from '../http/errors.ts';
import type { RealtimeBus } from '../realtime/bus.ts';
import { conversationBulkRoutes } from './bulk-routes.ts';
import { decodeCursor } from './cursor.ts';
import { toConversationFilters } from './expiry-filter.ts';
import { conversationExportRoutes } from './export/routes.ts';
import { getConversation, listConversations } from './queries.ts';
import {
  ZConversationDetail,
  ZConversationList,
  ZIdParams,
  ZListConversationsQuery,
  ZPatchConversation,
} from './schema.ts';
import { publishStatusChanges, setConversationsStatus } from './set-status.ts';

/** The Conversations admin API: list with filters and search, detail, status (one or many). */
export const conversationRoutes: FastifyPluginAsyncZod<{ db: Db; bus: RealtimeBus }> = async (
  app,
  { db, bus },
) => {
  await app.register(conversationExportRoutes, { db });
  await app.register(conversationBulkRoutes, { db, bus });
  app.get(
    '/api/conversations',
    {
      schema: {
        tags: ['conversations'],
        querystring: ZListConversationsQuery,
        response: { 200: ZConversationList },
      },
    },
    async (req) => {
      const { limit, cursor, ...query } = req.query;
      const position = cursor ? decodeCursor(cursor) : null;
      const filters = await toConversationFilters(db, req.staff.shopId, query);
      return listConversations(db, req.staff.shopId, filters, position, limit);
    },
  );

  app.get(
    '/api/conversations/:id',
    { schema: { tags: ['conversations'], params: ZIdParams, response: { 200: ZConversationDetail } } },
    async (req) => {
      const conversation = await getConversation(db, req.staff.shopId, req.params.id);
      if (!conversation) throw notFound('conversation');
      return conversation;
    },
  );

  app.patch(
    '/api/conversations/:id',
    {
      schema: {
        tags: ['conversations'],
        params: ZIdParams,
        body: ZPatchConversation,
        response: { 200: z.object({ id: z.guid(), status: z.string() }) },
      },
    },
    async (req) => {
      const [updated] = await setConversationsStatus(db, req.staff.shopId, [req.params.id], req.body.status);
      if (!updated) throw notFound('conversation');
      publishStatusChanges(bus, req.staff.shopId, [updated]);
      return { id: updated.id, status: updated.status };
    },
  );
};
