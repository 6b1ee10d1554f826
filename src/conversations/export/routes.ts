import { sql } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Db, queryRows } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { isUuid } from '../../http/ids.ts';
import { toConversationFilters } from '../expiry-filter.ts';
import { ZIdParams } from '../schema.ts';
import { exportConversations } from './export-conversations.ts';
import type { ExportScope } from './export-pages.ts';
import { FORMATS } from './formats.ts';
import { type ExportFormat, ZExportConversationsQuery, ZExportFormatQuery } from './schema.ts';

// An export holds a database connection for as long as it runs: a few a minute per client is plenty.
const EXPORT_RATE_LIMIT = { max: 30, timeWindow: '1 minute' };

/** Streams the export as a download named `<name>-YYYY-MM-DD.<format>`. */
async function sendExport(
  reply: FastifyReply,
  db: Db,
  shopId: string,
  scope: ExportScope,
  format: ExportFormat,
  name: string,
) {
  const stream = await exportConversations(db, shopId, scope, format);
  const day = new Date().toISOString().slice(0, 10);
  return reply
    .header('content-type', FORMATS[format].contentType)
    .header('content-disposition', `attachment; filename="${name}-${day}.${format}"`)
    .header('cache-control', 'no-store')
    .send(stream);
}

async function conversationExists(db: Db, shopId: string, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await queryRows(db, sql`select 1 from conversations where shop_id = ${shopId} and id = ${id}`);
  return rows.length > 0;
}

/** Streamed exports of the signed-in shop's conversations (NDJSON or CSV), filtered like the list. */
export const conversationExportRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/conversations/export',
    {
      schema: { tags: ['conversations'], querystring: ZExportConversationsQuery },
      config: { rateLimit: EXPORT_RATE_LIMIT },
    },
    async (req, reply) => {
      const { format, ...query } = req.query;
      const filters = await toConversationFilters(db, req.staff.shopId, query);
      return sendExport(reply, db, req.staff.shopId, { filters }, format, 'conversations');
    },
  );

  app.get(
    '/api/conversations/:id/export',
    {
      schema: { tags: ['conversations'], params: ZIdParams, querystring: ZExportFormatQuery },
      config: { rateLimit: EXPORT_RATE_LIMIT },
    },
    async (req, reply) => {
      const { id } = req.params;
      if (!(await conversationExists(db, req.staff.shopId, id))) throw notFound('conversation');
      return sendExport(
        reply,
        db,
        req.staff.shopId,
        { conversationId: id },
        req.query.format,
        `conversation-${id}`,
      );
    },
  );
};
