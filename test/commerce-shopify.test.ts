import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commerceFor } from '../src/commerce/index.ts';
import { ShopifyApiError } from '../src/commerce/shopify-graphql.ts';
import { adminGraphqlUrl, createShopifyStore } from '../src/commerce/shopify-store.ts';
import type { Db } from '../src/db/client.ts';

const TOKEN = 'shpat_test_secret_token_0123456789';
const SHOP = 'nordic-threads.myshopify.com';

type Seen = {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: { query: string; variables: Record<string, unknown> };
};
type Reply = { status?: number; headers?: Record<string, string>; body?: unknown };

/** A stand-in for Shopify's Admin GraphQL endpoint on loopback, answering from a script of replies. */
let server: Server;
let baseUrl: string;
let seen: Seen[];
let replies: Reply[];
let sleeps: number[];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      seen.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: JSON.parse(raw || '{}'),
      });
      const reply = replies.shift() ?? { status: 500, body: { errors: [{ message: 'unexpected request' }] } };
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {}));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
  replies = [];
  sleeps = [];
});
// Every scripted reply was asked for: no request went missing.
afterEach(() => expect(replies).toEqual([]));

const store = (options: { maxRetries?: number } = {}) =>
  createShopifyStore({
    shopDomain: SHOP,
    accessToken: TOKEN,
    baseUrl,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options,
  });

const money = (amount: string, currencyCode = 'NOK') => ({ shopMoney: { amount, currencyCode } });

const orderNode = (name: string) => ({
  name,
  email: 'ingrid.johansen@example.com',
  createdAt: '2025-11-03T09:15:00Z',
  displayFinancialStatus: 'PAID',
  displayFulfillmentStatus: 'PARTIALLY_FULFILLED',
  customer: { displayName: 'Ingrid Johansen' },
  totalPriceSet: money('2045.5'),
  lineItems: {
    nodes: [
      { title: 'Hardanger Wool Sweater', quantity: 1, originalUnitPriceSet: money('1699.00') },
      { title: 'Nordkapp Beanie', quantity: 2, originalUnitPriceSet: money('173.25') },
    ],
  },
  fulfillments: [
    { trackingInfo: [] },
    {
      trackingInfo: [
        { number: '70730123456789012', url: 'https://sporing.posten.no/sporing/70730123456789012' },
      ],
    },
  ],
});

const ok = (data: unknown): Reply => ({ body: { data } });
const orders = (...names: string[]) => ok({ orders: { nodes: names.map(orderNode) } });

describe('Shopify store: requests', () => {
  it('posts to the Admin GraphQL endpoint with the access token', async () => {
    replies.push(orders('#1004'));
    await store().findOrderByName('#1004');
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/admin/api/2025-10/graphql.json');
    expect(request.headers['x-shopify-access-token']).toBe(TOKEN);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.body.query).toContain('orders(first: 5, query: $query)');
    expect(request.body.variables).toEqual({ query: 'name:"#1004"' });
  });

  it('uses another API version when asked', async () => {
    replies.push(orders('#1004'));
    await createShopifyStore({
      shopDomain: SHOP,
      accessToken: TOKEN,
      baseUrl,
      apiVersion: '2026-01',
    }).findOrderByName('1004');
    expect(seen[0].url).toBe('/admin/api/2026-01/graphql.json');
  });

  it('searches for the normalised order name whatever the spelling', async () => {
    for (const spelling of ['#1004', '1004', ' #1004 ']) {
      replies.push(orders('#1004'));
      expect((await store().findOrderByName(spelling))?.name, spelling).toBe('#1004');
    }
    expect(seen.map((s) => s.body.variables.query)).toEqual(Array(3).fill('name:"#1004"'));
  });

  it('never sends search syntax from an order number', async () => {
    for (const input of [
      '1004 OR email:x@y.com',
      'x@y.com OR name:#1002',
      '#1004" OR name:"#1002',
      "#1004' OR '1'='1",
      'name:#1004',
      '*',
      '',
    ]) {
      expect(await store().findOrderByName(input), input).toBeNull();
    }
    expect(seen).toEqual([]);
  });

  it('reduces a product query to plain words, dropping operators and search syntax', async () => {
    const cases: Array<[string, string]> = [
      ['Do you have wool sweaters?', 'status:active wool sweaters'],
      ['sweater") OR vendor:"x" title:*', 'status:active sweater vendor title'],
      ["wool OR (tag:secret) AND NOT -draft 'x'", 'status:active wool tag secret draft'],
      ['status:draft', 'status:active status draft'],
      ['ullgenser på lager?', 'status:active ullgenser lager'],
    ];
    replies.push(...cases.map(() => ok({ products: { nodes: [productNode('x', 1)] } })));
    for (const [query] of cases) await store().searchProducts(query, 5);
    expect(seen.map((s) => s.body.variables.query)).toEqual(cases.map(([, search]) => search));
    for (const s of seen) {
      expect(s.body.variables).toMatchObject({ first: 5, sortKey: 'RELEVANCE', reverse: false });
      // The free text is a variable, never spliced into the GraphQL document.
      expect(s.body.query).not.toContain('sweater');
    }
  });

  it('widens to any word when no product has all of them', async () => {
    replies.push(
      ok({ products: { nodes: [] } }),
      ok({ products: { nodes: [productNode('wool-scarf', 3)] } }),
    );
    const found = await store().searchProducts('wool sweater', 3);
    expect(found.map((p) => p.handle)).toEqual(['wool-scarf']);
    expect(seen.map((s) => s.body.variables.query)).toEqual([
      'status:active wool sweater',
      'status:active (wool OR sweater)',
    ]);
  });

  it('lists the newest active products for an empty query, within the limit cap', async () => {
    replies.push(ok({ products: { nodes: [] } }));
    expect(await store().searchProducts('  ', 500)).toEqual([]);
    expect(seen[0].body.variables).toEqual({
      first: 50,
      query: 'status:active',
      sortKey: 'CREATED_AT',
      reverse: true,
    });
  });
});

