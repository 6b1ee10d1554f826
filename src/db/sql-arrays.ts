import { type SQL, sql } from 'drizzle-orm';

/** A uuid[] parameter (one bound value, however many ids): for `= any(…)`. */
export const uuidArray = (ids: readonly string[]): SQL => sql`${`{${ids.join(',')}}`}::uuid[]`;
