import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  customers,
  shopifyDataRequests,
  shopifyInstalls,
  shopifyWebhooks,
  shops,
} from '../src/db/schema/index.ts';
import { expectError } from './helpers/http.ts';
import {
  bearer,
  createShopifyTestApp,
  type FakeShopify,
  install,
  postWebhook,
  type ShopifyTestApp,
  sessionToken,
  startFakeShopify,
  webhookHmac,
  webhookRow,
  webhooksProcessed,
} from './helpers/shopify-app.ts';
import { type Counts, countRows, seedCustomerFootprint } from './helpers/shopify-data.ts';

const SHOP_A = 'shop-a.myshopify.com';
const SHOP_B = 'shop-b.myshopify.com';
const ALICE = { name: 'Alice Andersen', email: 'alice@example.com' };
const BOB = { name: 'Bob Berg', email: 'bob@example.com' };

const customerPayload = (shop: string, email: string, extra: Record<string, unknown> = {}) => ({
  shop_id: 954889,
  shop_domain: shop,
  customer: { id: 191167, email, phone: '555-625-1199' },
  ...extra,
});

describe('Shopify webhooks', () => {
  let fake: FakeShopify;
  let t: ShopifyTestApp;
  let shopA: string;
  let shopB: string;
  let oneFootprint: Counts;

  const emails = async (shopId: string) =>
    (await t.db.select({ email: customers.email }).from(customers).where(eq(customers.shopId, shopId)))
      .map((r) => r.email)
      .sort();

  beforeAll(async () => {
    fake = await startFakeShopify();
    t = await createShopifyTestApp({ apiBaseUrl: fake.baseUrl });
    shopA = await install(t.app, t.db, SHOP_A);
    shopB = await install(t.app, t.db, SHOP_B);
    await seedCustomerFootprint(t.db, shopA, ALICE);
    await seedCustomerFootprint(t.db, shopA, BOB);
    // The same person shops at B too: B's data is B's, whatever A is asked to do.
    await seedCustomerFootprint(t.db, shopB, ALICE);
    oneFootprint = await countRows(t.db, shopB);
    expect(oneFootprint).toMatchObject({
      customers: 1,
      conversations: 2,
      messages: 5,
      email_messages: 1,
      tickets: 1,
      ticket_messages: 1,
      shopify_data_requests: 0,
    });
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  describe('verification', () => {
    const payload = customerPayload(SHOP_A, BOB.email, { data_request: { id: 1 } });
    const stored = async () => t.db.select().from(shopifyWebhooks);

    it.each([
      ['a wrong signature', { hmac: webhookHmac('{}') }],
      ['a signature with another secret', { hmac: webhookHmac(JSON.stringify(payload), 'other-secret') }],
      ['no signature', { hmac: null }],
    ])('refuses %s with 401 and stores nothing', async (_what, options) => {
      const before = (await stored()).length;
      const res = await postWebhook(t.app, 'customers/data_request', SHOP_A, payload, options);
      expectError(res, 401, 'invalid_hmac');
      expect(await stored()).toHaveLength(before);
    });

    it('refuses a body changed after signing', async () => {
      const body = JSON.stringify(payload);
      const res = await postWebhook(t.app, 'customers/redact', SHOP_A, null, {
        body: body.replace(BOB.email, ALICE.email),
        hmac: webhookHmac(body),
      });
      expectError(res, 401, 'invalid_hmac');
    });

    it('refuses a signed webhook from a shop domain that is not *.myshopify.com', async () => {
      const res = await postWebhook(t.app, 'customers/redact', 'evil.example', payload);
      expectError(res, 400, 'invalid_webhook');
    });

    it('acknowledges topics it does not handle without storing them', async () => {
      const before = (await stored()).length;
      const res = await postWebhook(t.app, 'orders/create', SHOP_A, { id: 1 });
      expect(res.statusCode, res.body).toBe(200);
      expect(await stored()).toHaveLength(before);
    });
  });

  describe('customers/data_request', () => {
    it('builds the customer’s export, once, for the merchant (duplicates and replays do nothing)', async () => {
      const payload = customerPayload(SHOP_A, ALICE.email, { data_request: { id: 9999 } });
      const first = await postWebhook(t.app, 'customers/data_request', SHOP_A, payload, {
        webhookId: 'wh-export-1',
        eventId: 'ev-export-1',
      });
      expect(first.statusCode, first.body).toBe(200);
      expect(await webhookRow(t.db, 'wh-export-1')).toBeTruthy();
      // Shopify's retry (same webhook id), the same event again, and the body replayed under a new id.
      const retry = await postWebhook(t.app, 'customers/data_request', SHOP_A, payload, {
        webhookId: 'wh-export-1',
      });
      const sameEvent = await postWebhook(
        t.app,
        'customers/data_request',
        SHOP_A,
        { ...payload, extra: 1 },
        {
          webhookId: 'wh-export-2',
          eventId: 'ev-export-1',
        },
      );
      const replay = await postWebhook(t.app, 'customers/data_request', SHOP_A, payload, {
        webhookId: 'wh-export-3',
      });
      for (const res of [retry, sameEvent, replay]) {
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toEqual({ ok: true, duplicate: true });
      }
      await webhooksProcessed(t.db);
      const requests = await t.db.select().from(shopifyDataRequests);
      expect(requests).toEqual([
        expect.objectContaining({
          shopId: shopA,
          status: 'ready',
          customerEmail: ALICE.email,
          shopifyCustomerId: '191167',
          shopifyRequestId: '9999',
          conversationCount: 2,
          ticketCount: 1,
        }),
      ]);
      const row = await webhookRow(t.db, 'wh-export-1');
      expect(row.payload).toBeNull();
      expect(row.processedAt).not.toBeNull();
      // Nothing was deleted by an export.
      expect(await countRows(t.db, shopB)).toEqual(oneFootprint);
    });

    it('lists the export in the shop’s admin with a download of exactly that customer’s data', async () => {
      const token = bearer(sessionToken(SHOP_A));
      const list = await t.app.inject({ url: '/api/data-requests', headers: token });
      expect(list.statusCode, list.body).toBe(200);
      const [item] = list.json().items;
      expect(list.json().items).toHaveLength(1);
      expect(item).toMatchObject({
        status: 'ready',
        customer: { email: ALICE.email, shopifyCustomerId: '191167' },
        conversationCount: 2,
        ticketCount: 1,
        downloadUrl: `/api/data-requests/${item.id}/download`,
      });
      // The purge deletes it 30 days after the request.
      expect(Date.parse(item.expiresAt) - Date.parse(item.requestedAt)).toBe(30 * 86_400_000);
      const download = await t.app.inject({ url: item.downloadUrl, headers: token });
      expect(download.statusCode, download.body).toBe(200);
      expect(download.headers['content-type']).toContain('application/json');
      expect(download.headers['content-disposition']).toContain('attachment');
      const doc = download.json();
      expect(doc).toMatchObject({
        kind: 'customers/data_request',
        shop: SHOP_A,
        customer: { email: ALICE.email },
      });
      expect(doc.customerRecords).toEqual([
        expect.objectContaining({ email: ALICE.email, name: ALICE.name }),
      ]);
      expect(doc.conversations.map((c: { channel: string }) => c.channel).sort()).toEqual([
        'email',
        'widget',
      ]);
      const parts = doc.conversations.flatMap((c: { messages: Array<{ parts: Array<{ type: string }> }> }) =>
        c.messages.flatMap((m) => m.parts.map((p) => p.type)),
      );
      expect(parts).toEqual(expect.arrayContaining(['text', 'tool-call', 'tool-result']));
      const mail = doc.conversations.find((c: { channel: string }) => c.channel === 'email');
      expect(mail.emails).toEqual([expect.objectContaining({ from: ALICE.email, direction: 'in' })]);
      expect(doc.tickets).toEqual([
        expect.objectContaining({
          reason: 'customer_requested_human',
          messages: [expect.objectContaining({ kind: 'reply', body: `We are on it, ${ALICE.name}` })],
        }),
      ]);
      expect(download.body).not.toContain(BOB.email);
      expect(download.body).not.toContain(BOB.name);

      // Another shop sees neither the request nor its download.
      const other = bearer(sessionToken(SHOP_B));
      expect((await t.app.inject({ url: '/api/data-requests', headers: other })).json().items).toEqual([]);
      expectError(await t.app.inject({ url: item.downloadUrl, headers: other }), 404, 'not_found');
      expectError(
        await t.app.inject({ url: '/api/data-requests/not-an-id/download', headers: token }),
        404,
        'not_found',
      );
    });
  });

  describe('customers/redact', () => {
    it('deletes exactly that customer’s conversations, messages, emails, tickets and exports in that shop', async () => {
      const before = await countRows(t.db, shopA);
      const res = await postWebhook(t.app, 'customers/redact', SHOP_A, {
        ...customerPayload(SHOP_A, 'ALICE@example.com'),
        orders_to_redact: [299938],
      });
      expect(res.statusCode, res.body).toBe(200);
      await webhooksProcessed(t.db);
      // Shop A now holds Bob's footprint only; B (with its own Alice) is untouched.
      expect(await countRows(t.db, shopA)).toEqual(oneFootprint);
      expect(before.conversations).toBe(2 * oneFootprint.conversations);
      expect(await emails(shopA)).toEqual([BOB.email]);
      expect(await countRows(t.db, shopB)).toEqual(oneFootprint);
      expect(await emails(shopB)).toEqual([ALICE.email]);
    });

    it('is a no-op for a customer the shop does not know', async () => {
      const res = await postWebhook(
        t.app,
        'customers/redact',
        SHOP_A,
        customerPayload(SHOP_A, 'nobody@example.com'),
      );
      expect(res.statusCode, res.body).toBe(200);
      await webhooksProcessed(t.db);
      expect(await countRows(t.db, shopA)).toEqual(oneFootprint);
    });
  });

  describe('app/uninstalled and shop/redact', () => {
    const installOf = async (shopId: string) =>
      (await t.db.select().from(shopifyInstalls).where(eq(shopifyInstalls.shopId, shopId)))[0];

    it('app/uninstalled deletes the token and marks the shop uninstalled; its session tokens stop working', async () => {
      const res = await postWebhook(t.app, 'app/uninstalled', SHOP_A, {
        id: 954889,
        myshopify_domain: SHOP_A,
      });
      expect(res.statusCode, res.body).toBe(200);
      await webhooksProcessed(t.db);
      expect(await installOf(shopA)).toMatchObject({ status: 'uninstalled', accessTokenEncrypted: null });
      expect((await installOf(shopB)).status).toBe('installed');
      const me = await t.app.inject({ url: '/api/me', headers: bearer(sessionToken(SHOP_A)) });
      expectError(me, 401, 'unauthenticated');
      // Data stays until shop/redact.
      expect(await countRows(t.db, shopA)).toEqual(oneFootprint);
    });

    it('shop/redact for a shop that is still installed changes nothing', async () => {
      const res = await postWebhook(t.app, 'shop/redact', SHOP_B, { shop_id: 2, shop_domain: SHOP_B });
      expect(res.statusCode, res.body).toBe(200);
      await webhooksProcessed(t.db);
      expect(await countRows(t.db, shopB)).toEqual(oneFootprint);
    });

    it('shop/redact deletes all of the uninstalled shop’s data and the shop, and nothing of other shops', async () => {
      const res = await postWebhook(t.app, 'shop/redact', SHOP_A, { shop_id: 954889, shop_domain: SHOP_A });
      expect(res.statusCode, res.body).toBe(200);
      await webhooksProcessed(t.db);
      const zero = Object.fromEntries(Object.keys(oneFootprint).map((k) => [k, 0]));
      expect(await countRows(t.db, shopA)).toEqual(zero);
      expect(await t.db.select().from(shops).where(eq(shops.id, shopA))).toEqual([]);
      expect(await countRows(t.db, shopB)).toEqual(oneFootprint);
      // The webhook log keeps only what deduplication needs.
      const rows = await t.db.select().from(shopifyWebhooks).where(eq(shopifyWebhooks.shopDomain, SHOP_A));
      expect(rows.every((r) => r.payload === null && r.processedAt !== null)).toBe(true);
      // A replay after the shop is gone is acknowledged and does nothing.
      const replay = await postWebhook(t.app, 'shop/redact', SHOP_A, {
        shop_id: 954889,
        shop_domain: SHOP_A,
      });
      expect(replay.json()).toEqual({ ok: true, duplicate: true });
    });

    it('webhooks for a shop that was never installed are acknowledged and change nothing', async () => {
      const res = await postWebhook(
        t.app,
        'customers/redact',
        'never-installed.myshopify.com',
        customerPayload('never-installed.myshopify.com', ALICE.email),
      );
      expect(res.statusCode, res.body).toBe(200);
      await webhooksProcessed(t.db);
      expect(await countRows(t.db, shopB)).toEqual(oneFootprint);
    });
  });
});
