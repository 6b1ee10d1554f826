import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestampMs } from './columns.ts';
import { shops } from './shops.ts';

export const staffUsers = pgTable(
  'staff_users',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull().default(''),
    passwordHash: text('password_hash').notNull(),
    role: text('role').$type<'owner' | 'agent'>().notNull().default('agent'),
    locale: text('locale').notNull().default('en'),
    // Unused since migration 0008 (sign_in_throttles); kept one release so the previous release's processes
    // still sign in during a rolling deploy.
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestampMs('locked_until'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('staff_users_email_uq').on(sql`lower(${t.email})`),
    index('staff_users_shop_idx').on(t.shopId),
    check('staff_users_role_ck', sql`${t.role} in ('owner','agent')`),
  ],
);

export const staffSessions = pgTable(
  'staff_sessions',
  {
    // sha256 of the cookie token: a leaked table cannot be replayed as cookies.
    id: text('id').primaryKey(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    staffUserId: uuid('staff_user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestampMs('expires_at').notNull(),
  },
  (t) => [index('staff_sessions_user_idx').on(t.staffUserId)],
);

/**
 * Failed sign-ins per email address, whether or not an account has it (so a lockout never tells an
 * attacker which addresses exist). Keyed by the sha256 of the lower-cased address; rows go a day after
 * their last failure (the daily purge) or at a successful sign-in.
 */
export const signInThrottles = pgTable(
  'sign_in_throttles',
  {
    emailHash: text('email_hash').primaryKey(),
    failedCount: integer('failed_count').notNull().default(0),
    lockedUntil: timestampMs('locked_until'),
    updatedAt: timestampMs('updated_at').notNull().defaultNow(),
  },
  (t) => [index('sign_in_throttles_updated_idx').on(t.updatedAt)],
);
