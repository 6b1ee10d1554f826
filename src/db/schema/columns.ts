import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';

/** PostgreSQL tsvector, written only through SQL expressions. */
export const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

/** Millisecond timestamps, so a JS Date round-trips exactly (cursor pagination relies on it). */
export const timestampMs = (name: string) =>
  timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });

export const id = () => uuid('id').primaryKey().defaultRandom();
export const createdAt = () => timestampMs('created_at').notNull().defaultNow();
