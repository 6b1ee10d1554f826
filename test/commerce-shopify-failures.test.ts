// The Shopify store against a loopback stand-in for the Admin GraphQL API: rate limits, backoff,
// failures, and which shop domains it will send the token to.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { commerceFor } from '../src/commerce/index.ts';
import { ShopifyApiError } from '../src/commerce/shopify-graphql.ts';
import { adminGraphqlUrl, createShopifyStore } from '../src/commerce/shopify-store.ts';
import type { Db } from '../src/db/client.ts';
import { fakeStore, orders, SHOP, startFakeShopify, TOKEN } from './helpers/commerce-shopify-server.ts';

const fake = startFakeShopify();
const store = (options: { maxRetries?: number } = {}) => fakeStore(fake, options);

describe('Shopify store: rate limits and failures', () => {
  it('waits as long as Retry-After says after HTTP 429, then succeeds', async () => {
    fake.replies.push(
      { status: 429, headers: { 'retry-after': '2.0' }, body: { errors: 'Throttled' } },
      orders('#1004'),
    );
    expect((await store().findOrderByName('#1004'))?.name).toBe('#1004');
    expect(fake.sleeps).toEqual([2000]);
    expect(fake.seen).toHaveLength(2);
  });

  it('waits for the leaky bucket to refill after a THROTTLED GraphQL error', async () => {
    fake.replies.push(
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
    expect(fake.sleeps).toEqual([1000]);
  });

  it('backs off exponentially on a THROTTLED error without cost data and on 429 without Retry-After', async () => {
    fake.replies.push(
      { body: { errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }] } },
      { status: 429 },
      orders('#1004'),
    );
    expect((await store().findOrderByName('#1004'))?.name).toBe('#1004');
    expect(fake.sleeps).toEqual([500, 1000]);
  });

  it('retries server errors', async () => {
    fake.replies.push({ status: 503 }, { status: 502, body: 'Bad gateway' }, orders('#1004'));
    expect((await store().findOrderByName('#1004'))?.name).toBe('#1004');
    expect(fake.sleeps).toEqual([500, 1000]);
    expect(fake.seen).toHaveLength(3);
  });

  it('gives up with a clear error after the retries', async () => {
    for (let i = 0; i < 6; i++) fake.replies.push({ status: 503 });
    const error = await store()
      .findOrderByName('#1004')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShopifyApiError);
    expect(error).toMatchObject({ code: 'retries_exhausted' });
    expect((error as Error).message).toMatch(/nordic-threads\.myshopify\.com.*6 attempts.*HTTP 503/);
    expect(fake.seen).toHaveLength(6);
    expect(fake.sleeps).toEqual([500, 1000, 2000, 4000, 8000]);
  });

  it('caps the wait a server asks for', async () => {
    fake.replies.push({ status: 429, headers: { 'retry-after': '3600' } }, orders('#1004'));
    await store().findOrderByName('#1004');
    expect(fake.sleeps).toEqual([30_000]);
  });

  it('fails at once on a rejected token, without the token in the error', async () => {
    for (const status of [401, 403]) {
      fake.seen = [];
      fake.replies.push({ status, body: { errors: '[API] Invalid API key or access token' } });
      const error = await store()
        .findOrderByName('#1004')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ShopifyApiError);
      expect(error).toMatchObject({ code: 'unauthorized', status });
      expect((error as Error).message).toContain(SHOP);
      expect((error as Error).message).not.toContain(TOKEN);
      expect(fake.seen).toHaveLength(1);
    }
    expect(fake.sleeps).toEqual([]);
  });

  it('fails at once on other GraphQL errors and client errors', async () => {
    fake.replies.push({ body: { errors: [{ message: 'Field "bogus" doesn\'t exist on type "Order"' }] } });
    await expect(store().findOrderByName('#1004')).rejects.toMatchObject({
      code: 'graphql_error',
      message: expect.stringContaining("doesn't exist"),
    });
    fake.replies.push({ status: 400, body: { errors: 'Bad request' } }, { body: 'not json' });
    await expect(store().searchPolicies('', 5)).rejects.toMatchObject({ code: 'http_error', status: 400 });
    await expect(store().searchPolicies('', 5)).rejects.toMatchObject({ code: 'bad_response' });
    expect(fake.seen).toHaveLength(3);
    expect(fake.sleeps).toEqual([]);
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
        fake.sleeps.push(ms);
      },
    });
    await expect(dead.searchPolicies('', 5)).rejects.toMatchObject({
      code: 'retries_exhausted',
      message: expect.stringContaining('network error'),
    });
    expect(fake.sleeps).toEqual([500, 1000]);
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
    fake.replies.push(orders('#1004'));
    const source = commerceFor({} as Db, {
      id: '00000000-0000-0000-0000-000000000000',
      settings: { shopify: { shopDomain: SHOP, accessToken: TOKEN, apiBaseUrl: fake.baseUrl } },
    });
    expect((await source.findOrderByName('1004'))?.customerName).toBe('Ingrid Johansen');
    expect(fake.seen[0].headers['x-shopify-access-token']).toBe(TOKEN);
  });
});
