import { timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { hashToken } from '../../auth/tokens.ts';
import type { Db } from '../../db/client.ts';
import { conversations } from '../../db/schema/index.ts';
import { AppError } from '../../http/errors.ts';
import { isUuid } from '../../http/ids.ts';

/** The conversation token a widget request carries as `Authorization: Bearer …`. */
export function bearerToken(req: FastifyRequest): string {
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  if (!token) throw new AppError(401, 'unauthenticated', 'Send the conversation token as a Bearer token');
  return token;
}

/** Unknown id and wrong token answer alike, so ids cannot be probed. */
export const conversationDenied = () => new AppError(404, 'not_found', 'No such conversation');

/** The conversation a widget request may touch: its bearer token must be that conversation's. */
export async function authorizeWidgetConversation(db: Db, req: FastifyRequest, conversationId: string) {
  const token = bearerToken(req);
  if (!isUuid(conversationId)) throw conversationDenied();
  const [row] = await db
    .select({ id: conversations.id, shopId: conversations.shopId, tokenHash: conversations.widgetTokenHash })
    .from(conversations)
    .where(eq(conversations.id, conversationId));
  if (!row?.tokenHash) throw conversationDenied();
  const given = Buffer.from(hashToken(token));
  const expected = Buffer.from(row.tokenHash);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw conversationDenied();
  return { conversationId: row.id, shopId: row.shopId };
}
