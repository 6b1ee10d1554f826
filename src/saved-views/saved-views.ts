import { and, asc, count, eq, sql } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import type { StaffContext } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { type SavedViewKind, savedViews, staffUsers } from '../db/schema/index.ts';
import { AppError, notFound } from '../http/errors.ts';
import { isUuid } from '../http/ids.ts';
import type { TCreateSavedView } from './schema.ts';

/** Views per list per shop: a menu, not a database. */
export const MAX_SAVED_VIEWS = 50;

type ViewFilters = Record<string, string | number>;

const duplicateName = (name: string) =>
  new AppError(409, 'conflict', `There is already a view named "${name}"`);

// Whitespace runs become one space, so "Urgent  tickets" and "Urgent tickets" are the same name.
const cleanName = (name: string) => name.replace(/\s+/g, ' ').trim();

/** Only the filters that filter: empty values and "no" switches are left out of the stored view. */
function compactFilters(filters: Record<string, unknown>): ViewFilters {
  const kept: ViewFilters = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === '' || value === 'false') continue;
    if (typeof value === 'string' || typeof value === 'number') kept[key] = value;
  }
  return kept;
}

const columns = {
  id: savedViews.id,
  kind: savedViews.kind,
  name: savedViews.name,
  filters: savedViews.filters,
  creatorName: sql<string | null>`coalesce(nullif(${staffUsers.name}, ''), ${staffUsers.email})`,
  createdAt: savedViews.createdAt,
};

type Row = {
  id: string;
  kind: SavedViewKind;
  name: string;
  filters: ViewFilters;
  creatorName: string | null;
  createdAt: Date;
};

const present = (r: Row) => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  filters: r.filters,
  createdBy: r.creatorName === null ? null : { name: r.creatorName },
  createdAt: new Date(r.createdAt).toISOString(),
});

async function findView(db: Db, shopId: string, id: string) {
  const [row] = await db
    .select(columns)
    .from(savedViews)
    .leftJoin(staffUsers, eq(staffUsers.id, savedViews.createdBy))
    .where(and(eq(savedViews.shopId, shopId), eq(savedViews.id, id)));
  return row ? present(row) : null;
}

/** The shop's saved views of one list, by name. */
export async function listSavedViews(db: Db, shopId: string, kind: SavedViewKind) {
  const rows = await db
    .select(columns)
    .from(savedViews)
    .leftJoin(staffUsers, eq(staffUsers.id, savedViews.createdBy))
    .where(and(eq(savedViews.shopId, shopId), eq(savedViews.kind, kind)))
    .orderBy(asc(sql`lower(${savedViews.name})`), asc(savedViews.createdAt));
  return rows.map(present);
}

/** Saves a list's filters under a name, unique (any case) among the shop's views of that list. */
export async function createSavedView(db: Db, staff: StaffContext, input: TCreateSavedView) {
  const name = cleanName(input.name);
  const [{ n }] = await db
    .select({ n: count() })
    .from(savedViews)
    .where(and(eq(savedViews.shopId, staff.shopId), eq(savedViews.kind, input.kind)));
  if (n >= MAX_SAVED_VIEWS) {
    throw new AppError(400, 'too_many_views', `A list can have at most ${MAX_SAVED_VIEWS} saved views`);
  }
  const [row] = await db
    .insert(savedViews)
    .values({
      shopId: staff.shopId,
      kind: input.kind,
      name,
      filters: compactFilters(input.filters),
      createdBy: staff.userId,
    })
    .onConflictDoNothing()
    .returning({ id: savedViews.id });
  if (!row) throw duplicateName(name);
  const view = await findView(db, staff.shopId, row.id);
  if (!view) throw notFound('view');
  return view;
}

// Two renames racing to one name: the unique index decides.
const isUniqueViolation = (err: unknown) =>
  (err instanceof DrizzleQueryError ? (err.cause as { code?: string } | undefined) : undefined)?.code ===
  '23505';

/** Renames a view; 404 when it is not the shop's, 409 when the list already has that name. */
export async function renameSavedView(db: Db, shopId: string, id: string, newName: string) {
  if (!isUuid(id)) throw notFound('view');
  const name = cleanName(newName);
  let updated: { id: string }[];
  try {
    updated = await db
      .update(savedViews)
      .set({ name })
      .where(and(eq(savedViews.shopId, shopId), eq(savedViews.id, id)))
      .returning({ id: savedViews.id });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicateName(name);
    throw err;
  }
  const view = updated.length > 0 ? await findView(db, shopId, id) : null;
  if (!view) throw notFound('view');
  return view;
}

/** Deletes a view of the shop; 404 when there is none. */
export async function deleteSavedView(db: Db, shopId: string, id: string) {
  const deleted = isUuid(id)
    ? await db
        .delete(savedViews)
        .where(and(eq(savedViews.shopId, shopId), eq(savedViews.id, id)))
        .returning({ id: savedViews.id })
    : [];
  if (deleted.length === 0) throw notFound('view');
}
