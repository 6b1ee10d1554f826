import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { shopifyInstalls, shopifyOauthStates, shops, staffUsers } from '../src/db/schema/index.ts';
import { decryptSecret, encryptSecret, tokenContext } from '../src/shopify/token-crypto.ts';
import { expectError } from './helpers/http.ts';
import {
  ACCESS_TOKEN,
  API_KEY,
  API_SECRET,
  APP_URL,
  beginInstall,
  callback,
  createShopifyTestApp,
  ENCRYPTION_KEY,
  type FakeShopify,
  type ShopifyTestApp,
  signQuery,
  startFakeShopify,
} from './helpers/shopify-app.ts';

const SHOP = 'nordic-threads.myshopify.com';

describe('Shopify OAuth install', () => {
  let fake: FakeShopify;
  let t: ShopifyTestApp;

  beforeAll(async () => {
    fake = await startFakeShopify();
    t = await createShopifyTestApp({ apiBaseUrl: fake.baseUrl });
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });
  beforeEach(() => {
    fake.seen = [];
  });

  const installRow = async (shop = SHOP) => {
    const [row] = await t.db
      .select({
        shopId: shops.id,
        status: shopifyInstalls.status,
        token: shopifyInstalls.accessTokenEncrypted,
      })
      .from(shops)
      .innerJoin(shopifyInstalls, eq(shopifyInstalls.shopId, shops.id))
      .where(eq(shops.shopifyDomain, shop));
    return row;
  };

  it('redirects to Shopify’s authorize page with a state bound to the shop', async () => {
    const { location, state } = await beginInstall(t.app, SHOP);
    expect(location.origin + location.pathname).toBe(`https://${SHOP}/admin/oauth/authorize`);
    expect(Object.fromEntries(location.searchParams)).toEqual({
      client_id: API_KEY,
      scope: 'read_orders,read_products',
      redirect_uri: `${APP_URL}/shopify/auth/callback`,
      state,
    });
    const [row] = await t.db.select().from(shopifyOauthStates).where(eq(shopifyOauthStates.shopDomain, SHOP));
    expect(row.stateHash).not.toBe(state);
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(fake.seen).toEqual([]);
  });

  it('installs: exchanges the code for the offline token, stores it encrypted, lands in the embedded admin', async () => {
    const { state, cookie } = await beginInstall(t.app, SHOP);
    const host = Buffer.from('admin.shopify.com/store/nordic-threads').toString('base64');
    const res = await callback(t.app, { shop: SHOP, state, host }, { cookie });
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe(`https://admin.shopify.com/store/nordic-threads/apps/${API_KEY}`);

    expect(fake.seen).toHaveLength(1);
    expect(fake.seen[0]).toMatchObject({ method: 'POST', url: '/admin/oauth/access_token' });
    expect(JSON.parse(fake.seen[0].body)).toEqual({
      client_id: API_KEY,
      client_secret: API_SECRET,
      code: 'auth-code-1',
    });

    const row = await installRow();
    expect(row.status).toBe('installed');
    expect(row.token).not.toContain(ACCESS_TOKEN);
    expect(row.token).toMatch(/^v1\./);
    expect(decryptSecret(ENCRYPTION_KEY, row.token as string, tokenContext(row.shopId))).toBe(ACCESS_TOKEN);
    // Bound to its shop: the same ciphertext does not decrypt as another shop's.
    expect(() =>
      decryptSecret(
        ENCRYPTION_KEY,
        row.token as string,
        tokenContext('00000000-0000-0000-0000-000000000000'),
      ),
    ).toThrow();
    const owners = await t.db.select().from(staffUsers).where(eq(staffUsers.shopId, row.shopId));
    expect(owners).toEqual([expect.objectContaining({ role: 'owner', name: 'Shopify admin' })]);
    // Nothing secret in the response or the logs.
    expect(res.body).not.toContain(ACCESS_TOKEN);
    expect(t.logs()).not.toContain(ACCESS_TOKEN);
    expect(t.logs()).not.toContain(API_SECRET);
    expect(t.logs()).toContain('Shopify app installed');
  });

  it('a reinstall finds the same shop and replaces the token; without host it lands in our admin', async () => {
    const before = await installRow();
    fake.token.body = { access_token: 'shpat_second_token', scope: 'read_orders' };
    const { state, cookie } = await beginInstall(t.app, SHOP);
    const res = await callback(t.app, { shop: SHOP, state }, { cookie });
    fake.token.body = { access_token: ACCESS_TOKEN, scope: 'read_orders,read_products' };
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe(`${APP_URL}/`);
    const after = await installRow();
    expect(after.shopId).toBe(before.shopId);
    expect(after.token).not.toBe(before.token);
    expect(decryptSecret(ENCRYPTION_KEY, after.token as string, tokenContext(after.shopId))).toBe(
      'shpat_second_token',
    );
    expect(await t.db.select().from(shops).where(eq(shops.shopifyDomain, SHOP))).toHaveLength(1);
  });

  it.each([
    ['a foreign domain', 'evil.com'],
    ['a query smuggling the suffix', 'evil.com?x=.myshopify.com'],
    ['a suffix used as a subdomain', 'nordic-threads.myshopify.com.evil.com'],
    ['a path', 'nordic-threads.myshopify.com/../evil'],
    ['credentials', 'user@nordic-threads.myshopify.com'],
    ['a loopback address', '127.0.0.1'],
    ['another Shopify domain', 'nordic-threads.shop.dev'],
    ['nothing', ''],
  ])('refuses %s as the shop to install, with nothing stored', async (_what, shop) => {
    const res = await t.app.inject({ method: 'GET', url: '/shopify/auth', query: { shop } });
    expectError(res, 400, 'invalid_shop');
    expect(
      await t.db.select().from(shopifyOauthStates).where(eq(shopifyOauthStates.shopDomain, shop)),
    ).toEqual([]);
  });

  it.each([
    ['evil.com'],
    ['evil.com?x=.myshopify.com'],
    ['nordic-threads.myshopify.com.evil.com'],
    ['169.254.169.254'],
  ])('a correctly signed callback for shop %s is refused without any outbound call (SSRF)', async (shop) => {
    const { state, cookie } = await beginInstall(t.app, SHOP);
    const res = await callback(t.app, { shop, state }, { cookie });
    expectError(res, 400, 'invalid_shop');
    expect(fake.seen).toEqual([]);
  });

  it('refuses a callback whose shop was changed after signing', async () => {
    const { state, cookie } = await beginInstall(t.app, SHOP);
    const query = {
      shop: SHOP,
      state,
      code: 'c',
      timestamp: String(Math.floor(Date.now() / 1000)),
    };
    const signed = signQuery(query);
    const res = await t.app.inject({
      method: 'GET',
      url: '/shopify/auth/callback',
      query: { ...query, shop: 'other-shop.myshopify.com', hmac: signed },
      cookies: { supportify_shopify_state: cookie },
    });
    expectError(res, 401, 'invalid_hmac');
    expect(fake.seen).toEqual([]);
  });

  it('refuses a state issued for another shop (and uses it up)', async () => {
    const { state, cookie } = await beginInstall(t.app, SHOP);
    const res = await callback(t.app, { shop: 'other-shop.myshopify.com', state }, { cookie });
    expectError(res, 400, 'invalid_state');
    // Used up: not even the right shop can complete with it now.
    expectError(await callback(t.app, { shop: SHOP, state }, { cookie }), 400, 'invalid_state');
    expect(fake.seen).toEqual([]);
  });

  it('refuses a tampered, unknown, expired or reused state', async () => {
    const { state } = await beginInstall(t.app, SHOP);
    const tampered = `${state.slice(0, -2)}xx`;
    expectError(
      await callback(t.app, { shop: SHOP, state: tampered }, { cookie: tampered }),
      400,
      'invalid_state',
    );

    const expired = await beginInstall(t.app, SHOP);
    await t.db.update(shopifyOauthStates).set({ expiresAt: sql`now() - interval '1 second'` });
    expectError(
      await callback(t.app, { shop: SHOP, state: expired.state }, { cookie: expired.cookie }),
      400,
      'invalid_state',
    );

    const fresh = await beginInstall(t.app, SHOP);
    expect(
      (await callback(t.app, { shop: SHOP, state: fresh.state }, { cookie: fresh.cookie })).statusCode,
    ).toBe(302);
    fake.seen = [];
    const replay = await callback(t.app, { shop: SHOP, state: fresh.state }, { cookie: fresh.cookie });
    expectError(replay, 400, 'invalid_state');
    expect(fake.seen).toEqual([]);
  });

  it('refuses a state without the browser’s state cookie', async () => {
    const { state } = await beginInstall(t.app, SHOP);
    expectError(await callback(t.app, { shop: SHOP, state }, { cookie: null }), 400, 'invalid_state');
    const other = await beginInstall(t.app, SHOP);
    expectError(
      await callback(t.app, { shop: SHOP, state: other.state }, { cookie: state }),
      400,
      'invalid_state',
    );
    expect(fake.seen).toEqual([]);
  });

  it('refuses a tampered, missing or stale HMAC', async () => {
    const { state, cookie } = await beginInstall(t.app, SHOP);
    const good = { shop: SHOP, state };
    expectError(await callback(t.app, { ...good, hmac: '0'.repeat(64) }, { cookie }), 401, 'invalid_hmac');
    expectError(await callback(t.app, good, { cookie, secret: 'not-the-secret' }), 401, 'invalid_hmac');
    const stale = String(Math.floor(Date.now() / 1000) - 3600);
    expectError(await callback(t.app, { ...good, timestamp: stale }, { cookie }), 401, 'invalid_hmac');
    const missing = await t.app.inject({
      method: 'GET',
      url: '/shopify/auth/callback',
      query: { shop: SHOP, state, code: 'c', timestamp: String(Math.floor(Date.now() / 1000)) },
      cookies: { supportify_shopify_state: cookie },
    });
    expectError(missing, 400, 'invalid_request');
    expect(fake.seen).toEqual([]);
    // The state was never consumed by a forged callback: the real one still completes.
    expect((await callback(t.app, good, { cookie })).statusCode).toBe(302);
  });

  it('a refused token exchange stores nothing and says so', async () => {
    const shop = 'refused-shop.myshopify.com';
    fake.token.status = 400;
    const { state, cookie } = await beginInstall(t.app, shop);
    const res = await callback(t.app, { shop, state }, { cookie });
    fake.token.status = 200;
    expectError(res, 502, 'shopify_unavailable');
    expect(await t.db.select().from(shops).where(eq(shops.shopifyDomain, shop))).toEqual([]);
  });
});

