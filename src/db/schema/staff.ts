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
