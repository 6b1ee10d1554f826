import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../db/client.ts';
import { createSavedView, deleteSavedView, listSavedViews, renameSavedView } from './saved-views.ts';
import {
  ZCreateSavedView,
  ZRenameSavedView,
  ZSavedView,
  ZSavedViewKindQuery,
  ZSavedViewList,
  ZSavedViewParams,
} from './schema.ts';

/** Saved views: named filter combinations of the Conversations and Tickets lists, shared by the shop. */
export const savedViewRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/views',
    { schema: { tags: ['views'], querystring: ZSavedViewKindQuery, response: { 200: ZSavedViewList } } },
    async (req) => ({ items: await listSavedViews(db, req.staff.shopId, req.query.kind) }),
  );

  app.post(
    '/api/views',
    { schema: { tags: ['views'], body: ZCreateSavedView, response: { 201: ZSavedView } } },
    async (req, reply) => reply.status(201).send(await createSavedView(db, req.staff, req.body)),
  );

  app.patch(
    '/api/views/:id',
    {
      schema: {
        tags: ['views'],
        params: ZSavedViewParams,
        body: ZRenameSavedView,
        response: { 200: ZSavedView },
      },
    },
    async (req) => renameSavedView(db, req.staff.shopId, req.params.id, req.body.name),
  );

  app.delete(
    '/api/views/:id',
    { schema: { tags: ['views'], params: ZSavedViewParams } },
    async (req, reply) => {
      await deleteSavedView(db, req.staff.shopId, req.params.id);
      return reply.status(204).send();
    },
  );
};
