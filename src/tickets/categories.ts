/** The categories every shop starts with (staff can add more in the tickets issue). */
export const DEFAULT_CATEGORIES = [
  'Return request',
  'Order issue',
  'Shipping',
  'Product question',
  'Billing',
  'Other',
] as const;

/** A known category, or "Other" for anything a model made up. */
export function normalizeCategory(category: string | undefined): string {
  const match = DEFAULT_CATEGORIES.find((c) => c.toLowerCase() === category?.trim().toLowerCase());
  return match ?? 'Other';
}
