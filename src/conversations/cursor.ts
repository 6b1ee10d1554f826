import { z } from 'zod';
import { AppError } from '../http/errors.ts';

/** Position after the last row of a page: rows are ordered by (startedAt desc, id desc). */
export type Cursor = { startedAt: Date; id: string };

const ZCursor = z.object({ t: z.iso.datetime(), id: z.guid() });

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify({ t: c.startedAt.toISOString(), id: c.id })).toString('base64url');
}

/** Decodes a cursor or answers 400 invalid_cursor. */
export function decodeCursor(text: string): Cursor {
  try {
    const parsed = ZCursor.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    const startedAt = new Date(parsed.t);
    // Only dates a conversation could have started on; PostgreSQL has no year 0.
    const year = startedAt.getUTCFullYear();
    if (year < 2000 || year > 9999) throw new Error('cursor date out of range');
    return { startedAt, id: parsed.id };
  } catch {
    throw new AppError(400, 'invalid_cursor', 'The cursor is malformed; start again from the first page');
  }
}
