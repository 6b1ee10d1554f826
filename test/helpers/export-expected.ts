import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { conversations, customers, messages, ratings, tickets } from '../../src/db/schema/index.ts';
import { newestFirst } from './http.ts';

const DAY_MS = 86_400_000;

/** NDJSON lines parsed back. */
export const parseNdjson = (text: string) =>
  text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line));

/**
 * What an export of every conversation of a shop must contain, read straight from the tables (not through
 * the export's queries), newest first: each conversation with its customer, rating, live tickets and
 * every message part. `retentionDays` gives expiresAt.
 */
export async function expectedExport(db: Db, shopId: string, retentionDays = 90) {
  const rows = await db
    .select({ c: conversations, cu: customers, r: ratings })
    .from(conversations)
    .leftJoin(customers, eq(customers.id, conversations.customerId))
    .leftJoin(ratings, eq(ratings.conversationId, conversations.id))
    .where(eq(conversations.shopId, shopId));
  const ticketRows = await db
    .select()
    .from(tickets)
    .where(and(eq(tickets.shopId, shopId), isNull(tickets.deletedAt)))
    .orderBy(asc(tickets.number));
  const messageRows = await db
    .select()
    .from(messages)
    .where(eq(messages.shopId, shopId))
    .orderBy(asc(messages.createdAt), asc(messages.seq));
  const group = <T, K>(items: T[], key: (item: T) => K) => {
    const map = new Map<K, T[]>();
    for (const item of items) {
      const list = map.get(key(item));
      if (list) list.push(item);
      else map.set(key(item), [item]);
    }
    return map;
  };
  const ticketsOf = group(ticketRows, (t) => t.conversationId);
  const messagesOf = group(messageRows, (m) => m.conversationId);
  return newestFirst(rows.map((row) => ({ ...row, id: row.c.id, startedAt: row.c.startedAt }))).map(
    ({ c, cu, r }) => ({
      id: c.id,
      status: c.status,
      channel: c.channel,
      subject: c.subject,
      customer: { name: cu?.name ?? null, email: cu?.email ?? null },
      startedAt: c.startedAt.toISOString(),
      lastMessageAt: c.lastMessageAt.toISOString(),
      expiresAt: new Date(c.startedAt.getTime() + retentionDays * DAY_MS).toISOString(),
      rating: r ? { rating: r.rating, comment: r.comment, createdAt: r.createdAt.toISOString() } : null,
      tickets: (ticketsOf.get(c.id) ?? []).map((t) => ({
        number: t.number,
        status: t.status,
        priority: t.priority,
        category: t.category,
        reason: t.reason,
      })),
      messages: (messagesOf.get(c.id) ?? []).map((m) => ({
        id: m.id,
        role: m.role,
        createdAt: m.createdAt.toISOString(),
        parts: m.parts,
      })),
    }),
  );
}
