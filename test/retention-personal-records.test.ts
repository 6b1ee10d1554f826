import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRows } from '../src/db/client.ts';
import { shopifyDataRequests, shopifyWebhooks } from '../src/db/schema/index.ts';
import { purgeExpired } from '../src/retention/purge.ts';
import { newShop } from './helpers/factories.ts';
import { createTestDatabase } from './helpers/test-db.ts';

// The personal data kept beside conversations expires too: data request documents 30 days after the
// request, and a Shopify webhook payload still stored after 90 days (its row stays to answer replays).

const DAY = 86_400_000;
const NOW = new Date('2026-11-24T00:05:00.000Z');
const daysAgo = (d: number, extraMs = 0) => new Date(NOW.getTime() - d * DAY - extraMs);

describe('retention purge of data requests and webhook payloads', () => {
  let database: Database;
  let shopA: string;
  let shopB: string;

  async function dataRequest(shopId: string, email: string, requestedAt: Date) {
    await database.db.insert(shopifyDataRequests).values({
      shopId,
      customerEmail: email,
      status: 'ready',
      document: JSON.stringify({ customer: { email } }),
      requestedAt,
      completedAt: requestedAt,
    });
  }

  async function webhook(id: string, receivedAt: Date) {
    await database.db.insert(shopifyWebhooks).values({
      shopId: shopA,
      shopDomain: 'a.myshopify.com',
      topic: 'customers/redact',
      webhookId: id,
      bodySha256: id,
      payload: { customer: { email: `${id}@example.com` } },
      receivedAt,
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    shopA = (await newShop(database.db, 'Shop A')).shop.id;
    shopB = (await newShop(database.db, 'Shop B')).shop.id;
    await dataRequest(shopA, 'day29@example.com', daysAgo(29));
    await dataRequest(shopA, 'justinside@example.com', daysAgo(30, -60_000));
    await dataRequest(shopA, 'day30@example.com', daysAgo(30));
    await dataRequest(shopB, 'day31@example.com', daysAgo(31));
    await webhook('wh89', daysAgo(89));
    await webhook('wh91', daysAgo(91));
  });
  afterAll(() => database?.close());

  const emails = async () =>
    (
      await queryRows<{ customer_email: string }>(
        database.db,
        sql`select customer_email from shopify_data_requests order by customer_email`,
      )
    ).map((r) => r.customer_email);
  const payloads = async () =>
    queryRows<{ webhook_id: string; has_payload: boolean }>(
      database.db,
      sql`select webhook_id, payload is not null as has_payload from shopify_webhooks order by webhook_id`,
    );

  it('deletes data requests 30 days old or older, in every shop, and keeps younger ones', async () => {
    const result = await purgeExpired(database.db, { now: NOW });
    expect(result.dataRequests).toBe(2);
    expect(await emails()).toEqual(['day29@example.com', 'justinside@example.com']);
  });

  it('clears webhook payloads past 90 days and keeps the rows for deduplication', async () => {
    expect(await payloads()).toEqual([
      { webhook_id: 'wh89', has_payload: true },
      { webhook_id: 'wh91', has_payload: false },
    ]);
  });

  it('changes nothing when run again', async () => {
    const again = await purgeExpired(database.db, { now: NOW });
    expect(again).toMatchObject({ dataRequests: 0, webhookPayloads: 0 });
    expect(await emails()).toHaveLength(2);
  });
});
