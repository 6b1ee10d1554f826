import { z } from 'zod';
import { BULK_MAX_ITEMS } from '../../http/bulk-results.ts';
import { ZConversationFilterQuery } from '../schema.ts';

export const EXPORT_FORMATS = ['ndjson', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const ZExportFormatQuery = z.object({ format: z.enum(EXPORT_FORMATS).default('ndjson') }).strict();

/** `ids=<uuid>,<uuid>,…`: only these conversations (the admin's selected rows), at most BULK_MAX_ITEMS. */
const ZIdList = z
  .string()
  .max(BULK_MAX_ITEMS * 40)
  .transform((text) => [...new Set(text.split(',').map((id) => id.trim().toLowerCase()))])
  .pipe(z.array(z.guid()).min(1).max(BULK_MAX_ITEMS));

/** `GET /api/conversations/export`: the list's filters (no paging), optionally chosen ids, and the format. */
export const ZExportConversationsQuery = ZConversationFilterQuery.extend({
  ...ZExportFormatQuery.shape,
  ids: ZIdList.optional(),
}).strict();
