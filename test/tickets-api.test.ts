import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, newConversation, newShop } from './helpers/factories.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the assertions themselves.
type Json = Record<string, any>;

describe('tickets API', () => {
  let t: TestApp;
  let cookie: string;
  let shopId: string;
  const api = async (method: string, url: string, payload?: unknown, as = cookie) => {
    const res = await t.app.inject({
      method: method as 'GET',
      url,
      payload: payload as Json,
      headers: { cookie: as },
    });
    return { status: res.statusCode, body: (res.body ? res.json() : null) as Json };
  };
  const open = async (
    spec: { priority?: string; category?: string; customer?: { name?: string; email?: string } } = {},
  ) => {
    const c = await newConversation(t.db, shopId, {
      customer: spec.customer ?? { name: 'Kari Nordmann', email: 'kari@example.com' },
    });
    const res = await api('POST', '/api/tickets', {
      conversationId: c.id,
      category: spec.category ?? 'Shipping',
      priority: spec.priority ?? 'medium',
      summary: 'Parcel is late',
    });
    expect(res.status).toBe(201);
    return { conversationId: c.id, number: res.body.number as number };
  };

  beforeAll(async () => {
    t = await createTestApp();
    const a = await newShop(t.db, 'Shop A');
    shopId = a.shop.id;
    cookie = await login(t.app, a.email);
  });
  afterAll(() => t.close());

  it('creates a staff ticket once per conversation; a second request answers the open one', async () => {
    const { conversationId, number } = await open();
    const again = await api('POST', '/api/tickets', {
      conversationId,
      category: 'Billing',
      priority: 'high',
    });
    expect(again).toMatchObject({ status: 200, body: { number, created: false } });
    const detail = await api('GET', `/api/tickets/${number}`);
    expect(detail.body).toMatchObject({
      number,
      status: 'new',
      reason: 'staff_created',
      category: 'Shipping',
      priority: 'high',
      customer: { name: 'Kari Nordmann', email: 'kari@example.com' },
      conversationId,
      allowedStatuses: ['open', 'waiting'],
    });
    expect(detail.body.history.map((h: Json) => [h.field, h.from, h.to, h.actor.type])).toEqual([
      ['created', null, 'staff_created', 'staff'],
      ['trigger', null, 'staff_created', 'staff'],
      ['priority', 'medium', 'high', 'staff'],
    ]);
    expect(detail.body.thread.map((m: Json) => m.kind)).toEqual(['message', 'message', 'message']);
  });

  it('allows exactly the status moves of the spec and refuses the rest with 409, changing nothing', async () => {
    const allowed = new Set([
      'new>open',
      'new>waiting',
      'open>resolved',
      'open>waiting',
      'waiting>open',
      'resolved>open',
    ]);
    const pathTo: Record<string, string[]> = {
      new: [],
      open: ['open'],
      waiting: ['waiting'],
      resolved: ['open', 'resolved'],
    };
    const statuses = ['new', 'open', 'waiting', 'resolved'];
    for (const from of statuses) {
      for (const to of statuses.filter((s) => s !== from)) {
        const { number } = await open();
        for (const step of pathTo[from])
          expect((await api('PATCH', `/api/tickets/${number}`, { status: step })).status).toBe(200);
        const before = await api('GET', `/api/tickets/${number}`);
        expect(before.body.allowedStatuses.includes(to)).toBe(allowed.has(`${from}>${to}`));
        // Priority rides along: a refused move must not change it either.
        const res = await api('PATCH', `/api/tickets/${number}`, { status: to, priority: 'urgent' });
        if (allowed.has(`${from}>${to}`)) {
          expect([from, to, res.status, res.body.status, res.body.priority]).toEqual([
            from,
            to,
            200,
            to,
            'urgent',
          ]);
        } else {
          expect([from, to, res.status, res.body.error.code]).toEqual([from, to, 409, 'invalid_transition']);
          const after = await api('GET', `/api/tickets/${number}`);
          expect(after.body).toMatchObject({
            status: from,
            priority: 'medium',
            updatedAt: before.body.updatedAt,
          });
          expect(after.body.history).toHaveLength(before.body.history.length);
        }
      }
    }
  });

  it('replies into the widget chat, opens a New ticket, keeps notes internal, and records both', async () => {
    // No email left: the chat is the only way back to this customer.
    const { number, conversationId } = await open({ customer: { name: 'Anon' } });
    const reply = await api('POST', `/api/tickets/${number}/replies`, {
      body: 'Your parcel ships <b>today</b>.',
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      kind: 'reply',
      body: 'Your parcel ships <b>today</b>.',
      delivery: { chat: 'delivered', email: null },
    });
    const note = await api('POST', `/api/tickets/${number}/notes`, { body: 'Checked with the warehouse' });
    expect(note).toMatchObject({ status: 201, body: { kind: 'note', author: { name: 'Owner' } } });

    const detail = await api('GET', `/api/tickets/${number}`);
    expect(detail.body.status).toBe('open');
    const kinds = detail.body.thread.map((m: Json) => m.kind);
    expect(kinds.slice(-2)).toEqual(['reply', 'note']);
    // The chat message the reply became is shown once, as the reply.
    expect(detail.body.thread.filter((m: Json) => m.kind === 'message' && m.role === 'staff')).toEqual([]);
    expect(detail.body.history.map((h: Json) => h.field)).toEqual(['created', 'reply', 'status', 'note']);

    const conversation = await api('GET', `/api/conversations/${conversationId}`);
    const texts = conversation.body.messages.map((m: Json) => [m.role, m.parts[0]?.text]);
    expect(texts).toContainEqual(['staff', 'Your parcel ships <b>today</b>.']);
    expect(texts.some(([, text]: string[]) => text === 'Checked with the warehouse')).toBe(false);
  });

  it('changes priority and category (from the shop list, which staff can extend) and refuses unknown ones', async () => {
    const { number } = await open();
    expect((await api('PATCH', `/api/tickets/${number}`, { category: 'Gift cards' })).body.error.code).toBe(
      'invalid_category',
    );
    const added = await api('POST', '/api/tickets/categories', { name: 'Gift cards' });
    expect(added.status).toBe(201);
    expect(added.body.categories).toEqual([
      'Return request',
      'Order issue',
      'Shipping',
      'Product question',
      'Billing',
      'Other',
      'Gift cards',
    ]);
    expect((await api('POST', '/api/tickets/categories', { name: 'gift CARDS' })).body.error.code).toBe(
      'category_exists',
    );
    expect((await api('POST', '/api/tickets/categories', { name: '  ' })).body.error.code).toBe(
      'invalid_category',
    );
    const changed = await api('PATCH', `/api/tickets/${number}`, {
      category: 'gift cards',
      priority: 'urgent',
    });
    expect(changed.body).toMatchObject({ category: 'Gift cards', priority: 'urgent' });
    expect((await api('GET', '/api/tickets/categories')).body.categories).toContain('Gift cards');
  });

  it('deletes a ticket from every list and view; its conversation stays and its number is never reused', async () => {
    const { number, conversationId } = await open();
    expect((await api('DELETE', `/api/tickets/${number}`)).status).toBe(204);
    expect((await api('GET', `/api/tickets/${number}`)).status).toBe(404);
    expect((await api('DELETE', `/api/tickets/${number}`)).status).toBe(404);
    const list = await api('GET', '/api/tickets?limit=100');
    expect(list.body.items.map((i: Json) => i.number)).not.toContain(number);
    const conversation = await api('GET', `/api/conversations/${conversationId}`);
    expect(conversation.status).toBe(200);
    expect(conversation.body.tickets).toEqual([]);
    const next = await open();
    expect(next.number).toBeGreaterThan(number);
  });

  it('gives 50 concurrent creations in one shop 50 distinct numbers', async () => {
    const conversations = await Promise.all(Array.from({ length: 50 }, () => newConversation(t.db, shopId)));
    const results = await Promise.all(
      conversations.map((c) => api('POST', '/api/tickets', { conversationId: c.id, category: 'Other' })),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(new Set(results.map((r) => r.body.number)).size).toBe(50);
  });

  it('lists with filters, search, sorts, status counts and a cursor that walks every row once', async () => {
    const urgent = await open({
      priority: 'urgent',
      category: 'Billing',
      customer: { name: 'Ola Urgentsen', email: 'ola@example.com' },
    });
    const all = await api('GET', '/api/tickets?limit=100');
    expect(all.body.counts.all).toBe(all.body.items.length);
    expect(
      all.body.counts.new + all.body.counts.open + all.body.counts.waiting + all.body.counts.resolved,
    ).toBe(all.body.counts.all);
    const byPriority = await api('GET', '/api/tickets?sort=priority&limit=100');
    const ranks = byPriority.body.items.map((i: Json) =>
      ['low', 'medium', 'high', 'urgent'].indexOf(i.priority),
    );
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    const found = await api('GET', '/api/tickets?q=urgentsen');
    expect(found.body.items.map((i: Json) => i.number)).toEqual([urgent.number]);
    expect((await api('GET', `/api/tickets?q=%23${urgent.number}`)).body.items[0].number).toBe(urgent.number);
    const filtered = await api('GET', '/api/tickets?priority=urgent&category=billing&status=new');
    expect(filtered.body.items.every((i: Json) => i.priority === 'urgent' && i.category === 'Billing')).toBe(
      true,
    );
    expect(filtered.body.counts.new).toBeGreaterThanOrEqual(1);

    for (const sort of ['updated', 'created', 'priority']) {
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: Json } = await api(
          'GET',
          `/api/tickets?sort=${sort}&limit=7${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...page.body.items.map((i: Json) => i.number));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen.length).toBe(all.body.items.length);
      expect(new Set(seen).size).toBe(seen.length);
    }
    const mixed = await api('GET', `/api/tickets?sort=created&cursor=${byPriority.body.nextCursor ?? 'x'}`);
    expect(mixed).toMatchObject({ status: 400, body: { error: { code: 'invalid_cursor' } } });
  });

  it('answers bad input with 400 and a code, changing nothing', async () => {
    const { number } = await open();
    for (const [method, url, payload] of [
      ['GET', '/api/tickets?status=closed'],
      ['GET', '/api/tickets?limit=500'],
      ['GET', '/api/tickets?sort=random'],
      ['PATCH', `/api/tickets/${number}`, {}],
      ['PATCH', `/api/tickets/${number}`, { priority: 'critical' }],
      ['PATCH', `/api/tickets/${number}`, { status: 'open', extra: 1 }],
      ['POST', `/api/tickets/${number}/replies`, { body: '   ' }],
      ['POST', `/api/tickets/${number}/notes`, {}],
      ['POST', '/api/tickets', { conversationId: 'x'.repeat(101) }],
    ] as Array<[string, string, unknown]>) {
      const res = await api(method, url, payload);
      expect([method, url, res.status]).toEqual([method, url, 400]);
      expect(res.body.error.code).toBeTruthy();
    }
    const after = await api('GET', `/api/tickets/${number}`);
    expect(after.body).toMatchObject({ status: 'new', priority: 'medium' });
    expect(after.body.history).toHaveLength(1);
  });

  it("answers 404 for another shop's tickets on every route, and for numbers that are not numbers", async () => {
    const { number, conversationId } = await open();
    const b = await newShop(t.db, 'Shop B');
    const other = await login(t.app, b.email);
    const routes: Array<[string, string, unknown?]> = [
      ['GET', `/api/tickets/${number}`],
      ['PATCH', `/api/tickets/${number}`, { status: 'open' }],
      ['DELETE', `/api/tickets/${number}`],
      ['POST', `/api/tickets/${number}/replies`, { body: 'hi' }],
      ['POST', `/api/tickets/${number}/notes`, { body: 'hi' }],
      ['POST', `/api/tickets/${number}/replies/00000000-0000-4000-8000-000000000000/retry`],
      ['POST', '/api/tickets', { conversationId, category: 'Other' }],
    ];
    for (const [method, url, payload] of routes) {
      const res = await api(method, url, payload, other);
      expect([method, url, res.status]).toEqual([method, url, 404]);
    }
    expect((await api('GET', '/api/tickets', undefined, other)).body).toMatchObject({
      items: [],
      counts: { all: 0 },
    });
    for (const bad of ['abc', '0', '-1', '1.5', '99999999999']) {
      expect((await api('GET', `/api/tickets/${bad}`)).status).toBe(404);
    }
    const mine = await api('GET', `/api/tickets/${number}`);
    expect(mine.body).toMatchObject({ status: 'new', thread: expect.any(Array) });
    expect(mine.body.thread.filter((m: Json) => m.kind !== 'message')).toEqual([]);
  });
});
