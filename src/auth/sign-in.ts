import { createHash } from 'node:crypto';
import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { signInThrottles } from '../db/schema/index.ts';
import { AppError } from '../http/errors.ts';
import { DUMMY_HASH, verifyPassword } from './password.ts';
import { createSession } from './sessions.ts';
import { findStaffUserByEmail } from './staff-users.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

/** The throttle key of an address: its sha256, so the table holds no addresses. */
export const emailThrottleKey = (email: string) =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

/** One more failure for the address, locking it at the limit; one atomic upsert, so concurrent guesses cannot slip past. */
async function recordFailedSignIn(db: Db, key: string) {
  const next = sql`${signInThrottles.failedCount} + 1`;
  await db
    .insert(signInThrottles)
    .values({ emailHash: key, failedCount: 1 })
    .onConflictDoUpdate({
      target: signInThrottles.emailHash,
      set: {
        failedCount: sql`case when ${next} >= ${MAX_FAILED_LOGINS} then 0 else ${next} end`,
        lockedUntil: sql`case when ${next} >= ${MAX_FAILED_LOGINS} then now() + ${`${LOCKOUT_MS} milliseconds`}::interval else ${signInThrottles.lockedUntil} end`,
        updatedAt: sql`now()`,
      },
    });
}

/**
 * Checks credentials with a lockout after repeated failures; returns a new session token. Known and
 * unknown addresses are treated alike (the same 401, the same lock after five failures, a password hash
 * checked either way), so neither the answer nor its timing tells whether an account exists.
 */
export async function signIn(
  db: Db,
  email: string,
  password: string,
): Promise<{ token: string; userId: string }> {
  const key = emailThrottleKey(email);
  const [throttle] = await db
    .select({ lockedUntil: signInThrottles.lockedUntil })
    .from(signInThrottles)
    .where(eq(signInThrottles.emailHash, key));
  if (throttle?.lockedUntil && throttle.lockedUntil > new Date()) {
    throw new AppError(429, 'too_many_attempts', 'Too many failed sign-ins. Try again in a few minutes.');
  }
  const user = await findStaffUserByEmail(db, email);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) {
    await recordFailedSignIn(db, key);
    throw new AppError(401, 'invalid_credentials', 'Email or password is wrong');
  }
  if (throttle) await db.delete(signInThrottles).where(eq(signInThrottles.emailHash, key));
  return { token: await createSession(db, user), userId: user.id };
}

/** Forgets failures a day old (the daily purge): the lock lasts 15 minutes, the count is for bursts. */
export async function purgeSignInThrottles(db: Db, now: Date): Promise<void> {
  await db.delete(signInThrottles).where(lt(signInThrottles.updatedAt, new Date(now.getTime() - 86_400_000)));
}
