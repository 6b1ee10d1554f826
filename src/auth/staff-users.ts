import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { shops, staffUsers } from '../db/schema/index.ts';
import { hashPassword } from './password.ts';

export type NewStaffUser = {
  shopId: string;
  email: string;
  password: string;
  name?: string;
  role?: 'owner' | 'agent';
};

/** Creates a staff user with a hashed password. */
export async function createStaffUser(db: Db, input: NewStaffUser) {
  const [user] = await db
    .insert(staffUsers)
    .values({
      shopId: input.shopId,
      email: input.email.trim(),
      name: input.name ?? '',
      role: input.role ?? 'agent',
      passwordHash: await hashPassword(input.password),
    })
    .returning();
  return user;
}

export async function findStaffUserByEmail(db: Db, email: string) {
  const [user] = await db
    .select()
    .from(staffUsers)
    .where(eq(sql`lower(${staffUsers.email})`, email.trim().toLowerCase()))
    .limit(1);
  return user ?? null;
}

/** The admin's languages: English and Norwegian (bokmål). */
export const STAFF_LOCALES = ['en', 'nb'] as const;
export type StaffLocale = (typeof STAFF_LOCALES)[number];

/** Sets a staff user's language (the route checks it is one of STAFF_LOCALES). */
export async function setStaffLocale(db: Db, userId: string, locale: StaffLocale): Promise<void> {
  await db.update(staffUsers).set({ locale }).where(eq(staffUsers.id, userId));
}

/** The signed-in user and their shop, as `GET /api/me` shows them. */
export async function getMe(db: Db, userId: string) {
  const [row] = await db
    .select({
      user: {
        id: staffUsers.id,
        email: staffUsers.email,
        name: staffUsers.name,
        role: staffUsers.role,
        locale: staffUsers.locale,
      },
      shop: { id: shops.id, name: shops.name },
    })
    .from(staffUsers)
    .innerJoin(shops, eq(shops.id, staffUsers.shopId))
    .where(eq(staffUsers.id, userId));
  return row ?? null;
}
