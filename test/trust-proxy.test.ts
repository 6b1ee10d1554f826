import { afterEach, describe, expect, it } from 'vitest';
import { expectError } from './helpers/http.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

// Per-address limits key on the client address. Behind a proxy that appends to X-Forwarded-For, the
// left-most entries are whatever the client sent: believing them would let one client look like many.

const signIn = (t: TestApp, forwardedFor: string, i: number) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { 'x-forwarded-for': forwardedFor },
    payload: { email: `nobody${i}@example.com`, password: 'x' },
  });

describe('client address behind reverse proxies (TRUST_PROXY_HOPS)', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('takes the address the trusted proxy added, so forged entries cannot dodge the sign-in limit', async () => {
    t = await createTestApp({
      loginRateLimit: 3,
      config: { publicUrl: 'https://support.example.com', trustProxyHops: 1 },
    });
    const app = t;
    const statuses = [];
    // One real client (203.0.113.9, as the proxy appends it) forging a new left-most address each time.
    for (let i = 0; i < 4; i++) statuses.push(await signIn(app, `198.51.100.${i}, 203.0.113.9`, i));
    expect(statuses.slice(0, 3).map((r) => r.statusCode)).toEqual([401, 401, 401]);
    expectError(statuses[3], 429, 'rate_limited');
    // Another real client is its own address.
    expect((await signIn(app, '203.0.113.10', 9)).statusCode).toBe(401);
  });

  it('counts two proxies when told to, and uses the connecting address with none', async () => {
    t = await createTestApp({ loginRateLimit: 2, config: { trustProxyHops: 2 } });
    const two = t;
    // Client, then CDN, then load balancer (the socket): the client is two hops back.
    expect((await signIn(two, '1.1.1.1, 203.0.113.9, 10.0.0.2', 0)).statusCode).toBe(401);
    expect((await signIn(two, '2.2.2.2, 203.0.113.9, 10.0.0.3', 1)).statusCode).toBe(401);
    expectError(await signIn(two, '3.3.3.3, 203.0.113.9, 10.0.0.2', 2), 429, 'rate_limited');
    expect((await signIn(two, '3.3.3.3, 203.0.113.10, 10.0.0.2', 3)).statusCode).toBe(401);
    await two.close();

    t = await createTestApp({ loginRateLimit: 2, config: { trustProxyHops: 0 } });
    const none = t;
    expect((await signIn(none, '1.1.1.1', 0)).statusCode).toBe(401);
    expect((await signIn(none, '2.2.2.2', 1)).statusCode).toBe(401);
    expectError(await signIn(none, '3.3.3.3', 2), 429, 'rate_limited');
  });
});
