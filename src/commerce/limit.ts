/** The most results one search returns, whatever the caller asks for. */
export const MAX_RESULTS = 50;

/** A result count a query can take: a whole number from 1 to MAX_RESULTS. */
export function clampLimit(limit: number): number {
  if (!Number.isFinite(limit)) return MAX_RESULTS;
  return Math.min(MAX_RESULTS, Math.max(1, Math.floor(limit)));
}
