import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { staffUsers } from '../db/schema/index.ts';
import { AppError } from '../http/errors.ts';
import { DUMMY_HASH, verifyPassword } from './password.ts';
import { createSession } from './sessions.ts';
import { findStaffUserByEmail } from './staff-users.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

/** Checks credentials with an account lockout after repeated failures; returns a new session token. */
export async function signIn(
  db: Db,
  email: string,
  password: string,
): Promise<{ token: string; userId: string }> {
  const user = await findStaffUserByEmail(db, email);
  if (!user) {
    await verifyPassword(password, DUMMY_HASH);
    throw new AppError(401, 'invalid_credentials', 'Email or password is wrong');
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    throw new AppError(429, 'too_many_attempts', 'Too many failed sign-ins. Try again in a few minutes.');
  }
  if (!(await verifyPassword(password, user.passwordHash))) {
    // One atomic update: concurrent guesses cannot slip past the limit.
    await db
      .update(staffUsers)
      .set({
        failedLoginCount: sql`case when ${staffUsers.failedLoginCount} + 1 >= ${MAX_FAILED_LOGINS} then 0 else ${staffUsers.failedLoginCount} + 1 end`,
        lockedUntil: sql`case when ${staffUsers.failedLoginCount} + 1 >= ${MAX_FAILED_LOGINS} then now() + ${`${LOCKOUT_MS} milliseconds`}::interval else ${staffUsers.lockedUntil} end`,
      })
      .where(eq(staffUsers.id, user.id));
    throw new AppError(401, 'invalid_credentials', 'Email or password is wrong');
  }
  await db
    .update(staffUsers)
    .set({ failedLoginCount: 0, lockedUntil: null })
    .where(eq(staffUsers.id, user.id));
  return { token: await createSession(db, user), userId: user.id };
}
