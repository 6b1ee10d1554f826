import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, staffSessions, staffUsers } from '../src/db/schema/index.ts';
import { login, newConversation, newShop, PASSWORD } from './helpers/factories.ts';
import { expectError, SESSION_COOKIE, sessionCookieFrom } from './helpers/http.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

const NEW_PASSWORD = 'purple elephant staple';

describe('staff authentication', () => {
  let t: TestApp;
  let ownerEmail: string;
  let conversationId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const { shop, email } = await newShop(t.db);
    ownerEmail = email;
    conversationId = (await newConversation(t.db, shop.id, {})).id;
  });
  afterAll(() => t.close());

  const signIn = (email: string, password: string, cookie?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
      headers: cookie ? { cookie } : {},
    });
  const me = (cookie: string) => t.app.inject({ url: '/api/me', headers: { cookie } });
  const freshUser = async () => (await newShop(t.db)).email;

  it('answers 401 unauthenticated without a session on every admin route', async () => {
    const id = conversationId;
    const routes: Array<[string, string, object?]> = [
      ['GET', '/api/me'],
      ['POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }],
      ['GET', '/api/conversations'],
      ['GET', '/api/conversations?status=resolved&q=x'],
      ['GET', `/api/conversations/${id}`],
      ['PATCH', `/api/conversations/${id}`, { status: 'resolved' }],
      ['PUT', `/api/conversations/${id}/draft`, { body: 'x' }],
      ['POST', `/api/conversations/${id}/draft/send`, {}],
      ['DELETE', `/api/conversations/${id}/draft`],
      ['GET', '/api/conversations/export?format=ndjson'],
      ['GET', '/api/tickets'],
      ['GET', '/api/tickets/1'],
      ['POST', '/api/tickets/1/replies', { body: 'x' }],
      ['PATCH', '/api/tickets/1', { status: 'open' }],
      ['DELETE', '/api/tickets/1'],
      ['GET', '/api/settings/notifications'],
      ['PUT', '/api/settings/notifications', {}],
      ['GET', '/api/settings/ratings'],
      ['PUT', '/api/settings/ratings', {}],
      ['GET', '/api/settings/billing'],
      ['PUT', '/api/settings/billing', {}],
      ['GET', '/api/settings/channels'],
      ['PUT', '/api/settings/channels', {}],
      ['GET', '/api/settings/ai'],
      ['PUT', '/api/settings/ai', {}],
      ['GET', '/api/events'],
    ];
    for (const [method, url, payload] of routes) {
      for (const headers of [
        {},
        { cookie: `${SESSION_COOKIE}=forged-token` },
        { authorization: 'Bearer x' },
      ]) {
        const res = await t.app.inject({
          method: method as 'GET',
          url,
          headers,
          ...(payload ? { payload } : {}),
        });
        expect({ method, url, headers, status: res.statusCode, body: res.json() }).toEqual({
          method,
          url,
          headers,
          status: 401,
          body: { error: { code: 'unauthenticated', message: expect.any(String) } },
        });
      }
    }
    // The refused PATCH and password change changed nothing.
    const [row] = await t.db.select().from(conversations).where(eq(conversations.id, conversationId));
    expect(row.status).toBe('unresolved');
    expect((await signIn(ownerEmail, PASSWORD)).statusCode).toBe(200);
  });

  it('requires a session however the path is spelled', async () => {
    // The router decodes percent-escapes, so these reach the same handlers as /api/...
    for (const [method, url] of [
      ['GET', '/%61pi/conversations'],
      ['GET', `/%61pi/conversations/${conversationId}`],
      ['GET', '/%61pi/me'],
      ['PATCH', `/%61pi/conversations/${conversationId}`],
    ] as const) {
      const res = await t.app.inject({
        method,
        url,
        ...(method === 'PATCH' ? { payload: { status: 'resolved' } } : {}),
      });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 401 });
      expectError(res, 401, 'unauthenticated');
    }
  });

  it('signs in with a cookie that is HttpOnly, SameSite=Lax and Path=/', async () => {
    const email = await freshUser();
    const res = await signIn(email, PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    // 256-bit token, base64url.
    expect(cookie.value).toMatch(/^[\w-]{43,}$/);
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/;\s*HttpOnly/i);
    expect(header).toMatch(/;\s*SameSite=Lax/i);
    expect(header).toMatch(/;\s*Path=\/(;|$)/);
    // The answer is the signed-in user, as GET /api/me shows it.
    expect(res.json()).toEqual((await me(`${cookie.name}=${cookie.value}`)).json());
  });

  it('signs in with the email in any case and surrounding spaces', async () => {
    const email = await freshUser();
    expect((await signIn(`  ${email.toUpperCase()} `, PASSWORD)).statusCode).toBe(200);
  });

  it('answers GET /api/me with the user and their shop', async () => {
    const email = await freshUser();
    const cookie = await login(t.app, email);
    const res = await me(cookie);
    expect(res.statusCode).toBe(200);
    const [user] = await t.db.select().from(staffUsers).where(eq(staffUsers.email, email));
    expect(res.json()).toStrictEqual({
      user: { id: user.id, email, name: 'Owner', role: 'owner', locale: 'en' },
      shop: { id: user.shopId, name: 'Test shop' },
    });
    // Never the password hash.
    expect(res.body).not.toContain('scrypt');
  });

  it('sets the signed-in user’s own language with PATCH /api/me, and only theirs', async () => {
    const email = await freshUser();
    const other = await freshUser();
    const cookie = await login(t.app, email);
    const patch = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'PATCH', url: '/api/me', payload, headers: { cookie } });
    const res = await patch({ locale: 'nb' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user.locale).toBe('nb');
    expect((await me(cookie)).json().user.locale).toBe('nb');
    // Another staff user (of another shop, or of the same one) keeps theirs.
    expect((await me(await login(t.app, other))).json().user.locale).toBe('en');
    // Unknown languages, other fields and no body change nothing.
    for (const bad of [{ locale: 'de' }, { locale: 'nb', role: 'owner' }, {}, { locale: 42 }]) {
      expectError(await patch(bad), 400, 'invalid_request');
    }
    expect((await me(cookie)).json().user).toMatchObject({ locale: 'nb', role: 'owner' });
    expect((await patch({ locale: 'en' })).json().user.locale).toBe('en');
    // Signed out: 401.
    const anonymous = await t.app.inject({ method: 'PATCH', url: '/api/me', payload: { locale: 'nb' } });
    expect(anonymous.statusCode).toBe(401);
  });

  it('ends the session on logout', async () => {
    const cookie = await login(t.app, await freshUser());
    expect((await me(cookie)).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    // The browser is told to drop the cookie.
    expect(out.cookies.find((c) => c.name === SESSION_COOKIE)?.value).toBe('');
    expectError(await me(cookie), 401, 'unauthenticated');
  });

  it('ends a session that has expired', async () => {
    const email = await freshUser();
    const cookie = await login(t.app, email);
    const [user] = await t.db.select().from(staffUsers).where(eq(staffUsers.email, email));
    await t.db
      .update(staffSessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(staffSessions.staffUserId, user.id));
    expectError(await me(cookie), 401, 'unauthenticated');
  });

  it('gives a new session at sign-in and ends one presented before (session fixation)', async () => {
    const email = await freshUser();
    const planted = await login(t.app, email);
    const res = await signIn(email, PASSWORD, planted);
    expect(res.statusCode).toBe(200);
    const fresh = sessionCookieFrom(res)!;
    expect(fresh).not.toBeNull();
    expect(fresh).not.toBe(planted);
    expectError(await me(planted), 401, 'unauthenticated');
    expect((await me(fresh)).statusCode).toBe(200);
    // A made-up cookie value is never adopted either.
    const madeUp = `${SESSION_COOKIE}=attacker-chosen-value-0123456789abcdefghijkl`;
    const res2 = await signIn(email, PASSWORD, madeUp);
    expect(sessionCookieFrom(res2)).not.toBe(madeUp);
    expectError(await me(madeUp), 401, 'unauthenticated');
  });

  it('changes the password: other sessions end, the caller gets a fresh working cookie', async () => {
    const email = await freshUser();
    const caller = await login(t.app, email);
    const otherDevice = await login(t.app, email);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: caller },
      payload: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(res.statusCode).toBeLessThan(300);
    const fresh = sessionCookieFrom(res)!;
    expect(fresh).not.toBeNull();
    expect(fresh).not.toBe(caller);
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
    });
    expectError(await me(otherDevice), 401, 'unauthenticated');
    expectError(await me(caller), 401, 'unauthenticated');
    expect((await me(fresh)).statusCode).toBe(200);
    expectError(await signIn(email, PASSWORD), 401, 'invalid_credentials');
    expect((await signIn(email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a password change with the wrong current password, and keeps every session', async () => {
    const email = await freshUser();
    const caller = await login(t.app, email);
    const other = await login(t.app, email);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: caller },
      payload: { currentPassword: 'not it at all', newPassword: NEW_PASSWORD },
    });
    expect([401, 403]).toContain(res.statusCode);
    expect(res.json().error.code).toBe('invalid_credentials');
    expect((await me(caller)).statusCode).toBe(200);
    expect((await me(other)).statusCode).toBe(200);
    expect((await signIn(email, PASSWORD)).statusCode).toBe(200);
  });

  it('refuses a too-short new password', async () => {
    const email = await freshUser();
    const caller = await login(t.app, email);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: caller },
      payload: { currentPassword: PASSWORD, newPassword: 'short' },
    });
    expectError(res, 400, 'invalid_request');
    expect((await signIn(email, PASSWORD)).statusCode).toBe(200);
  });

  it('serves the OpenAPI document, which needs no session, describing the admin and widget APIs', async () => {
    const res = await t.app.inject({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/conversations',
        '/api/conversations/{id}',
        '/api/auth/login',
        '/api/me',
        '/widget/v1/conversations',
      ]),
    );
    const params = (
      doc.paths['/api/conversations'].get.parameters as Array<{ name: string; in: string }>
    ).map((p) => `${p.in}:${p.name}`);
    expect(params).toEqual(
      expect.arrayContaining([
        'query:status',
        'query:channel',
        'query:hasDrafts',
        'query:q',
        'query:limit',
        'query:cursor',
      ]),
    );
    expect(Object.keys(doc.paths['/api/conversations/{id}'])).toEqual(
      expect.arrayContaining(['get', 'patch']),
    );
    expect((await t.app.inject({ url: '/api/docs' })).statusCode).toBeLessThan(400);
  });

  it('answers 400 for a sign-in without email or password', async () => {
    for (const payload of [{}, { email: 'a@example.com' }, { password: 'x' }, { email: '', password: '' }]) {
      expectError(
        await t.app.inject({ method: 'POST', url: '/api/auth/login', payload }),
        400,
        'invalid_request',
      );
    }
  });
});
