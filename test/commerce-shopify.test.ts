// The Shopify store against a loopback stand-in for the Admin GraphQL API: the requests it sends
// (search syntax kept out) and how it maps orders, products and policies.
import { describe, expect, it } from 'vitest';
import { createShopifyStore } from '../src/commerce/shopify-store.ts';
import {
  fakeStore,
  ok,
  orderNode,
  orders,
  productNode,
  SHOP,
  startFakeShopify,
  TOKEN,
} from './helpers/commerce-shopify-server.ts';

const fake = startFakeShopify();
const store = () => fakeStore(fake);

describe('Shopify store: requests', () => {
  it('posts to the Admin GraphQL endpoint with the access token', async () => {
    fake.replies.push(orders('#1004'));
    await store().findOrderByName('#1004');
    expect(fake.seen).toHaveLength(1);
    const [request] = fake.seen;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/admin/api/2025-10/graphql.json');
    expect(request.headers['x-shopify-access-token']).toBe(TOKEN);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.body.query).toContain('orders(first: 5, query: $query)');
    expect(request.body.variables).toEqual({ query: 'name:"#1004"' });
  });

  it('uses another API version when asked', async () => {
    fake.replies.push(orders('#1004'));
    await createShopifyStore({
      shopDomain: SHOP,
      accessToken: TOKEN,
      baseUrl: fake.baseUrl,
      apiVersion: '2026-01',
    }).findOrderByName('1004');
    expect(fake.seen[0].url).toBe('/admin/api/2026-01/graphql.json');
  });

  it('searches for the normalised order name whatever the spelling', async () => {
    for (const spelling of ['#1004', '1004', ' #1004 ']) {
      fake.replies.push(orders('#1004'));
      expect((await store().findOrderByName(spelling))?.name, spelling).toBe('#1004');
    }
    expect(fake.seen.map((s) => s.body.variables.query)).toEqual(Array(3).fill('name:"#1004"'));
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
    expect(fake.seen).toEqual([]);
  });

  it('reduces a product query to plain words, dropping operators and search syntax', async () => {
    const cases: Array<[string, string]> = [
      ['Do you have wool sweaters?', 'status:active wool sweaters'],
      ['sweater") OR vendor:"x" title:*', 'status:active sweater vendor title'],
      ["wool OR (tag:secret) AND NOT -draft 'x'", 'status:active wool tag secret draft'],
      ['status:draft', 'status:active status draft'],
      ['ullgenser på lager?', 'status:active ullgenser lager'],
    ];
    fake.replies.push(...cases.map(() => ok({ products: { nodes: [productNode('x', 1)] } })));
    for (const [query] of cases) await store().searchProducts(query, 5);
    expect(fake.seen.map((s) => s.body.variables.query)).toEqual(cases.map(([, search]) => search));
    for (const s of fake.seen) {
      expect(s.body.variables).toMatchObject({ first: 5, sortKey: 'RELEVANCE', reverse: false });
      // The free text is a variable, never spliced into the GraphQL document.
      expect(s.body.query).not.toContain('sweater');
    }
  });

  it('widens to any word when no product has all of them', async () => {
    fake.replies.push(
      ok({ products: { nodes: [] } }),
      ok({ products: { nodes: [productNode('wool-scarf', 3)] } }),
    );
    const found = await store().searchProducts('wool sweater', 3);
    expect(found.map((p) => p.handle)).toEqual(['wool-scarf']);
    expect(fake.seen.map((s) => s.body.variables.query)).toEqual([
      'status:active wool sweater',
      'status:active (wool OR sweater)',
    ]);
  });

  it('lists the newest active products for an empty query, within the limit cap', async () => {
    fake.replies.push(ok({ products: { nodes: [] } }));
    expect(await store().searchProducts('  ', 500)).toEqual([]);
    expect(fake.seen[0].body.variables).toEqual({
      first: 50,
      query: 'status:active',
      sortKey: 'CREATED_AT',
      reverse: true,
    });
  });
});

describe('Shopify store: mapping', () => {
  it('maps an order, keeping only the exact name', async () => {
    fake.replies.push(orders('#10040', '#1004'));
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
    fake.replies.push(orders('#10040'), orders());
    expect(await store().findOrderByName('#1004')).toBeNull();
    expect(await store().findOrderByName('#1004')).toBeNull();
  });

  it('maps a guest order without fulfillments', async () => {
    fake.replies.push(
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
    fake.replies.push(
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
    fake.replies.push(ok(POLICIES));
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
    expect(fake.seen[0].body.query).toContain('shopPolicies { type title body }');
  });

  it('ranks policies for a query in English or Norwegian', async () => {
    const firstKind = async (query: string) => {
      fake.replies.push(ok(POLICIES));
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
