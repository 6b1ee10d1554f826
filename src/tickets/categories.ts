import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { shops } from '../db/schema/index.ts';
import { AppError } from '../http/errors.ts';

/** The categories every shop starts with; staff can add their own. */
export const DEFAULT_CATEGORIES = [
  'Return request',
  'Order issue',
  'Shipping',
  'Product question',
  'Billing',
  'Other',
] as const;

export const MAX_CATEGORIES = 50;

/** The defaults followed by the shop's own categories (stored in shops.settings.ticketCategories). */
export function categoriesOf(settings: Record<string, unknown> | null | undefined): string[] {
  const own = settings?.ticketCategories;
  const extra = Array.isArray(own) ? own.filter((c): c is string => typeof c === 'string') : [];
  return [...DEFAULT_CATEGORIES, ...extra];
}

/** The shop's spelling of a known category, or "Other" for anything a model made up. */
export function normalizeCategory(
  category: string | undefined,
  known: readonly string[] = DEFAULT_CATEGORIES,
) {
  const wanted = category?.trim().toLowerCase();
  return known.find((c) => c.toLowerCase() === wanted) ?? 'Other';
}

export async function getCategories(db: Db, shopId: string): Promise<string[]> {
  const [shop] = await db.select({ settings: shops.settings }).from(shops).where(eq(shops.id, shopId));
  return categoriesOf(shop?.settings);
}

/** Adds a category to the shop's list; refuses duplicates (any case) and an overlong list. */
export async function addCategory(db: Db, shopId: string, name: string): Promise<string[]> {
  const clean = name.replace(/\s+/g, ' ').trim();
  if (!clean || clean.length > 40) {
    throw new AppError(400, 'invalid_category', 'A category name is 1 to 40 characters');
  }
  const current = await getCategories(db, shopId);
  if (current.some((c) => c.toLowerCase() === clean.toLowerCase())) {
    throw new AppError(409, 'category_exists', `"${clean}" is already a category`);
  }
  if (current.length >= MAX_CATEGORIES) {
    throw new AppError(400, 'too_many_categories', `A shop can have at most ${MAX_CATEGORIES} categories`);
  }
  // Appended in SQL, so two staff adding at once both land.
  await db
    .update(shops)
    .set({
      settings: sql`jsonb_set(${shops.settings}, '{ticketCategories}',
        coalesce(${shops.settings}->'ticketCategories', '[]'::jsonb) || to_jsonb(${clean}::text))`,
    })
    .where(eq(shops.id, shopId));
  return [...current, clean];
}
