import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, newConversation, newShop } from './helpers/factories.ts';
import { expectError } from './helpers/http.ts';
import {
  API_KEY,
  bearer,
  createShopifyTestApp,
  type FakeShopify,
  install,
  type ShopifyTestApp,
  sessionToken,
  startFakeShopify,
} from './helpers/shopify-app.ts';

const SHOP_A = 'token-shop-a.myshopify.com';
const SHOP_B = 'token-shop-b.myshopify.com';

describe('Shopify session tokens on the admin API', () => {
  let fake: FakeShopify;
  let t: ShopifyTestApp;
  let shopA: string;
  let shopB: string;
  let conversationA: string;
  let conversationB: string;

  const me = (token: string) => t.app.inject({ url: '/api/me', headers: bearer(token) });

  beforeAll(async () => {
    fake = await startFakeShopify();
    t = await createShopifyTestApp({ apiBaseUrl: fake.baseUrl });
    shopA = await install(t.app, t.db, SHOP_A);
    shopB = await install(t.app, t.db, SHOP_B);
    conversationA = (await newConversation(t.db, shopA, { customer: { email: 'a@example.com' } })).id;
    conversationB = (await newConversation(t.db, shopB, { customer: { email: 'b@example.com' } })).id;
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('acts as the installed shop’s owner', async () => {
    const res = await me(sessionToken(SHOP_A));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      shop: { id: shopA, name: 'token-shop-a' },
      user: { role: 'owner', name: 'Shopify admin' },
    });
    const list = await t.app.inject({ url: '/api/conversations', headers: bearer(sessionToken(SHOP_A)) });
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([conversationA]);
  });

  it.each([
    ['a token signed with another secret', () => sessionToken(SHOP_A, {}, 'wrong-secret')],
    ['an expired token', () => sessionToken(SHOP_A, { exp: Math.floor(Date.now() / 1000) - 60 })],
    ['a token not valid yet', () => sessionToken(SHOP_A, { nbf: Math.floor(Date.now() / 1000) + 120 })],
    ['a token without expiry', () => sessionToken(SHOP_A, { exp: undefined })],
    ['another app’s token', () => sessionToken(SHOP_A, { aud: `${API_KEY}-other` })],
    ['a token for a shop that never installed', () => sessionToken('unknown-shop.myshopify.com')],
    ['a token whose issuer is another shop', () => sessionToken(SHOP_A, { iss: `https://${SHOP_B}/admin` })],
    ['a token for a non-Shopify destination', () => sessionToken(SHOP_A, { dest: 'https://evil.example' })],
    ['an unsigned token', () => `${sessionToken(SHOP_A).split('.').slice(0, 2).join('.')}.`],
    ['garbage', () => 'not-a-jwt'],
  ])('refuses %s with 401', async (_what, make) => {
    expectError(await me(make()), 401, 'unauthenticated');
  });

  it('keeps each shop to its own data (another shop’s conversation is 404)', async () => {
    const tokenA = bearer(sessionToken(SHOP_A));
    const own = await t.app.inject({ url: `/api/conversations/${conversationA}`, headers: tokenA });
    expect(own.statusCode, own.body).toBe(200);
    const other = await t.app.inject({ url: `/api/conversations/${conversationB}`, headers: tokenA });
    expectError(other, 404, 'not_found');
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/conversations/${conversationB}`,
      headers: tokenA,
      payload: { status: 'resolved' },
    });
    expectError(patch, 404, 'not_found');
  });

  it('does not apply the cookie CSRF check to bearer requests, and ignores a cookie beside the token', async () => {
    const headers = {
      ...bearer(sessionToken(SHOP_A)),
      origin: 'https://admin.shopify.com',
      'sec-fetch-site': 'cross-site',
    };
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/conversations/${conversationA}`,
      headers,
      payload: { status: 'resolved' },
    });
    expect(res.statusCode, res.body).toBe(200);
    // A staff cookie of another shop next to shop A's token: the token decides.
    const other = await newShop(t.db, 'Standalone');
    const cookie = await login(t.app, other.email);
    const both = await me(sessionToken(SHOP_A));
    expect(both.json().shop.id).toBe(shopA);
    const withCookie = await t.app.inject({
      url: '/api/me',
      headers: { ...bearer(sessionToken(SHOP_A)), cookie },
    });
    expect(withCookie.json().shop.id).toBe(shopA);
    // And a bad token is not rescued by a good cookie.
    const bad = await t.app.inject({ url: '/api/me', headers: { ...bearer('not-a-jwt'), cookie } });
    expectError(bad, 401, 'unauthenticated');
    // Cookie sessions keep working on their own, with their CSRF check.
    expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).json().shop.id).toBe(other.shop.id);
    const crossSite = await t.app.inject({
      method: 'PATCH',
      url: `/api/conversations/${conversationA}`,
      headers: { cookie, 'sec-fetch-site': 'cross-site' },
      payload: { status: 'resolved' },
    });
    expectError(crossSite, 403, 'csrf');
  });

  it('never logs a session token', async () => {
    const token = sessionToken(SHOP_A, {}, 'wrong-secret');
    await me(token);
    expect(t.logs()).not.toContain(token.split('.')[2]);
  });
});

describe('the admin page inside Shopify', () => {
  let t: ShopifyTestApp;
  beforeAll(async () => {
    t = await createShopifyTestApp();
  });
  afterAll(() => t?.close());

  const host = Buffer.from('admin.shopify.com/store/token-shop-a').toString('base64');

  it('loads App Bridge and may be framed by that shop’s admin when opened with shop and host', async () => {
    const res = await t.app.inject({ url: '/tickets', query: { shop: SHOP_A, host, embedded: '1' } });
    expect(res.statusCode).toBe(200);
    const head = res.body.slice(res.body.indexOf('<head>'), res.body.indexOf('</head>'));
    expect(head).toContain(`<meta name="shopify-api-key" content="${API_KEY}" />`);
    // First script of the page, as App Bridge requires.
    expect(head.indexOf('https://cdn.shopify.com/shopifycloud/app-bridge.js')).toBeLessThan(
      head.indexOf('<script type="module"'),
    );
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain(`frame-ancestors https://${SHOP_A} https://admin.shopify.com`);
    expect(csp).toContain("script-src 'self' https://cdn.shopify.com");
  });

  it('serves the plain page otherwise (no remote script), also for a forged shop or host', async () => {
    const queries: Array<Record<string, string>> = [
      {},
      { shop: 'evil.example', host },
      { shop: SHOP_A, host: 'bm90LXNob3BpZnkuY29t' },
    ];
    for (const query of queries) {
      const res = await t.app.inject({ url: '/', query });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('<div id="root">');
      expect(res.body).not.toContain('cdn.shopify.com');
      expect(res.headers['content-security-policy']).toContain("script-src 'self';");
    }
  });
});
