import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../src/conversations/cursor.ts';
import { conversations } from '../src/db/schema/index.ts';
import { login, newConversation, newShop } from './helpers/factories.ts';
import { expectError } from './helpers/http.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

const b64 = (text: string) => Buffer.from(text).toString('base64url');

describe('bad input is refused with a machine-readable code', () => {
  let t: TestApp;
  let cookie: string;
  let conversationId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const { shop, email } = await newShop(t.db);
    cookie = await login(t.app, email);
    conversationId = (await newConversation(t.db, shop.id, { startedAt: new Date('2025-01-01T00:00:00Z') }))
      .id;
  });
  afterAll(() => t.close());

  const list = (query: string) =>
    t.app.inject({ method: 'GET', url: `/api/conversations?${query}`, headers: { cookie } });
  const patchRaw = (body: string | Buffer, contentType = 'application/json') =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/conversations/${conversationId}`,
      headers: { cookie, 'content-type': contentType },
      body,
    });
  const stored = async () =>
    (await t.db.select().from(conversations).where(eq(conversations.id, conversationId)))[0];

  it('refuses list queries that are not in the contract', async () => {
    const bad = [
      'status=bogus',
      'status=Resolved',
      'channel=fax',
      'hasDrafts=yes',
      'limit=1000',
      'limit=101',
      'limit=0',
      'limit=-5',
      'limit=abc',
      'limit=2.5',
      'limit=',
      'unknown=1',
      'sort=oldest',
      'status=resolved&status=unresolved',
      `q=${'x'.repeat(201)}`,
    ];
    for (const query of bad) {
      const res = await list(query);
      expect({ query, status: res.statusCode, code: res.json().error?.code }).toEqual({
        query,
        status: 400,
        code: 'invalid_request',
      });
      expectError(res, 400, 'invalid_request');
    }
  });

  it('accepts the limits at the edges of the range', async () => {
    expect((await list('limit=1')).statusCode).toBe(200);
    expect((await list('limit=100')).statusCode).toBe(200);
  });

  it('refuses a forged or garbled cursor with invalid_cursor', async () => {
    const bad = [
      'garbage',
      'not a cursor!!',
      b64('{"t":"2025-01-01T00:00:00.000Z"}'),
      b64('{"t":"2025-01-01T00:00:00.000Z","id":"not-a-uuid"}'),
      b64('{"t":"2025-01-01T00:00:00.000Z","id":"1\' or \'1\'=\'1"}'),
      b64('{"t":"yesterday","id":"8d1e3c1e-4d5a-4b6c-8d7e-0f1a2b3c4d5e"}'),
      b64('{"t":12345,"id":"8d1e3c1e-4d5a-4b6c-8d7e-0f1a2b3c4d5e"}'),
      b64('null'),
      b64('[]'),
      b64('"string"'),
      // A well-formed timestamp that PostgreSQL cannot store (there is no year 0).
      b64('{"t":"0000-01-01T00:00:00.000Z","id":"8d1e3c1e-4d5a-4b6c-8d7e-0f1a2b3c4d5e"}'),
    ];
    for (const cursor of bad) {
      const res = await list(`cursor=${encodeURIComponent(cursor)}`);
      expect({ cursor, status: res.statusCode, code: res.json().error?.code }).toEqual({
        cursor,
        status: 400,
        code: 'invalid_cursor',
      });
      expectError(res, 400, 'invalid_cursor');
    }
    // A well-formed cursor is accepted.
    const ok = encodeCursor({ startedAt: new Date('2030-01-01T00:00:00Z'), id: conversationId });
    const res = await list(`cursor=${ok}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([conversationId]);
  });

  it('refuses a malformed JSON body with invalid_json and changes nothing', async () => {
    for (const body of ['{"status":', '{status: "resolved"}', "{'status':'resolved'}", 'resolved']) {
      expectError(await patchRaw(body), 400, 'invalid_json');
    }
    expectError(await patchRaw(''), 400, 'invalid_json');
    expect((await stored()).status).toBe('unresolved');
  });

  it('refuses PATCH bodies with extra, missing or wrongly typed fields and changes nothing', async () => {
    const before = await stored();
    const bodies = [
      { status: 'resolved', hasDraft: true },
      { status: 'resolved', shopId: '8d1e3c1e-4d5a-4b6c-8d7e-0f1a2b3c4d5e' },
      { status: 'resolved', preview: 'rewritten' },
      {},
      { status: null },
      { status: ['resolved'] },
      { status: 'closed' },
      { status: 'RESOLVED' },
    ];
    for (const body of bodies) {
      const res = await patchRaw(JSON.stringify(body));
      expect({ body, status: res.statusCode }).toEqual({ body, status: 400 });
      expectError(res, 400, 'invalid_request');
    }
    for (const raw of ['null', '[]', '"resolved"', '42']) {
      expectError(await patchRaw(raw), 400, 'invalid_request');
    }
    const after = await stored();
    expect(after).toEqual(before);
  });

  it('refuses a body over 1 MiB with 413 payload_too_large', async () => {
    const body = JSON.stringify({ status: 'resolved', padding: 'x'.repeat(1024 * 1024) });
    expectError(await patchRaw(body), 413, 'payload_too_large');
    expect((await stored()).status).toBe('unresolved');
  });

  it('refuses a body that is not JSON', async () => {
    const res = await patchRaw('<status>resolved</status>', 'application/xml');
    expectError(res, 415, 'unsupported_media_type');
    const text = await patchRaw('status=resolved', 'application/x-www-form-urlencoded');
    expect(text.statusCode).toBeGreaterThanOrEqual(400);
    expect(text.statusCode).toBeLessThan(500);
    expect(text.json().error.code).toEqual(expect.any(String));
    expect((await stored()).status).toBe('unresolved');
  });

  it('answers text containing a NUL character with a client error or a result, never a server error', async () => {
    const answers = [
      ['search', await list(`q=${encodeURIComponent('refund\u0000')}`)],
      ['search NUL only', await list(`q=${encodeURIComponent('\u0000')}`)],
      [
        'sign-in email',
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: 'owner\u0000@example.com', password: 'whatever' },
        }),
      ],
    ] as const;
    const serverErrors = answers.filter(([, res]) => res.statusCode >= 500).map(([label]) => label);
    expect(serverErrors).toEqual([]);
    for (const [, res] of answers) {
      if (res.statusCode >= 400) expect(res.json().error.code).toEqual(expect.any(String));
    }
  });

  it('answers unknown routes with 404 not_found in the error shape', async () => {
    expectError(await t.app.inject({ url: '/api/nothing-here', headers: { cookie } }), 404, 'not_found');
    expectError(
      await t.app.inject({
        method: 'DELETE',
        url: `/api/conversations/${conversationId}`,
        headers: { cookie },
      }),
      404,
      'not_found',
    );
  });
});
