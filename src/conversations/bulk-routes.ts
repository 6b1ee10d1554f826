import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/client.ts';
import { bulkFailure } from '../http/bulk-results.ts';
import type { RealtimeBus } from '../realtime/bus.ts';
import { ZBulkConversations, ZBulkConversationsResult } from './schema.ts';
import { publishStatusChanges, setConversationsStatus } from './set-status.ts';

const STATUS_OF = { resolve: 'resolved', reopen: 'unresolved' } as const;

/** `POST /api/conversations/bulk`: resolve or reopen the selected conversations; one result per id. */
export const conversationBulkRoutes: FastifyPluginAsyncZod<{ db: Db; bus: RealtimeBus }> = async (
  app,
  { db, bus },
) => {
  app.post(
    '/api/conversations/bulk',
    {
      schema: {
        tags: ['conversations'],
        body: ZBulkConversations,
        response: { 200: ZBulkConversationsResult },
      },
    },
    async (req) => {
      const shopId = req.staff.shopId;
      const ids = [...new Set(req.body.ids.map((id) => id.toLowerCase()))];
      const changes = await setConversationsStatus(db, shopId, ids, STATUS_OF[req.body.action]);
      publishStatusChanges(bus, shopId, changes);
      const byId = new Map(changes.map((c) => [c.id, c]));
      return {
        results: ids.map((id) => {
          const change = byId.get(id);
          // Unknown and other shops' ids look the same: not found.
          return change
            ? { id, ok: true as const, status: change.status }
            : { id, ...bulkFailure('not_found', 'No such conversation') };
        }),
      };
    },
  );
};
