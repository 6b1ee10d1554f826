import { z } from 'zod';
import { ZConversationFilterQuery } from '../schema.ts';

export const EXPORT_FORMATS = ['ndjson', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const ZExportFormatQuery = z.object({ format: z.enum(EXPORT_FORMATS).default('ndjson') }).strict();

/** `GET /api/conversations/export`: the list's filters (no paging) and the format. */
export const ZExportConversationsQuery = ZConversationFilterQuery.extend(ZExportFormatQuery.shape).strict();
