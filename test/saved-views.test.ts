// Saved views: a list's filters under a name, shared by every staff user of the shop, invisible to others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaffUser } from '../src/auth/staff-users.ts';
import { login, newShop, PASSWORD } from './helpers/factories.ts';
import { expectError, type Json, requestJson } from './helpers/http.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

type Method = Parameters<typeof requestJson>[2];

describe('saved views', () => {
  let t: TestApp;
  let owner: string;
  let agent: string;
  let other: string;

  const api = (method: Method, url: string, payload?: unknown, cookie = owner) =>
    requestJson(t.app, cookie, method, url, payload);
  const names = async (kind: string, cookie = owner) =>
    (await api('GET', `/api/views?kind=${kind}`, undefined, cookie)).body.items.map((v: Json) => v.name);
  const create = (payload: unknown, cookie = owner) => api('POST', '/api/views', payload, cookie);

  beforeAll(async () => {
    t = await createTestApp();
    const a = await newShop(t.db, 'Shop A');
    const b = await newShop(t.db, 'Shop B');
    owner = await login(t.app, a.email);
    other = await login(t.app, b.email);
    await createStaffUser(t.db, {
      shopId: a.shop.id,
      email: 'agent@a.example',
      password: PASSWORD,
      name: 'Agnes',
    });
    agent = await login(t.app, 'agent@a.example');
  });
  afterAll(() => t?.close());

  it('saves a list’s filters, shared with every staff user of the shop', async () => {
    const res = await create({
      kind: 'conversations',
      name: '  Open   gmail  ',
      filters: { status: 'unresolved', channel: 'gmail', hasDrafts: 'false', q: '', expiresWithinDays: '7' },
    });
    expect(res.status, res.res.body).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      kind: 'conversations',
      name: 'Open gmail',
      // Empty values and "no" switches are not filters.
      filters: { status: 'unresolved', channel: 'gmail', expiresWithinDays: 7 },
      createdBy: { name: 'Owner' },
      createdAt: expect.any(String),
    });
    const tickets = await create(
      {
        kind: 'tickets',
        name: 'Urgent shipping',
        filters: { priority: 'urgent', category: 'Shipping', sort: 'priority' },
      },
      agent,
    );
    expect(tickets.body).toMatchObject({
      kind: 'tickets',
      filters: { priority: 'urgent', category: 'Shipping', sort: 'priority' },
      createdBy: { name: 'Agnes' },
    });
    // The same name on the other list is fine.
    expect((await create({ kind: 'tickets', name: 'Open gmail', filters: {} })).status).toBe(201);

    expect(await names('conversations', agent)).toEqual(['Open gmail']);
    expect(await names('tickets')).toEqual(['Open gmail', 'Urgent shipping']);
    const listed = (await api('GET', '/api/views?kind=conversations', undefined, agent)).body.items[0];
    expect(listed).toEqual(res.body);
  });

  it('refuses a duplicate name in the same list, whatever its case, with 409 conflict', async () => {
    await create({ kind: 'conversations', name: 'Drafts', filters: { hasDrafts: 'true' } });
    for (const name of ['Drafts', 'drafts', ' DRAFTS ']) {
      expectError((await create({ kind: 'conversations', name, filters: {} }, agent)).res, 409, 'conflict');
    }
    expect((await names('conversations')).filter((n: string) => n.toLowerCase() === 'drafts')).toHaveLength(
      1,
    );
  });

  it('renames and deletes a view; another shop can neither see nor touch it (404)', async () => {
    const view = (await create({ kind: 'tickets', name: 'Waiting', filters: { status: 'waiting' } })).body;
    expect(await names('tickets', other)).toEqual([]);
    expectError((await api('DELETE', `/api/views/${view.id}`, undefined, other)).res, 404, 'not_found');
    expectError((await api('PATCH', `/api/views/${view.id}`, { name: 'Mine' }, other)).res, 404, 'not_found');
    expect(await names('tickets')).toContain('Waiting');

    const renamed = await api('PATCH', `/api/views/${view.id}`, { name: 'Waiting on customer' }, agent);
    expect(renamed.body).toMatchObject({
      id: view.id,
      name: 'Waiting on customer',
      filters: { status: 'waiting' },
    });
    expectError(
      (await api('PATCH', `/api/views/${view.id}`, { name: 'urgent SHIPPING' })).res,
      409,
      'conflict',
    );

    expect((await api('DELETE', `/api/views/${view.id}`, undefined, agent)).status).toBe(204);
    expect(await names('tickets')).not.toContain('Waiting on customer');
    expectError((await api('DELETE', `/api/views/${view.id}`)).res, 404, 'not_found');
    expectError((await api('DELETE', '/api/views/not-a-uuid')).res, 404, 'not_found');
  });

  it('refuses bad input with 400 and stores nothing', async () => {
    const before = await names('conversations');
    for (const payload of [
      {},
      { kind: 'orders', name: 'X', filters: {} },
      { kind: 'conversations', name: '', filters: {} },
      { kind: 'conversations', name: '   ', filters: {} },
      { kind: 'conversations', name: 'x'.repeat(81), filters: {} },
      { kind: 'conversations', name: 'X' },
      { kind: 'conversations', name: 'X', filters: { status: 'closed' } },
      { kind: 'conversations', name: 'X', filters: { cursor: 'abc' } },
      { kind: 'conversations', name: 'X', filters: { priority: 'urgent' } },
      { kind: 'conversations', name: 'X', filters: { expiresWithinDays: 0 } },
      { kind: 'tickets', name: 'X', filters: { limit: 10 } },
      { kind: 'tickets', name: 'X', filters: { sort: 'random' } },
      { kind: 'tickets', name: 'X', filters: { channel: 'gmail' } },
      { kind: 'tickets', name: 'X', filters: {}, extra: true },
    ]) {
      expectError((await create(payload)).res, 400, 'invalid_request');
    }
    expect(await names('conversations')).toEqual(before);
    for (const query of ['', '?kind=orders', '?kind=tickets&x=1']) {
      expectError((await api('GET', `/api/views${query}`)).res, 400, 'invalid_request');
    }
    expectError((await api('GET', '/api/views?kind=tickets', undefined, '')).res, 401, 'unauthenticated');
  });

  it('holds at most 50 views per list', async () => {
    const existing = (await names('conversations', other)).length;
    for (let i = existing; i < 50; i++) {
      expect((await create({ kind: 'conversations', name: `View ${i}`, filters: {} }, other)).status).toBe(
        201,
      );
    }
    expectError(
      (await create({ kind: 'conversations', name: 'One too many', filters: {} }, other)).res,
      400,
      'too_many_views',
    );
    expect((await create({ kind: 'tickets', name: 'Other list', filters: {} }, other)).status).toBe(201);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/views',
        '/api/views/{id}',
        '/api/conversations/bulk',
        '/api/tickets/bulk',
      ]),
    );
  });
});
