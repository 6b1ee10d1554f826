import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, newShop } from './helpers/factories.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

describe('GET /api/settings/channels', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it("shows the signed-in shop's widget key and channels, never another shop's", async () => {
    const a = await newShop(t.db, 'Shop A');
    const b = await newShop(t.db, 'Shop B');
    const res = await t.app.inject({
      url: '/api/settings/channels',
      headers: { cookie: await login(t.app, a.email) },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.widgetKey).toBe(a.shop.widgetKey);
    expect(body.widgetKey).not.toBe(b.shop.widgetKey);
    expect(body.channels).toEqual([expect.objectContaining({ type: 'widget', mode: 'auto' })]);
  });

  it('needs a session', async () => {
    const res = await t.app.inject({ url: '/api/settings/channels' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });
});