function productNode(handle: string, totalInventory: number, extra: Record<string, unknown> = {}) {
  return {
    title: `Product ${handle}`,
    handle,
    description: 'Warm and soft.',
    onlineStoreUrl: null,
    totalInventory,
    tracksInventory: true,
    featuredImage: null,
    priceRangeV2: { minVariantPrice: { amount: '199.9', currencyCode: 'EUR' } },
    ...extra,
  };
}

describe('Shopify store: mapping', () => {
  it('maps an order, keeping only the exact name', async () => {
    replies.push(orders('#10040', '#1004'));
    expect(await store().findOrderByName('#1004')).toEqual({
      name: '#1004',
      email: 'ingrid.johansen@example.com',
      customerName: 'Ingrid Johansen',
      createdAt: '2025-11-03T09:15:00.000Z',
      financialStatus: 'paid',
      fulfillmentStatus: 'partial',
      totalCents: 204550,
      currency: 'NOK',
      lineItems: [
        { title: 'Hardanger Wool Sweater', quantity: 1, priceCents: 169900 },
        { title: 'Nordkapp Beanie', quantity: 2, priceCents: 17325 },
      ],
      trackingNumber: '70730123456789012',
      trackingUrl: 'https://sporing.posten.no/sporing/70730123456789012',
    });
  });

  it('answers null when Shopify has no order with exactly that name', async () => {
    replies.push(orders('#10040'), orders());
    expect(await store().findOrderByName('#1004')).toBeNull();
    expect(await store().findOrderByName('#1004')).toBeNull();
  });

  it('maps a guest order without fulfillments', async () => {
    replies.push(
      ok({
        orders: {
          nodes: [
            {
              ...orderNode('#1005'),
              email: null,
              customer: null,
              displayFinancialStatus: 'PENDING',
              displayFulfillmentStatus: 'UNFULFILLED',
              fulfillments: [],
            },
          ],
        },
      }),
    );
    expect(await store().findOrderByName('1005')).toMatchObject({
      email: '',
      customerName: '',
      financialStatus: 'pending',
      fulfillmentStatus: 'unfulfilled',
      trackingNumber: null,
      trackingUrl: null,
    });
  });

  it('maps products: price in cents, stock, image and URL', async () => {
    replies.push(
      ok({
        products: {
          nodes: [
            productNode('hardanger-wool-sweater', 12, {
              title: 'Hardanger Wool Sweater',
              onlineStoreUrl: 'https://nordic-threads.example/products/hardanger-wool-sweater',
              featuredImage: { url: 'https://cdn.shopify.com/s/files/sweater.jpg' },
            }),
            productNode('setesdal-cardigan', 0),
            productNode('gift-card', 0, { tracksInventory: false }),
            productNode('no-count', 0, { totalInventory: null }),
          ],
        },
      }),
    );
    const products = await store().searchProducts('wool', 10);
    expect(products[0]).toEqual({
      title: 'Hardanger Wool Sweater',
      handle: 'hardanger-wool-sweater',
      description: 'Warm and soft.',
      priceCents: 19990,
      currency: 'EUR',
      inStock: true,
      imageUrl: 'https://cdn.shopify.com/s/files/sweater.jpg',
      url: 'https://nordic-threads.example/products/hardanger-wool-sweater',
    });
    expect(products.slice(1).map((p) => [p.handle, p.inStock, p.url, p.imageUrl])).toEqual([
      ['setesdal-cardigan', false, '/products/setesdal-cardigan', null],
      ['gift-card', true, '/products/gift-card', null],
      ['no-count', false, '/products/no-count', null],
    ]);
  });

  const POLICIES = {
    shop: {
      shopPolicies: [
        {
          type: 'REFUND_POLICY',
          title: 'Refund policy',
          body: '<h2>Returns</h2><p>Return unworn items within <strong>30&nbsp;days</strong>.</p><ul><li>Free in Norway</li><li>Refund in 5 days</li></ul><script>alert(1)</script>',
        },
        {
          type: 'SHIPPING_POLICY',
          title: 'Shipping policy',
          body: '<p>Frakt med Posten &amp; Bring: 1&ndash;3 dager.<br>Gratis over 750&#160;kr. &#x2764;</p>',
        },
        { type: 'PRIVACY_POLICY', title: 'Privacy policy', body: '<p>We keep your data safe.</p>' },
        { type: 'TERMS_OF_SERVICE', title: 'Terms of service', body: '<p>Pay with Klarna or card.</p>' },
        { type: 'CONTACT_INFORMATION', title: 'Contact', body: '' },
      ],
    },
  };

  it('maps policies to kinds and their HTML to text', async () => {
    replies.push(ok(POLICIES));
    const policies = await store().searchPolicies('', 10);
    expect(policies).toEqual([
      {
        kind: 'returns',
        title: 'Refund policy',
        body: 'Returns\n\nReturn unworn items within 30 days.\n\n• Free in Norway\n• Refund in 5 days',
      },
      {
        kind: 'shipping',
        title: 'Shipping policy',
        body: 'Frakt med Posten & Bring: 1–3 dager.\nGratis over 750 kr. ❤',
      },
      { kind: 'privacy', title: 'Privacy policy', body: 'We keep your data safe.' },
      { kind: 'terms-of-service', title: 'Terms of service', body: 'Pay with Klarna or card.' },
    ]);
    expect(seen[0].body.query).toContain('shopPolicies { type title body }');
  });

  it('ranks policies for a query in English or Norwegian', async () => {
    const firstKind = async (query: string) => {
      replies.push(ok(POLICIES));
      return (await store().searchPolicies(query, 5))[0]?.kind;
    };
    expect(await firstKind('refund')).toBe('returns');
    expect(await firstKind('exchange')).toBe('returns');
    expect(await firstKind('hvor lang tid tar frakten')).toBe('shipping');
    expect(await firstKind('levering')).toBe('shipping');
    expect(await firstKind('personvern')).toBe('privacy');
    expect(await firstKind('klarna')).toBe('terms-of-service');
  });
});

