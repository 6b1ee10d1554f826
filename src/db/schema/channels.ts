import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.ts';
import { shops } from './shops.ts';

export const CHANNEL_TYPES = ['widget', 'gmail', 'outlook', 'email', 'api'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export const channels = pgTable(
  'channels',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    type: text('type').$type<ChannelType>().notNull(),
    name: text('name').notNull(),
    // auto: the AI's reply is sent; draft: it waits for staff review (email channels).
    mode: text('mode').$type<'auto' | 'draft'>().notNull().default('auto'),
    inboundAddress: text('inbound_address'),
    config: jsonb('config').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    createdAt: createdAt(),
  },
  (t) => [
    index('channels_shop_idx').on(t.shopId),
    check('channels_type_ck', sql`${t.type} in ('widget','gmail','outlook','email','api')`),
    check('channels_mode_ck', sql`${t.mode} in ('auto','draft')`),
  ],
);
