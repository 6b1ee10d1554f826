import { and, desc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { DATA_REQUEST_STATUSES, shopifyDataRequests } from '../db/schema/index.ts';
import { AppError, notFound } from '../http/errors.ts';
import { isUuid } from '../http/ids.ts';
import { dataRequestExpiresAt } from '../retention/personal-records.ts';

const LIST_LIMIT = 100;

const ZItem = z.object({
  id: z.guid(),
  requestedAt: z.string(),
  completedAt: z.string().nullable(),
  /** When the purge deletes it (30 days after the request). */
  expiresAt: z.string(),
  customer: z.object({ email: z.string().nullable(), shopifyCustomerId: z.string().nullable() }),
  status: z.enum(DATA_REQUEST_STATUSES),
  conversationCount: z.number(),
  ticketCount: z.number(),
  downloadUrl: z.string().nullable(),
});

/** Settings → Data requests: the customer data exports Shopify asked for, newest first, with downloads. */
export const dataRequestRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/data-requests',
    { schema: { tags: ['shopify'], response: { 200: z.object({ items: z.array(ZItem) }) } } },
    async (req) => {
      const rows = await db
        .select({
          id: shopifyDataRequests.id,
          requestedAt: shopifyDataRequests.requestedAt,
          completedAt: shopifyDataRequests.completedAt,
          email: shopifyDataRequests.customerEmail,
          shopifyCustomerId: shopifyDataRequests.shopifyCustomerId,
          status: shopifyDataRequests.status,
          conversationCount: shopifyDataRequests.conversationCount,
          ticketCount: shopifyDataRequests.ticketCount,
        })
        .from(shopifyDataRequests)
        .where(eq(shopifyDataRequests.shopId, req.staff.shopId))
        .orderBy(desc(shopifyDataRequests.requestedAt), desc(shopifyDataRequests.id))
        .limit(LIST_LIMIT);
      return {
        items: rows.map((r) => ({
          id: r.id,
          requestedAt: r.requestedAt.toISOString(),
          completedAt: r.completedAt?.toISOString() ?? null,
          expiresAt: dataRequestExpiresAt(r.requestedAt).toISOString(),
          customer: { email: r.email, shopifyCustomerId: r.shopifyCustomerId },
          status: r.status,
          conversationCount: r.conversationCount,
          ticketCount: r.ticketCount,
          downloadUrl: r.status === 'ready' ? `/api/data-requests/${r.id}/download` : null,
        })),
      };
    },
  );

  app.get(
    '/api/data-requests/:id/download',
    { schema: { tags: ['shopify'], params: z.object({ id: z.string() }) } },
    async (req, reply) => {
      const id = req.params.id;
      if (!isUuid(id)) throw notFound('data request');
      const [row] = await db
        .select({ status: shopifyDataRequests.status, document: shopifyDataRequests.document })
        .from(shopifyDataRequests)
        .where(and(eq(shopifyDataRequests.id, id), eq(shopifyDataRequests.shopId, req.staff.shopId)))
        .limit(1);
      if (!row) throw notFound('data request');
      if (row.status !== 'ready' || row.document === null) {
        throw new AppError(409, 'conflict', 'The export is not ready');
      }
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="customer-data-request-${id}.json"`)
        .header('cache-control', 'no-store')
        .send(row.document);
    },
  );
};
