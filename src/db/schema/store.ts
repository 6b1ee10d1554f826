import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.ts';
import { shops } from './shops.ts';

// The demo store: the default commerce data source when a shop is not connected to Shopify.

export const storeProducts = pgTable(
  'store_products',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    handle: text('handle').notNull(),
    description: text('description').notNull().default(''),
    priceCents: integer('price_cents').notNull(),
    currency: text('currency').notNull().default('USD'),
    imageUrl: text('image_url'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    inventory: integer('inventory').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('store_products_shop_handle_uq').on(t.shopId, t.handle)],
);

export type OrderLineItem = { title: string; quantity: number; priceCents: number };

export const storeOrders = pgTable(
  'store_orders',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    // Shopify-style order name, e.g. "#1001".
    name: text('name').notNull(),
    email: text('email').notNull(),
    customerName: text('customer_name').notNull(),
    financialStatus: text('financial_status').notNull().default('paid'),
    fulfillmentStatus: text('fulfillment_status').notNull().default('unfulfilled'),
    lineItems: jsonb('line_items').$type<OrderLineItem[]>().notNull(),
    totalCents: integer('total_cents').notNull(),
    currency: text('currency').notNull().default('USD'),
    trackingNumber: text('tracking_number'),
    trackingUrl: text('tracking_url'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('store_orders_shop_name_uq').on(t.shopId, t.name),
    index('store_orders_email_idx').on(t.shopId, t.email),
  ],
);

export const storePolicies = pgTable(
  'store_policies',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('store_policies_shop_kind_uq').on(t.shopId, t.kind)],
);