describe('Shopify OAuth install: configuration', () => {
  it('answers 503 shopify_not_configured when the app is not configured', async () => {
    const t = await createShopifyTestApp({ shopify: false });
    try {
      const begin = await t.app.inject({ method: 'GET', url: '/shopify/auth', query: { shop: SHOP } });
      expectError(begin, 503, 'shopify_not_configured');
      expectError(await callback(t.app, { shop: SHOP, state: 'x' }), 503, 'shopify_not_configured');
    } finally {
      await t.close();
    }
  });

  it('answers 503 encryption_key_missing before sending the merchant to Shopify', async () => {
    const fake = await startFakeShopify();
    const t = await createShopifyTestApp({ apiBaseUrl: fake.baseUrl, encryptionKey: null });
    try {
      const begin = await t.app.inject({ method: 'GET', url: '/shopify/auth', query: { shop: SHOP } });
      expectError(begin, 503, 'encryption_key_missing');
      expect(begin.json().error.message).toContain('SUPPORTIFY_ENCRYPTION_KEY');
      expectError(await callback(t.app, { shop: SHOP, state: 'x' }), 503, 'encryption_key_missing');
      expect(fake.seen).toEqual([]);
    } finally {
      await t.close();
      await fake.close();
    }
  });
});

describe('token encryption', () => {
  it('uses a random IV per value and detects any change', () => {
    const a = encryptSecret(ENCRYPTION_KEY, 'secret', 'ctx');
    const b = encryptSecret(ENCRYPTION_KEY, 'secret', 'ctx');
    expect(a).not.toBe(b);
    expect(decryptSecret(ENCRYPTION_KEY, a, 'ctx')).toBe('secret');
    const [v, iv, tag, ct] = a.split('.');
    const flipped = Buffer.from(ct, 'base64url');
    flipped[0] ^= 1;
    expect(() =>
      decryptSecret(ENCRYPTION_KEY, [v, iv, tag, flipped.toString('base64url')].join('.'), 'ctx'),
    ).toThrow();
    expect(() => decryptSecret(Buffer.alloc(32, 7), a, 'ctx')).toThrow();
  });
});
