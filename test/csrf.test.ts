import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, newConversation, newShop, PASSWORD } from './helpers/factories.ts';
import { expectError, getDetail, INJECT_HOST, patchConversation, SAME_ORIGIN } from './helpers/http.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

describe('cross-site request protection', () => {
  let t: TestApp;
  let cookie: string;
  let shopId: string;
  let email: string;

  beforeAll(async () => {
    t = await createTestApp();
    const owner = await newShop(t.db);
    shopId = owner.shop.id;
    email = owner.email;
    cookie = await login(t.app, email);
  });
  afterAll(() => t.close());

  it('sends the Host header the same-origin Origin is built from', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.raw.req.headers.host).toBe(INJECT_HOST);
  });

  it('refuses a PATCH from another origin and changes nothing', async () => {
    const c = await newConversation(t.db, shopId, {});
    for (const origin of ['https://evil.example', 'http://localhost:8080', 'https://localhost:80', 'null']) {
      const res = await patchConversation(t.app, cookie, c.id, { status: 'resolved' }, { origin });
      expect({ origin, status: res.statusCode }).toEqual({ origin, status: 403 });
      expectError(res, 403, 'csrf');
    }
    expect((await getDetail(t.app, cookie, c.id)).status).toBe('unresolved');
  });

  it('refuses a PATCH the browser marks cross-site, even with a matching Origin', async () => {
    const c = await newConversation(t.db, shopId, {});
    const res = await patchConversation(
      t.app,
      cookie,
      c.id,
      { status: 'resolved' },
      { 'sec-fetch-site': 'cross-site' },
    );
    expectError(res, 403, 'csrf');
    const both = await patchConversation(
      t.app,
      cookie,
      c.id,
      { status: 'resolved' },
      { 'sec-fetch-site': 'cross-site', origin: SAME_ORIGIN },
    );
    expectError(both, 403, 'csrf');
    expect((await getDetail(t.app, cookie, c.id)).status).toBe('unresolved');
  });

  it('allows a same-origin PATCH', async () => {
    const c = await newConversation(t.db, shopId, {});
    const res = await patchConversation(
      t.app,
      cookie,
      c.id,
      { status: 'resolved' },
      { origin: SAME_ORIGIN, 'sec-fetch-site': 'same-origin' },
    );
    expect(res.statusCode).toBe(200);
    expect((await getDetail(t.app, cookie, c.id)).status).toBe('resolved');
  });

  it('allows a PATCH without Origin or Fetch metadata (scripts, curl)', async () => {
    const c = await newConversation(t.db, shopId, {});
    const res = await patchConversation(t.app, cookie, c.id, { status: 'resolved' });
    expect(res.statusCode).toBe(200);
    expect((await getDetail(t.app, cookie, c.id)).status).toBe('resolved');
  });

  it('lets reads through the origin check, without opening them to other sites by CORS', async () => {
    const res = await t.app.inject({
      url: '/api/conversations',
      headers: { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    // Reads are not state-changing; the browser's CORS keeps the answer from the other site.
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses cross-site sign-in, sign-out and password change', async () => {
    const evil = { origin: 'https://evil.example' };
    expectError(
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: evil,
        payload: { email, password: PASSWORD },
      }),
      403,
      'csrf',
    );
    expectError(
      await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { ...evil, cookie } }),
      403,
      'csrf',
    );
    expectError(
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { ...evil, cookie },
        payload: { currentPassword: PASSWORD, newPassword: 'hijacked password 1' },
      }),
      403,
      'csrf',
    );
    // The session survived and the password is unchanged.
    expect((await t.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: PASSWORD } }))
        .statusCode,
    ).toBe(200);
  });
});