describe('Shopify store: rate limits and failures', () => {
  it('waits as long as Retry-After says after HTTP 429, then succeeds', async () => {
    replies.push(
      { status: 429, headers: { 'retry-after': '2.0' }, body: { errors: 'Throttled' } },
      orders('#1004'),
    );
    expect((await store().findOrderByName('#1004'))?.name).toBe('#1004');
    expect(sleeps).toEqual([2000]);
    expect(seen).toHaveLength(2);
  });

  it('waits for the leaky bucket to refill after a THROTTLED GraphQL error', async () => {
    replies.push(
      {
        body: {
          errors: [
            { message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev' } },
          ],
          extensions: {
            cost: {
              requestedQueryCost: 152,
              actualQueryCost: null,
              throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 52, restoreRate: 100 },
            },
          },
        },
      },
      orders('#1004'),
    );
    expect((await store().findOrderByName('#1004'))?.name).toBe('#1004');
    expect(sleeps).toEqual([1000]);
  });

  it('backs off exponentially on a THROTTLED error without cost data and on 429 without Retry-After', async () => {
    replies.push(
      { body: { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }] } },
      { status: 429 },
      orders('#1004'),
    );
    expect((await store().findOrderByName('#1004'))?.name).toBe('#1004');
    expect(sleeps).toEqual([500, 1000]);
  });

  it('retries server errors', async () => {
    replies.push({ status: 503 }, { status: 502, body: 'Bad gateway' }, orders('#1004'));
    expect((await store().findOrderByName('#1004'))?.name).toBe('#1004');
    expect(sleeps).toEqual([500, 1000]);
    expect(seen).toHaveLength(3);
  });

  it('gives up with a clear error after the retries', async () => {
    for (let i = 0; i < 6; i++) replies.push({ status: 503 });
    const error = await store()
      .findOrderByName('#1004')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyApiError);
    expect(error).toMatchObject({ code: 'retries_exhausted' });
    expect((error as Error).message).toMatch(/nordic-threads\.myshopify\.com.*6 attempts.*HTTP 503/);
    expect(seen).toHaveLength(6);
    expect(sleeps).toEqual([500, 1000, 2000, 4000, 8000]);
  });

  it('caps the wait a server asks for', async () => {
    replies.push({ status: 429, headers: { 'retry-after': '3600' } }, orders('#1004'));
    await store().findOrderByName('#1004');
    expect(sleeps).toEqual([30_000]);
  });

  it('fails at once on a rejected token, without the token in the error', async () => {
    for (const status of [401, 403]) {
      seen = [];
      replies.push({ status, body: { errors: '[API] Invalid API key or access token' } });
      const error = await store()
        .findOrderByName('#1004')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ShopifyApiError);
      expect(error).toMatchObject({ code: 'unauthorized', status });
      expect((error as Error).message).toContain(SHOP);
      expect((error as Error).message).not.toContain(TOKEN);
      expect(seen).toHaveLength(1);
    }
    expect(sleeps).toEqual([]);
  });

  it('fails at once on other GraphQL errors and client errors', async () => {
    replies.push({ body: { errors: [{ message: 'Field "bogus" doesn\'t exist on type "Order"' }] } });
    await expect(store().findOrderByName('#1004')).rejects.toMatchObject({
      code: 'graphql_error',
      message: expect.stringContaining("doesn't exist"),
    });
    replies.push({ status: 400, body: { errors: 'Bad request' } }, { body: 'not json' });
    await expect(store().searchPolicies('', 5)).rejects.toMatchObject({ code: 'http_error', status: 400 });
    await expect(store().searchPolicies('', 5)).rejects.toMatchObject({ code: 'bad_response' });
    expect(seen).toHaveLength(3);
    expect(sleeps).toEqual([]);
  });

  it('retries when the connection fails', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const dead = createShopifyStore({
      shopDomain: SHOP,
      accessToken: TOKEN,
      baseUrl: deadUrl,
      maxRetries: 2,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    await expect(dead.searchPolicies('', 5)).rejects.toMatchObject({
      code: 'retries_exhausted',
      message: expect.stringContaining('network error'),
    });
    expect(sleeps).toEqual([500, 1000]);
  });
});

