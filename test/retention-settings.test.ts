import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getShopSettings } from '../src/settings/shop-settings.ts';
import { login, newConversation, newShop } from './helpers/factories.ts';
import { expectError } from './helpers/http.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

const PATH = '/api/settings/retention';
const DAY = 86_400_000;

describe('Settings → Data retention', () => {
  let t: TestApp;
  let cookie: string;
  let otherCookie: string;
  let shopId: string;
  let otherShopId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const shop = await newShop(t.db, 'Retention shop');
    const other = await newShop(t.db, 'Other shop');
    shopId = shop.shop.id;
    otherShopId = other.shop.id;
    cookie = await login(t.app, shop.email);
    otherCookie = await login(t.app, other.email);
    const ago = (d: number) => new Date(Date.now() - d * DAY);
    for (const d of [10, 85, 90.5]) await newConversation(t.db, shopId, { startedAt: ago(d) });
    await newConversation(t.db, otherShopId, { startedAt: ago(90.5) });
  });
  afterAll(() => t.close());

  const get = (c = cookie) => t.app.inject({ url: PATH, headers: { cookie: c } });
  const put = (payload: unknown, c = cookie) =>
    t.app.inject({ method: 'PUT', url: PATH, headers: { cookie: c }, payload: payload as object });

  it('shows the 90-day default, the next purge and what it and the coming week delete', async () => {
    const res = await get();
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ days: 90, maxDays: 90, deletedAtNextPurge: 1, expiringWithin7Days: 2 });
    const next = new Date(body.nextPurgeAt).getTime();
    expect(next).toBeGreaterThan(Date.now());
    expect(next - Date.now()).toBeLessThanOrEqual(DAY);
    expect(body.nextPurgeAt).toMatch(/T00:05:00\.000Z$/);
  });

  it('saves a shorter period for this shop only', async () => {
    const res = await put({ days: 30 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ days: 30, deletedAtNextPurge: 2, expiringWithin7Days: 2 });
    expect((await getShopSettings(t.db, shopId)).retention.days).toBe(30);
    expect((await get(otherCookie)).json()).toMatchObject({ days: 90, deletedAtNextPurge: 1 });
  });

  it('refuses a period over 90 days, under one day, or not a whole number, and changes nothing', async () => {
    for (const days of [91, 365, 0, -1, 7.5, '30', null]) {
      expectError(await put({ days }), 400, 'invalid_request');
    }
    expectError(await put({ days: 30, extra: true }), 400, 'invalid_request');
    expect((await getShopSettings(t.db, shopId)).retention.days).toBe(30);
  });

  it('needs a signed-in staff member', async () => {
    expect((await t.app.inject({ url: PATH })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'PUT', url: PATH, payload: { days: 5 } })).statusCode).toBe(401);
  });
});
