// A stand-in for Shopify's Admin GraphQL endpoint on loopback, answering from a script of replies,
// plus fixtures shared by the Shopify store tests.
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createShopifyStore } from '../../src/commerce/shopify-store.ts';

export const TOKEN = 'shpat_test_secret_token_0123456789';
export const SHOP = 'nordic-threads.myshopify.com';

export type Seen = {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: { query: string; variables: Record<string, unknown> };
};
export type Reply = { status?: number; headers?: Record<string, string>; body?: unknown };

/** What the fake endpoint saw, what it still has to answer, and the backoff sleeps asked for. */
export type FakeShopify = { baseUrl: string; seen: Seen[]; replies: Reply[]; sleeps: number[] };

/**
 * Registers hooks that start the fake endpoint for the file, reset its script before each test and,
 * after each, check that every scripted reply was asked for (no request went missing).
 */
export function startFakeShopify(): FakeShopify {
  const fake: FakeShopify = { baseUrl: '', seen: [], replies: [], sleeps: [] };
  let server: Server;
  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => {
        raw += chunk;
      });
      req.on('end', () => {
        fake.seen.push({
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: JSON.parse(raw || '{}'),
        });
        const reply = fake.replies.shift() ?? {
          status: 500,
          body: { errors: [{ message: 'unexpected request' }] },
        };
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
        res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {}));
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    fake.seen = [];
    fake.replies = [];
    fake.sleeps = [];
  });
  afterEach(() => expect(fake.replies).toEqual([]));
  return fake;
}

/** A Shopify store talking to the fake endpoint, recording its sleeps instead of sleeping. */
export const fakeStore = (fake: FakeShopify, options: { maxRetries?: number } = {}) =>
  createShopifyStore({
    shopDomain: SHOP,
    accessToken: TOKEN,
    baseUrl: fake.baseUrl,
    sleep: async (ms) => {
      fake.sleeps.push(ms);
    },
    ...options,
  });

export const money = (amount: string, currencyCode = 'NOK') => ({ shopMoney: { amount, currencyCode } });

export const orderNode = (name: string) => ({
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

export const ok = (data: unknown): Reply => ({ body: { data } });
export const orders = (...names: string[]) => ok({ orders: { nodes: names.map(orderNode) } });

export function productNode(handle: string, totalInventory: number, extra: Record<string, unknown> = {}) {
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
