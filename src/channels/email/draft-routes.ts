import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { isUuid } from '../../http/ids.ts';
import type { RealtimeBus } from '../../realtime/bus.ts';
import { discardDraft, editDraft, sendDraft } from './drafts.ts';

const ZParams = z.object({ id: z.string().max(100) });
const ZDraft = z.object({
  id: z.guid(),
  body: z.string(),
  status: z.enum(['pending', 'sent', 'discarded']),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const ZBody = z.string().trim().min(1).max(50_000);

type Options = {
  db: Db;
  bus: RealtimeBus;
  sendEmail: (shopId: string, emailMessageId: string) => Promise<void>;
};

/** Draft mode: staff edit the AI's email draft, send it as-is or edited, or discard it. */
export const draftRoutes: FastifyPluginAsyncZod<Options> = async (app, { db, bus, sendEmail }) => {
  const conversationId = (id: string) => {
    if (!isUuid(id)) throw notFound('draft');
    return id;
  };

  app.put(
    '/api/conversations/:id/draft',
    {
      schema: {
        tags: ['conversations'],
        params: ZParams,
        body: z.object({ body: ZBody }).strict(),
        response: { 200: ZDraft },
      },
    },
    async (req) => editDraft(db, req.staff.shopId, conversationId(req.params.id), req.body.body),
  );

  app.post(
    '/api/conversations/:id/draft/send',
    {
      schema: {
        tags: ['conversations'],
        params: ZParams,
        // No body at all (a plain "send as-is" click) arrives as null.
        body: z.object({ body: ZBody.optional() }).strict().nullish(),
        response: { 200: ZDraft },
      },
    },
    async (req) => {
      const shopId = req.staff.shopId;
      const id = conversationId(req.params.id);
      const sent = await sendDraft(db, shopId, id, req.body?.body);
      if (sent.message) {
        bus.publish({ type: 'message', shopId, conversationId: id, message: sent.message });
        bus.publish({ type: 'status', shopId, conversationId: id, status: 'unresolved' });
      }
      // Committed first: if queueing fails here, the sweeper queues the pending email later.
      if (sent.outboundId) await sendEmail(shopId, sent.outboundId);
      return sent.draft;
    },
  );

  app.delete(
    '/api/conversations/:id/draft',
    { schema: { tags: ['conversations'], params: ZParams } },
    async (req, reply) => {
      const id = conversationId(req.params.id);
      await discardDraft(db, req.staff.shopId, id);
      bus.publish({ type: 'status', shopId: req.staff.shopId, conversationId: id, status: 'unresolved' });
      return reply.status(204).send();
    },
  );
};
