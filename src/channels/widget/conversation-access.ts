import { timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { hashToken } from '../../auth/tokens.ts';
import type { Db } from '../../db/client.ts';
import { conversations } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { isUuid } from '../../http/ids.ts';

/** The conversation a widget request may touch: its bearer token must be that conversation's. */
export async function authorizeWidgetConversation(db: Db, req: FastifyRequest, conversationId: string) {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  if (!token) throw new AppError(401, 'unauthenticated', 'Send the conversation token as a Bearer token');
  // Unknown id and wrong token answer alike, so ids cannot be probed.
  const denied = new AppError(404, 'not_found', 'No such conversation');
  if (!isUuid(conversationId)) throw denied;
  const [row] = await db
    .select({ id: conversations.id, shopId: conversations.shopId, tokenHash: conversations.widgetTokenHash })
    .from(conversations)
    .where(eq(conversations.id, conversationId));
  if (!row?.tokenHash) throw denied;
  const given = Buffer.from(hashToken(token));
  const expected = Buffer.from(row.tokenHash);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw denied;
  return { conversationId: row.id, shopId: row.shopId };
}
