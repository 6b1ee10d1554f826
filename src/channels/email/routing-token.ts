import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { shops } from '../../db/schema/index.ts';

const DOMAIN = 'mail.supportify';
const TOKEN = /^sp\.([0-9a-f-]{36})\.([A-Za-z0-9_-]{22})\.[A-Za-z0-9_-]+@mail\.supportify$/;

const sign = (key: string, conversationId: string) =>
  createHmac('sha256', key).update(conversationId).digest('base64url').slice(0, 22);

/** The shop's key for routing tokens, created on first use (kept in its settings, never returned). */
export async function routingKey(db: Db, shopId: string): Promise<string> {
  const [row] = await db
    .select({ key: sql<string | null>`${shops.settings}->>'emailRoutingKey'` })
    .from(shops)
    .where(eq(shops.id, shopId));
  if (row?.key) return row.key;
  const key = randomBytes(32).toString('hex');
  // Two first uses at once: the first key written wins and both read it back.
  const [saved] = await db
    .update(shops)
    .set({
      settings: sql`case when ${shops.settings} ? 'emailRoutingKey' then ${shops.settings}
        else ${shops.settings} || jsonb_build_object('emailRoutingKey', ${key}::text) end`,
    })
    .where(eq(shops.id, shopId))
    .returning({ key: sql<string>`${shops.settings}->>'emailRoutingKey'` });
  return saved.key;
}

/**
 * A Message-ID for mail we send: it carries the conversation id, signed, so the customer's reply finds
 * its conversation from In-Reply-To/References even when their client drops our other headers.
 */
export function newMessageId(
  key: string,
  conversationId: string,
  unique = randomBytes(9).toString('base64url'),
): string {
  return `sp.${conversationId}.${sign(key, conversationId)}.${unique}@${DOMAIN}`;
}

/** The conversation a Message-ID of ours points to; null for other ids and for forged signatures. */
export function conversationFromMessageId(key: string, messageId: string): string | null {
  const match = TOKEN.exec(messageId);
  if (!match) return null;
  const [, conversationId, given] = match;
  const expected = Buffer.from(sign(key, conversationId));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? conversationId : null;
}
