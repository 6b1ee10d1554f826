import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { staffUsers } from '../db/schema/index.ts';
import { AppError, unauthenticated } from '../http/errors.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { createSession, deleteUserSessions } from './sessions.ts';

/** Sets a new password, ends every session of the user, and returns a fresh session for the caller. */
export async function changePassword(db: Db, userId: string, currentPassword: string, newPassword: string) {
  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.id, userId));
  if (!user) throw unauthenticated();
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    throw new AppError(403, 'invalid_credentials', 'The current password is wrong');
  }
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    await tx.update(staffUsers).set({ passwordHash }).where(eq(staffUsers.id, userId));
    await deleteUserSessions(tx, userId);
    return createSession(tx, user);
  });
}
