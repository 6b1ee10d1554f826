import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailThrottleKey } from '../src/auth/sign-in.ts';
import { signInThrottles } from '../src/db/schema/index.ts';
import { purgePersonalRecords } from '../src/retention/personal-records.ts';
import { newShop, PASSWORD } from './helpers/factories.ts';
import { expectError, sessionCookieFrom } from './helpers/http.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

// Brute force: answers that do not tell accounts apart, the lockout per address, the per-client limit.

describe('sign-in failures and lockout', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const signIn = (email: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  const freshUser = async () => (await newShop(t.db)).email;

  it('answers a wrong password and an unknown email alike', async () => {
    const email = await freshUser();
    const wrong = await signIn(email, 'not the password');
    const unknown = await signIn(`nobody-${randomUUID()}@example.com`, PASSWORD);
    expectError(wrong, 401, 'invalid_credentials');
    expectError(unknown, 401, 'invalid_credentials');
    expect(unknown.json()).toEqual(wrong.json());
    expect(sessionCookieFrom(wrong)).toBeNull();
    expect(sessionCookieFrom(unknown)).toBeNull();
  });

  it('locks the account after 5 wrong passwords, even against the right one', async () => {
    const email = await freshUser();
    for (let i = 0; i < 5; i++) expectError(await signIn(email, `wrong ${i}`), 401, 'invalid_credentials');
    const locked = await signIn(email, PASSWORD);
    expectError(locked, 429, 'too_many_attempts');
    expect(sessionCookieFrom(locked)).toBeNull();
    expectError(await signIn(email, 'wrong again'), 429, 'too_many_attempts');
    // Other accounts are not affected.
    expect((await signIn(await freshUser(), PASSWORD)).statusCode).toBe(200);
    // Once the lock has expired, the right password works again.
    await t.db
      .update(signInThrottles)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(signInThrottles.emailHash, emailThrottleKey(email)));
    expect((await signIn(email, PASSWORD)).statusCode).toBe(200);
  });

  it('locks an unknown address exactly like a real one, so the lockout does not reveal accounts', async () => {
    const real = await freshUser();
    const unknown = `nobody-${randomUUID()}@example.com`;
    const answers = async (email: string) => {
      const out: string[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await signIn(email, `wrong ${i}`);
        out.push(`${res.statusCode} ${res.json().error.code}`);
      }
      return out;
    };
    const seen = await answers(real);
    expect(seen).toEqual([
      ...Array(5).fill('401 invalid_credentials'),
      ...Array(2).fill('429 too_many_attempts'),
    ]);
    expect(await answers(unknown)).toEqual(seen);
    // Case and spaces do not make a fresh address; only hashes are stored.
    expectError(await signIn(` ${unknown.toUpperCase()} `, 'x'), 429, 'too_many_attempts');
    const rows = await t.db.select().from(signInThrottles);
    expect(JSON.stringify(rows)).not.toContain('nobody-');
    // A day after the last failure the daily purge forgets it.
    await purgePersonalRecords(t.db, new Date(Date.now() + 86_400_000 + 60_000));
    const left = await t.db
      .select()
      .from(signInThrottles)
      .where(eq(signInThrottles.emailHash, emailThrottleKey(unknown)));
    expect(left).toHaveLength(0);
  });

  it('locks even when the wrong guesses arrive at the same time', async () => {
    const email = await freshUser();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => signIn(email, `guess ${i}`)));
    expect(results.every((r) => r.statusCode === 401 || r.statusCode === 429)).toBe(true);
    expectError(await signIn(email, PASSWORD), 429, 'too_many_attempts');
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    const email = await freshUser();
    for (let i = 0; i < 4; i++) await signIn(email, 'wrong');
    expect((await signIn(email, PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await signIn(email, 'wrong');
    expect((await signIn(email, PASSWORD)).statusCode).toBe(200);
  });
});

describe('sign-in rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ loginRateLimit: 3 });
  });
  afterAll(() => t.close());

  it('answers 429 rate_limited in the error shape once an address sends too many sign-ins', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) {
      answers.push(
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { email: `nobody${i}@example.com`, password: 'x' },
        }),
      );
    }
    expect(answers.slice(0, 3).map((r) => r.statusCode)).toEqual([401, 401, 401]);
    expectError(answers[3], 429, 'rate_limited');
    expect(answers[3].headers['retry-after']).toBeDefined();
  });
});
