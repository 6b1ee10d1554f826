import { sql } from 'drizzle-orm';
import { check, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.ts';
import { shops } from './shops.ts';
import { staffUsers } from './staff.ts';

export const SAVED_VIEW_KINDS = ['conversations', 'tickets'] as const;
export type SavedViewKind = (typeof SAVED_VIEW_KINDS)[number];

/** A named filter combination of a list, shared by every staff user of the shop. */
export const savedViews = pgTable(
  'saved_views',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<SavedViewKind>().notNull(),
    name: text('name').notNull(),
    // The list's query parameters, validated by the list's own schema when saved.
    filters: jsonb('filters').$type<Record<string, string | number>>().notNull(),
    // Kept when the staff user is removed: the view belongs to the shop.
    createdBy: uuid('created_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    // One name per list in a shop, whatever its case; also the index the menu reads.
    uniqueIndex('saved_views_shop_kind_name_uq').on(t.shopId, t.kind, sql`lower(${t.name})`),
    check('saved_views_kind_ck', sql`${t.kind} in ('conversations','tickets')`),
  ],
);
