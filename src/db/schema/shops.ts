import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.ts';

export const shops = pgTable(
  'shops',
  {
    id: id(),
    name: text('name').notNull(),
    // The *.myshopify.com domain once installed through Shopify; null for a standalone shop.
    shopifyDomain: text('shopify_domain'),
    // Public key that the storefront widget presents; safe to embed in pages.
    widgetKey: text('widget_key').notNull(),
    // Ticket numbers are per shop and never reused, so the counter lives on the shop row.
    nextTicketNumber: integer('next_ticket_number').notNull().default(1),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('shops_widget_key_uq').on(t.widgetKey),
    uniqueIndex('shops_shopify_domain_uq').on(t.shopifyDomain),
  ],
);
