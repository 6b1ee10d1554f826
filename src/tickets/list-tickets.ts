import { and, desc, eq, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { customers, TICKET_STATUSES, tickets } from '../db/schema/index.ts';
import { AppError } from '../http/errors.ts';

export type TicketSort = 'updated' | 'created' | 'priority';
export type TicketFilters = {
  status?: (typeof TICKET_STATUSES)[number];
  priority?: string;
  category?: string;
  q?: string;
};

/** Position after a page's last row: (rank?, time, id) of the sort in use. */
type Cursor = { s: TicketSort; r?: number; t: string; id: string };
const ZCursor = z.object({
  s: z.enum(['updated', 'created', 'priority']),
  r: z.number().int().min(1).max(4).optional(),
  t: z.iso.datetime(),
  id: z.guid(),
});

const encode = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decode(text: string, sort: TicketSort): Cursor {
  try {
    const c = ZCursor.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    if (c.s !== sort || (sort === 'priority') !== (c.r !== undefined))
      throw new Error('cursor of another sort');
    return c;
  } catch {
    throw new AppError(400, 'invalid_cursor', 'The cursor is malformed; start again from the first page');
  }
}

/** Every filter but status, so the status tabs can count what the other filters leave. */
function baseWhere(shopId: string, f: TicketFilters): SQL {
  const conditions: (SQL | undefined)[] = [eq(tickets.shopId, shopId), isNull(tickets.deletedAt)];
  if (f.priority) conditions.push(eq(tickets.priority, f.priority as 'low'));
  if (f.category) conditions.push(sql`lower(${tickets.category}) = lower(${f.category})`);
  const q = f.q?.trim();
  if (q) {
    const number = /^#?\d{1,9}$/.test(q) ? Number(q.replace('#', '')) : null;
    const like = `%${q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conditions.push(
      or(
        number !== null ? eq(tickets.number, number) : undefined,
        sql`${customers.searchText} like ${like}`,
        sql`lower(${tickets.category}) like ${like}`,
        sql`replace(${tickets.reason}, '_', ' ') like ${like}`,
      ),
    );
  }
  return and(...conditions) as SQL;
}

function keyset(sort: TicketSort, c: Cursor): SQL {
  const time = sort === 'created' ? tickets.createdAt : tickets.updatedAt;
  const at = new Date(c.t);
  const afterTime = or(lt(time, at), and(eq(time, at), lt(tickets.id, c.id))) as SQL;
  if (sort !== 'priority') return afterTime;
  return or(lt(tickets.priorityRank, c.r ?? 0), and(eq(tickets.priorityRank, c.r ?? 0), afterTime)) as SQL;
}

/** A page of the shop's tickets, newest (or most urgent) first, with per-status counts for the tabs. */
export async function listTickets(
  db: Db,
  shopId: string,
  filters: TicketFilters,
  sort: TicketSort,
  cursorText: string | undefined,
  limit: number,
) {
  const where = baseWhere(shopId, filters);
  const cursor = cursorText ? decode(cursorText, sort) : null;
  const time = sort === 'created' ? tickets.createdAt : tickets.updatedAt;
  const order =
    sort === 'priority'
      ? [desc(tickets.priorityRank), desc(time), desc(tickets.id)]
      : [desc(time), desc(tickets.id)];
  const [rows, countRows] = await Promise.all([
    db
      .select({ ticket: tickets, customer: { name: customers.name, email: customers.email } })
      .from(tickets)
      .leftJoin(customers, eq(customers.id, tickets.customerId))
      .where(
        and(
          where,
          filters.status ? eq(tickets.status, filters.status) : undefined,
          cursor ? keyset(sort, cursor) : undefined,
        ),
      )
      .orderBy(...order)
      .limit(limit + 1),
    db
      .select({ status: tickets.status, count: sql<number>`count(*)::int` })
      .from(tickets)
      .leftJoin(customers, eq(customers.id, tickets.customerId))
      .where(where)
      .groupBy(tickets.status),
  ]);
  const page = rows.slice(0, limit);
  const last = page.at(-1)?.ticket;
  const counts = Object.fromEntries(TICKET_STATUSES.map((s) => [s, 0])) as Record<
    (typeof TICKET_STATUSES)[number],
    number
  >;
  for (const r of countRows) counts[r.status] = r.count;
  return {
    items: page.map(({ ticket: t, customer }) => ({
      number: t.number,
      customer: { name: customer?.name ?? null, email: customer?.email ?? null },
      status: t.status,
      priority: t.priority,
      category: t.category,
      reason: t.reason,
      conversationId: t.conversationId,
      createdAt: t.createdAt.toISOString(),
      updatedAt: t.updatedAt.toISOString(),
    })),
    nextCursor:
      rows.length > limit && last
        ? encode({
            s: sort,
            ...(sort === 'priority' ? { r: last.priorityRank } : {}),
            t: (sort === 'created' ? last.createdAt : last.updatedAt).toISOString(),
            id: last.id,
          })
        : null,
    counts: { all: Object.values(counts).reduce((a, b) => a + b, 0), ...counts },
  };
}