describe('Shopify store: configuration', () => {
  it('sends the token only to a *.myshopify.com domain unless a base URL is given', () => {
    expect(adminGraphqlUrl({ shopDomain: 'Nordic-Threads.myshopify.com' })).toBe(
      'https://nordic-threads.myshopify.com/admin/api/2025-10/graphql.json',
    );
    for (const shopDomain of [
      'evil.example',
      'x.myshopify.com.evil.example',
      'x.myshopify.com/path',
      'a@b.myshopify.com',
    ]) {
      expect(() => adminGraphqlUrl({ shopDomain }), shopDomain).toThrow(/myshopify/);
    }
    expect(() => adminGraphqlUrl({ shopDomain: SHOP, apiVersion: '../../x' })).toThrow(/version/);
    expect(adminGraphqlUrl({ shopDomain: SHOP, baseUrl: 'http://127.0.0.1:9/' })).toBe(
      'http://127.0.0.1:9/admin/api/2025-10/graphql.json',
    );
  });

  it('commerceFor uses the Shopify store once settings hold a connection', async () => {
    replies.push(orders('#1004'));
    const source = commerceFor({} as Db, {
      id: '00000000-0000-0000-0000-000000000000',
      settings: { shopify: { shopDomain: SHOP, accessToken: TOKEN, apiBaseUrl: baseUrl } },
    });
    expect((await source.findOrderByName('1004'))?.customerName).toBe('Ingrid Johansen');
    expect(seen[0].headers['x-shopify-access-token']).toBe(TOKEN);
  });
});
