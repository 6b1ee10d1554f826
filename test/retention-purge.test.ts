import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../src/db/client.ts';
import { drafts, emailMessages, ratings, replyJobs } from '../src/db/schema/index.ts';
import { ensureDayPartitions, listDayPartitions } from '../src/retention/partitions.ts';
import { purgeExpired } from '../src/retention/purge.ts';
import { saveSettingsSection } from '../src/settings/shop-settings.ts';
import { openTicket } from '../src/tickets/open-ticket.ts';
import { newConversation, newShop } from './helpers/factories.ts';
import { createTestDatabase } from './helpers/test-db.ts';

// Retention at the boundary on whichever database the run uses: what is past the period goes with
// everything hanging off it, what is not stays untouched, tickets stay, nothing is orphaned.

const DAY = 86_400_000;
// A fixed "now" just after the daily purge time, as the cron runs it.
const NOW = new Date('2026-11-24T00:05:00.000Z');
const daysAgo = (d: number, extraMs = 0) => new Date(NOW.getTime() - d * DAY - extraMs);

describe('retention purge', () => {
  let database: Database;
  let shopA: string;
  let shopB: string;
  const ids: Record<string, string> = {};

  async function conversation(key: string, shopId: string, startedAt: Date, email: string) {
    const c = await newConversation(database.db, shopId, {
      startedAt,
      customer: { name: key, email },
      messages: [
        { role: 'customer', text: `hello from ${key}` },
        { role: 'ai', text: 'hi' },
      ],
    });
    ids[key] = c.id;
    return c.id;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    shopA = (await newShop(db, 'Shop A')).shop.id;
    shopB = (await newShop(db, 'Shop B')).shop.id;
    // Day partitions for the last 100 days; the 95-day-old conversation predates them (default partition).
    await ensureDayPartitions(db, daysAgo(92), NOW);
    await conversation('d89', shopA, daysAgo(89), 'd89@example.com');
    await conversation('d90', shopA, daysAgo(90), 'd90@example.com');
    // Just inside the day that is only partly past the limit: deleted row by row.
    await conversation('d90late', shopA, daysAgo(90, -60_000), 'late@example.com');
    await conversation('d90early', shopA, daysAgo(90, 60_000), 'early@example.com');
    await conversation('d91', shopA, daysAgo(91), 'd91@example.com');
    await conversation('d95', shopA, daysAgo(95), 'd95@example.com');
    await conversation('b29', shopB, daysAgo(29), 'b29@example.com');
    await conversation('b31', shopB, daysAgo(31), 'b31@example.com');
    await conversation('a31', shopA, daysAgo(31), 'a31@example.com');
    await saveSettingsSection(db, shopB, 'retention', { days: 30 });

    // Things hanging off the expiring conversations: a ticket, a draft, a rating, an email row, a reply job.
    await openTicket(db, {
      shopId: shopA,
      conversationId: ids.d91,
      reason: 'customer_requested_human',
      summary: 'wants a person',
    });
    await db.insert(drafts).values({ shopId: shopA, conversationId: ids.d91, body: 'draft' });
    await db.insert(ratings).values({ shopId: shopA, conversationId: ids.d95, rating: 'bad' });
    await db.insert(emailMessages).values({
      shopId: shopA,
      conversationId: ids.d91,
      direction: 'in',
      rfcMessageId: 'x@example.com',
    });
    await db.insert(replyJobs).values({ shopId: shopB, conversationId: ids.b31, lastCustomerSeq: 1 });
  });
  afterAll(() => database?.close());

  const count = async (query: ReturnType<typeof sql>) =>
    (await queryRows<{ n: number }>(database.db, query))[0]?.n ?? 0;
  const messagesOf = (key: string) =>
    count(sql`select count(*)::int as n from messages where conversation_id = ${ids[key]}::uuid`);
  const exists = (key: string) =>
    count(sql`select count(*)::int as n from conversations where id = ${ids[key]}::uuid`);

  it('deletes exactly what is past each shop’s period, drops whole expired days, keeps tickets', async () => {
    const partitionsBefore = await listDayPartitions(database.db);
    const result = await purgeExpired(database.db, { now: NOW, batchSize: 2 });

    for (const kept of ['d89', 'd90late', 'b29', 'a31']) {
      expect(await exists(kept), kept).toBe(1);
      expect(await messagesOf(kept), kept).toBe(2);
    }
    for (const gone of ['d90', 'd90early', 'd91', 'd95', 'b31']) {
      expect(await exists(gone), gone).toBe(0);
      expect(await messagesOf(gone), gone).toBe(0);
    }
    expect(result.conversations).toBe(5);

    // Whole days before the 90-day line are dropped as partitions; the day it falls in stays.
    const dropped = new Set(result.partitionsDropped);
    const boundaryDay = `messages_p${daysAgo(90).toISOString().slice(0, 10).replaceAll('-', '')}`;
    const dayBefore = `messages_p${daysAgo(91).toISOString().slice(0, 10).replaceAll('-', '')}`;
    expect(dropped.has(dayBefore)).toBe(true);
    expect(dropped.has(boundaryDay)).toBe(false);
    const left = new Set((await listDayPartitions(database.db)).map((p) => p.name));
    expect(left.has(boundaryDay)).toBe(true);
    expect(partitionsBefore.length - left.size).toBeLessThanOrEqual(dropped.size);

    // The ticket stays, marked as having lost its conversation.
    const [ticket] = await queryRows<{ conversation_id: string | null; expired: boolean }>(
      database.db,
      sql`select conversation_id, conversation_expired_at is not null as expired from tickets where shop_id = ${shopA}::uuid`,
    );
    expect(ticket).toEqual({ conversation_id: null, expired: true });
  });

  it('leaves nothing orphaned', async () => {
    expect(
      await count(sql`select count(*)::int as n from messages m
        where not exists (select 1 from conversations c where c.id = m.conversation_id)`),
    ).toBe(0);
    for (const table of [drafts, ratings, emailMessages, replyJobs]) {
      expect(
        await count(sql`select count(*)::int as n from ${table} t
          where not exists (select 1 from conversations c where c.id = t.conversation_id)`),
      ).toBe(0);
    }
    // Customers whose every conversation expired are gone, unless a ticket still names them.
    const emails = await queryRows<{ email: string }>(
      database.db,
      sql`select email from customers order by email`,
    );
    expect(emails.map((e) => e.email)).toEqual([
      'a31@example.com',
      'b29@example.com',
      'd89@example.com',
      'd91@example.com',
      'late@example.com',
    ]);
  });

  it('is idempotent and makes the coming days’ partitions', async () => {
    const again = await purgeExpired(database.db, { now: NOW });
    expect(again.conversations).toBe(0);
    expect(again.partitionsDropped).toEqual([]);
    const names = new Set((await listDayPartitions(database.db)).map((p) => p.name));
    const inAWeek = new Date(NOW.getTime() + 7 * DAY).toISOString().slice(0, 10).replaceAll('-', '');
    expect(names.has(`messages_p${inAWeek}`)).toBe(true);
  });

  it('a day later the boundary has moved one day: what is now exactly at the limit goes, the rest stays', async () => {
    const tomorrow = new Date(NOW.getTime() + DAY);
    const result = await purgeExpired(database.db, { now: tomorrow });
    expect(await exists('d89')).toBe(0);
    expect(await exists('d90late')).toBe(0);
    expect(await exists('a31')).toBe(1);
    // Shop B keeps 30 days: its 29-day-old conversation is now 30 days old.
    expect(await exists('b29')).toBe(0);
    expect(result.conversations).toBe(3);
  });
});
