import { z } from 'zod';
import { BULK_MAX_ITEMS } from '../../http/bulk-results.ts';
import { ZConversationFilterQuery } from '../schema.ts';

export const EXPORT_FORMATS = ['ndjson', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const ZExportFormatQuery = z.object({ format: z.enum(EXPORT_FORMATS).default('ndjson') }).strict();

// Ids in a URL: 300 × 37 characters stays well inside Node's 16 KB request head (500 would be refused, 431).
const EXPORT_MAX_IDS = Math.min(BULK_MAX_ITEMS, 300);

/** `ids=<uuid>,<uuid>,…`: only these conversations (the admin's selected rows), at most 300. */
const ZIdList = z
  .string()
  .max(EXPORT_MAX_IDS * 40)
  .transform((text) => [...new Set(text.split(',').map((id) => id.trim().toLowerCase()))])
  .pipe(z.array(z.guid()).min(1).max(EXPORT_MAX_IDS));

/** `GET /api/conversations/export`: the list's filters (no paging), optionally chosen ids, and the format. */
export const ZExportConversationsQuery = ZConversationFilterQuery.extend({
  ...ZExportFormatQuery.shape,
  ids: ZIdList.optional(),
}).strict();
