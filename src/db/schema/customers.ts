import { type SQL, sql } from 'drizzle-orm';
import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.ts';
import { shops } from './shops.ts';

export const customers = pgTable(
  'customers',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    name: text('name'),
    email: text('email'),
    // Lower-cased "name email" for trigram search on names, emails and their fragments.
    searchText: text('search_text').generatedAlwaysAs(
      (): SQL => sql`lower(coalesce(${customers.name}, '') || ' ' || coalesce(${customers.email}, ''))`,
    ),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('customers_shop_email_uq').on(t.shopId, sql`lower(${t.email})`),
    index('customers_search_trgm_idx').using('gin', t.searchText.op('gin_trgm_ops')),
  ],
);
