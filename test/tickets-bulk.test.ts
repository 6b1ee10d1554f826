// `POST /api/tickets/bulk`: one change or a delete for many tickets through the single-ticket functions:
// refused moves and other shops' numbers fail alone, history and live events and notifications follow
// as for one ticket, bad input changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShopEvent } from '../src/realtime/bus.ts';
import { saveSettingsSection } from '../src/settings/shop-settings.ts';
import { login, newConversation, newShop } from './helpers/factories.ts';
import { type FakeSlack, startFakeSlack } from './helpers/fake-slack.ts';
import { expectError, type Json, requestJson } from './helpers/http.ts';
import { createNotificationsApp, type NotificationsApp, until } from './helpers/notifications-app.ts';

type Method = Parameters<typeof requestJson>[2];

describe('bulk ticket changes', () => {
  let t: NotificationsApp;
  let slack: FakeSlack;
  let cookieA: string;
  let cookieB: string;
  let shopA: string;
  const events: ShopEvent[] = [];

  const api = (method: Method, url: string, payload?: unknown, cookie = cookieA) =>
    requestJson(t.app, cookie, method, url, payload);
  const bulk = (payload: unknown, cookie = cookieA) => api('POST', '/api/tickets/bulk', payload, cookie);
  const ticket = async (number: number, cookie = cookieA) =>
    (await api('GET', `/api/tickets/${number}`, undefined, cookie)).body;
  const openTicket = async (shopId: string, cookie: string) => {
    const c = await newConversation(t.db, shopId, { customer: { name: 'Kari', email: 'kari@example.com' } });
    const res = await api('POST', '/api/tickets', { conversationId: c.id, category: 'Shipping' }, cookie);
    expect(res.status).toBe(201);
    return res.body.number as number;
  };
  const notFound = (number: number) => ({
    number,
    ok: false,
    error: { code: 'not_found', message: expect.any(String) },
  });

  beforeAll(async () => {
    t = await createNotificationsApp();
    slack = await startFakeSlack();
    const a = await newShop(t.db, 'Shop A');
    const b = await newShop(t.db, 'Shop B');
    shopA = a.shop.id;
    cookieA = await login(t.app, a.email);
    cookieB = await login(t.app, b.email);
    await saveSettingsSection(t.db, shopA, 'notifications', {
      slackWebhookUrl: slack.url(),
      emailRecipients: [],
      notifyOn: { newTicket: false, urgent: true },
    });
    // Shop B has more tickets than shop A: its higher numbers exist only there.
    for (let i = 0; i < 12; i++) await openTicket(b.shop.id, cookieB);
    t.app.bus.subscribeShop(shopA, (e) => events.push(e));
  });
  afterAll(async () => {
    await t?.close();
    await slack?.close();
  });

  it('changes priority of many tickets with history, live events and urgent alerts like single changes', async () => {
    const n1 = await openTicket(shopA, cookieA);
    const n2 = await openTicket(shopA, cookieA);
    const bTicketBefore = await ticket(11, cookieB);
    events.length = 0;

    const res = await bulk({ numbers: [n1, n2, 11, 404], set: { priority: 'urgent' } });
    expect(res.status, res.res.body).toBe(200);
    expect(res.body.results).toEqual([
      { number: n1, ok: true, changed: true },
      { number: n2, ok: true, changed: true },
      notFound(11),
      notFound(404),
    ]);
    for (const n of [n1, n2]) {
      const detail = await ticket(n);
      expect(detail.priority).toBe('urgent');
      expect(detail.history.at(-1)).toMatchObject({
        field: 'priority',
        from: 'medium',
        to: 'urgent',
        actor: { type: 'staff', name: 'Owner' },
      });
    }
    // Shop B's #11 and #1 (same numbers, other shop) did not move.
    expect(await ticket(11, cookieB)).toEqual(bTicketBefore);
    expect((await ticket(1, cookieB)).priority).toBe('medium');

    await until(
      () =>
        [n1, n2].every((n) =>
          events.some((e) => e.type === 'ticket' && e.action === 'updated' && e.number === n),
        ),
      'a live event per ticket',
    );
    await until(() => slack.requests.length >= 2, 'an urgent alert per ticket');
    const alerts = slack.requests.map((r) => JSON.stringify(r.body));
    expect(alerts.some((a) => a.includes(`#${n1}`))).toBe(true);
    expect(alerts.some((a) => a.includes(`#${n2}`))).toBe(true);
  });

  it('moves the statuses it may and reports invalid_transition for the others, unchanged', async () => {
    const fresh = await openTicket(shopA, cookieA);
    const resolved = await openTicket(shopA, cookieA);
    for (const status of ['open', 'resolved']) await api('PATCH', `/api/tickets/${resolved}`, { status });
    const before = await ticket(resolved);

    const res = await bulk({ numbers: [fresh, resolved], set: { status: 'waiting' } });
    expect(res.body.results).toEqual([
      { number: fresh, ok: true, changed: true },
      {
        number: resolved,
        ok: false,
        error: { code: 'invalid_transition', message: 'A resolved ticket cannot become waiting' },
      },
    ]);
    expect((await ticket(fresh)).status).toBe('waiting');
    expect(await ticket(resolved)).toEqual(before);

    // Already in that state: fine, nothing recorded.
    const again = await bulk({ numbers: [fresh], set: { status: 'waiting' } });
    expect(again.body.results).toEqual([{ number: fresh, ok: true, changed: false }]);
  });

  it('sets a category by any spelling; an unknown category is refused for all with 400', async () => {
    const n1 = await openTicket(shopA, cookieA);
    const n2 = await openTicket(shopA, cookieA);
    const res = await bulk({ numbers: [n1, n2], set: { category: ' billing ' } });
    expect(res.body.results.map((r: Json) => r.ok)).toEqual([true, true]);
    expect([(await ticket(n1)).category, (await ticket(n2)).category]).toEqual(['Billing', 'Billing']);

    expectError((await bulk({ numbers: [n1, n2], set: { category: 'Nope' } })).res, 400, 'invalid_category');
    expect([(await ticket(n1)).category, (await ticket(n2)).category]).toEqual(['Billing', 'Billing']);
  });

  it('deletes the selected tickets; a second delete finds them gone', async () => {
    const n1 = await openTicket(shopA, cookieA);
    const n2 = await openTicket(shopA, cookieA);
    const keep = await openTicket(shopA, cookieA);
    events.length = 0;
    const res = await bulk({ numbers: [n1, n2, 12], delete: true });
    expect(res.body.results).toEqual([
      { number: n1, ok: true, changed: true },
      { number: n2, ok: true, changed: true },
      notFound(12),
    ]);
    const listed = (await api('GET', '/api/tickets?limit=100')).body.items.map((i: Json) => i.number);
    expect(listed).toContain(keep);
    expect(listed).not.toContain(n1);
    expect(listed).not.toContain(n2);
    expect((await api('GET', `/api/tickets/${n1}`)).status).toBe(404);
    expect((await ticket(12, cookieB)).number).toBe(12);
    await until(
      () => events.filter((e) => e.type === 'ticket' && e.action === 'deleted').length === 2,
      'deleted events',
    );

    const again = await bulk({ numbers: [n1], delete: true });
    expect(again.body.results).toEqual([notFound(n1)]);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const n = await openTicket(shopA, cookieA);
    const before = await ticket(n);
    const tooMany = Array.from({ length: 501 }, (_, i) => i + 1);
    for (const payload of [
      {},
      { numbers: [n] },
      { numbers: [], set: { priority: 'high' } },
      { numbers: [n], set: {} },
      { numbers: [n], set: { priority: 'very' } },
      { numbers: [n], set: { status: 'closed' } },
      { numbers: [n], set: { priority: 'high' }, delete: true },
      { numbers: [n], delete: false },
      { numbers: [String(n)], set: { priority: 'high' } },
      { numbers: [n, 0], set: { priority: 'high' } },
      { numbers: [n, 1.5], set: { priority: 'high' } },
      { numbers: tooMany, set: { priority: 'high' } },
      { numbers: [n], set: { priority: 'high', assignee: 'me' } },
    ]) {
      expectError((await bulk(payload)).res, 400, 'invalid_request');
    }
    expect(await ticket(n)).toEqual(before);
  });
});
