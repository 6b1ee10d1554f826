import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoStore } from '../src/commerce/demo-store.ts';
import { commerceFor } from '../src/commerce/index.ts';
import type { CommerceSource } from '../src/commerce/types.ts';
import type { Db } from '../src/db/client.ts';
import { storeOrders, storePolicies, storeProducts } from '../src/db/schema/index.ts';
import { DEMO_FACTS, seedDemoShop } from '../src/seed/seed-demo-shop.ts';
import { createShop } from '../src/shops/queries.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

describe('demo store', () => {
  let database: TestDatabase;
  let shopId: string;
  let otherShopId: string;
  let store: CommerceSource;
  let otherStore: CommerceSource;
  let selects = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    ({ shopId } = await seedDemoShop(database.db, {
      adminEmail: 'demo-admin@example.com',
      adminPassword: 'password123',
    }));
    const other = await createShop(database.db, { name: 'Other shop' });
    otherShopId = other.id;
    await database.db.insert(storeOrders).values([
      {
        shopId: otherShopId,
        name: '#1004',
        email: 'someone.else@example.com',
        customerName: 'Someone Else',
        lineItems: [{ title: 'Secret Sweater', quantity: 1, priceCents: 100 }],
        totalCents: 100,
      },
      {
        shopId: otherShopId,
        name: '#7001',
        email: 'someone.else@example.com',
        customerName: 'Someone Else',
        lineItems: [],
        totalCents: 0,
      },
    ]);
    await database.db.insert(storeProducts).values({
      shopId: otherShopId,
      title: 'Secret Wool Sweater',
      handle: 'secret-wool-sweater',
      priceCents: 100,
      tags: ['sweater', 'wool'],
      inventory: 5,
    });
    await database.db.insert(storePolicies).values({
      shopId: otherShopId,
      kind: 'returns',
      title: 'Secret Returns',
      body: 'No returns, no refunds, no exchanges, no shipping.',
    });
    // Counts the queries the store starts, to show rejected input never reaches the database.
    const counting = new Proxy(database.db, {
      get(target, prop, receiver) {
        if (prop === 'select' || prop === 'execute') selects++;
        return Reflect.get(target, prop, receiver);
      },
    }) as Db;
    store = createDemoStore(counting, shopId);
    otherStore = createDemoStore(database.db, otherShopId);
  }, 120_000);
  afterAll(() => database?.close());

  describe('findOrderByName', () => {
    it('finds #1004 however the customer writes it', async () => {
      const order = await store.findOrderByName('#1004');
      expect(order).toMatchObject({
        name: '#1004',
        email: DEMO_FACTS.customerWithOrder.email,
        customerName: DEMO_FACTS.customerWithOrder.name,
        financialStatus: 'paid',
        fulfillmentStatus: 'fulfilled',
        currency: 'USD',
      });
      expect(order?.lineItems.map((li) => li.title)).toEqual(['Hardanger Wool Sweater', 'Nordkapp Beanie']);
      expect(order?.totalCents).toBe(order?.lineItems.reduce((s, li) => s + li.quantity * li.priceCents, 0));
      expect(order?.trackingNumber).toMatch(/\S/);
      expect(order?.trackingUrl).toMatch(/^https:\/\//);
      expect(new Date(order?.createdAt ?? '').toISOString()).toBe(order?.createdAt);
      for (const spelling of ['1004', ' #1004 ', '\t1004\n']) {
        expect(await store.findOrderByName(spelling), spelling).toEqual(order);
      }
    });

    it('answers null for an order number the shop does not have', async () => {
      expect(await store.findOrderByName('#9999')).toBeNull();
      expect(await store.findOrderByName('1000')).toBeNull();
    });

    it("never reveals another shop's order", async () => {
      expect(await store.findOrderByName('#7001')).toBeNull();
      expect((await store.findOrderByName('#1004'))?.email).toBe(DEMO_FACTS.customerWithOrder.email);
      expect((await otherStore.findOrderByName('#1004'))?.email).toBe('someone.else@example.com');
      expect(await otherStore.findOrderByName('#1005')).toBeNull();
    });

    it('answers null for anything but an order number, without a query', async () => {
      const before = selects;
      for (const input of [
        '1004 OR 1=1',
        'x@y.com OR name:#1002',
        "#1004'; drop table store_orders; --",
        '#1004 #1005',
        '',
        '   ',
        '#',
        '##1004',
        '#-1004',
        '#10.04',
        '#12345678901',
        '１００４',
        'order 1004',
      ]) {
        expect(await store.findOrderByName(input), input).toBeNull();
      }
      expect(selects).toBe(before);
      expect(await store.findOrderByName('#1002')).not.toBeNull();
      expect(selects).toBe(before + 1);
    });
  });

  describe('searchProducts', () => {
    it('puts the product matching every word first', async () => {
      const results = await store.searchProducts('wool sweater', 5);
      expect(results[0]).toEqual({
        title: 'Hardanger Wool Sweater',
        handle: 'hardanger-wool-sweater',
        description: expect.stringContaining('Norwegian wool'),
        priceCents: 16900,
        currency: 'USD',
        inStock: true,
        imageUrl: expect.stringContaining('hardanger-wool-sweater'),
        url: '/products/hardanger-wool-sweater',
      });
      // Wool things come next; the other shop's sweater never does.
      expect(results.length).toBeGreaterThan(1);
      expect(results.map((p) => p.title)).not.toContain('Secret Wool Sweater');
    });

    it('understands a question, plurals and Norwegian words', async () => {
      expect((await store.searchProducts('Do you have any wool sweaters?', 3))[0].title).toBe(
        'Hardanger Wool Sweater',
      );
      expect((await store.searchProducts('genser', 3))[0].title).toBe('Hardanger Wool Sweater');
      // A word in the title outweighs two in passing ("warm ... boots" in the wool socks' description).
      expect((await store.searchProducts('warm boots', 3))[0].title).toBe('Finnmark Thermal Boots');
      expect((await store.searchProducts('regnjakke', 3))[0].title).toBe('Bergen Rain Jacket');
      const socks = await store.searchProducts('sokker', 5);
      expect(socks.map((p) => p.handle)).toContain('geiranger-hiking-socks-2-pack');
    });

    it('flags out-of-stock products', async () => {
      const [boots] = await store.searchProducts('finnmark boots', 1);
      expect(boots).toMatchObject({ title: 'Finnmark Thermal Boots', inStock: false });
      const cardigan = (await store.searchProducts('wool', 20)).find((p) => p.handle === 'setesdal-cardigan');
      expect(cardigan?.inStock).toBe(false);
    });

    it('matches part of a word ("shell" in "hardshell")', async () => {
      const titles = (await store.searchProducts('shell', 10)).map((p) => p.title);
      expect(titles).toContain('Trolltunga Hardshell Jacket');
      expect(titles).toContain('Preikestolen Softshell Jacket');
    });

    it('shows some products for an empty query, up to the limit', async () => {
      const some = await store.searchProducts('', 4);
      expect(some).toHaveLength(4);
      expect(await store.searchProducts('  ?! ', 2)).toHaveLength(2);
      expect((await store.searchProducts('', 1000)).length).toBe(DEMO_FACTS.counts.products);
    });

    it('treats quotes and SQL in the query as words', async () => {
      const results = await store.searchProducts("wool' OR 1=1; -- \\ % _ :*", 3);
      expect(results[0].title).toMatch(/wool/i);
      expect(await store.searchProducts('zzqx', 5)).toEqual([]);
    });
  });

  describe('searchPolicies', () => {
    const kindsFor = async (query: string) => (await store.searchPolicies(query, 3)).map((p) => p.kind);

    it('finds a policy by what it is about, in English', async () => {
      for (const [query, kind] of [
        ['return', 'returns'],
        ['How do I get a refund?', 'returns'],
        ['can I exchange for another size', 'returns'],
        ['shipping', 'shipping'],
        ['when will my delivery arrive', 'shipping'],
        ['do you take klarna', 'payment'],
        ['how can I pay', 'payment'],
      ]) {
        expect((await kindsFor(query))[0], query).toBe(kind);
      }
    });

    it('finds a policy by what it is about, in Norwegian', async () => {
      for (const [query, kind] of [
        ['frakt', 'shipping'],
        ['Hvor lang tid tar leveringen?', 'shipping'],
        ['kan jeg betale med Vipps?', 'payment'],
        ['betaling', 'payment'],
        ['Når får jeg refusjonen?', 'returns'],
        ['Jeg vil returnere en jakke', 'returns'],
      ]) {
        expect((await kindsFor(query))[0], query).toBe(kind);
      }
    });

    it('returns the full policy text', async () => {
      const [returns] = await store.searchPolicies('returns', 1);
      expect(returns).toEqual({
        kind: 'returns',
        title: 'Returns & Exchanges',
        body: expect.stringContaining('within 30 days of delivery'),
      });
    });

    it('lists every policy for an empty query and none for an unrelated one', async () => {
      expect((await kindsFor('')).sort()).toEqual(['payment', 'returns', 'shipping']);
      expect(await store.searchPolicies('', 1)).toHaveLength(1);
      expect(await store.searchPolicies('zzqx', 5)).toEqual([]);
    });

    it("never shows another shop's policies", async () => {
      const titles = (await store.searchPolicies('returns refunds exchanges', 10)).map((p) => p.title);
      expect(titles).not.toContain('Secret Returns');
      expect((await otherStore.searchPolicies('', 10)).map((p) => p.title)).toEqual(['Secret Returns']);
    });
  });

  it('commerceFor serves the demo store to a shop without a Shopify connection', async () => {
    for (const settings of [{}, { shopify: { shopDomain: 'x.myshopify.com' } }, { shopify: null }]) {
      const source = commerceFor(database.db, { id: shopId, settings });
      expect((await source.findOrderByName('1004'))?.email).toBe(DEMO_FACTS.customerWithOrder.email);
    }
  });
});
