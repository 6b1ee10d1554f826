import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { shops, staffSessions, staffUsers } from '../db/schema/index.ts';
import { hashToken, newToken } from './tokens.ts';

export const SESSION_COOKIE = 'supportify_session';
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export type StaffContext = {
  shopId: string;
  userId: string;
  sessionId: string;
};

/** Starts a session for a staff user and returns the cookie token (only its hash is stored). */
export async function createSession(db: Db, user: { id: string; shopId: string }): Promise<string> {
  const token = newToken();
  await db.insert(staffSessions).values({
    id: hashToken(token),
    shopId: user.shopId,
    staffUserId: user.id,
    expiresAt: new Date(Date.now() + SESSION_TTL_MS),
  });
  return token;
}

/** Resolves a cookie token to its live session, or null. */
export async function findSession(db: Db, token: string): Promise<StaffContext | null> {
  const [row] = await db
    .select({ sessionId: staffSessions.id, shopId: staffSessions.shopId, userId: staffSessions.staffUserId })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.staffUserId))
    .innerJoin(shops, eq(shops.id, staffSessions.shopId))
    .where(and(eq(staffSessions.id, hashToken(token)), gt(staffSessions.expiresAt, new Date())))
    .limit(1);
  return row ?? null;
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.id, sessionId));
}

/** Ends every session of a user (password change, removal). */
export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.staffUserId, userId));
}
