import { z } from 'zod';
import { AppError, type ErrorCode } from './errors.ts';

/** Most items one bulk request may name (a few pages of a list). */
export const BULK_MAX_ITEMS = 500;

/** Why one item of a bulk request was not changed; the other items are unaffected. */
export const ZBulkFailure = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.string(), message: z.string() }),
});

/** An item's failure in a bulk answer. */
export const bulkFailure = (code: ErrorCode, message: string) => ({
  ok: false as const,
  error: { code, message },
});

/** A refusal the single-item API would answer with (404, 409, …) as one item's failure; anything else is rethrown. */
export function bulkFailureOf(err: unknown) {
  if (err instanceof AppError && err.statusCode < 500) return bulkFailure(err.code, err.message);
  throw err;
}
