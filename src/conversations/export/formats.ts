import { stringify } from 'csv-stringify/sync';
import type { MessagePart } from '../../db/schema/index.ts';
import type { ExportedConversation } from './export-pages.ts';
import type { ExportFormat } from './schema.ts';

export const CSV_COLUMNS = [
  'conversation_id',
  'started_at',
  'expires_at',
  'status',
  'channel',
  'subject',
  'customer_name',
  'customer_email',
  'message_id',
  'message_created_at',
  'role',
  'text',
  'tool_calls',
] as const;

const textOf = (parts: MessagePart[]) =>
  parts.flatMap((p) => (p.type === 'text' ? [p.text] : [])).join('\n\n');

// Tool calls with their input and tool results with their output, as JSON; empty when there are none.
const toolCallsOf = (parts: MessagePart[]) => {
  const tools = parts.filter((p) => p.type !== 'text');
  return tools.length > 0 ? JSON.stringify(tools) : '';
};

/** One JSON object per conversation, one per line; message parts go in as the database's JSON text. */
function toNdjson(page: ExportedConversation[]): string {
  let out = '';
  for (const { messages, ...conversation } of page) {
    out += `${JSON.stringify(conversation).slice(0, -1)},"messages":[`;
    for (const [i, m] of messages.entries()) {
      out += `${i > 0 ? ',' : ''}{"id":${JSON.stringify(m.id)},"role":${JSON.stringify(m.role)},"createdAt":${JSON.stringify(m.createdAt)},"parts":${m.partsJson}}`;
    }
    out += ']}\n';
  }
  return out;
}

/**
 * One row per message with the conversation's columns repeated (a conversation without messages still
 * has a row). Cells starting with = + - @ tab or CR get a leading ' so spreadsheets never run them.
 */
function toCsv(page: ExportedConversation[]): string {
  const rows: Array<Array<string | null>> = [];
  for (const c of page) {
    const conversation = [
      c.id,
      c.startedAt,
      c.expiresAt,
      c.status,
      c.channel,
      c.subject,
      c.customer.name,
      c.customer.email,
    ];
    if (c.messages.length === 0) rows.push([...conversation, null, null, null, null, null]);
    for (const m of c.messages) {
      const parts: MessagePart[] = JSON.parse(m.partsJson);
      rows.push([...conversation, m.id, m.createdAt, m.role, textOf(parts), toolCallsOf(parts)]);
    }
  }
  return stringify(rows, { escape_formulas: true });
}

/** How each format starts, writes a page, and is served. */
export const FORMATS: Record<
  ExportFormat,
  { head: string; page: (page: ExportedConversation[]) => string; contentType: string }
> = {
  ndjson: { head: '', page: toNdjson, contentType: 'application/x-ndjson; charset=utf-8' },
  // The byte order mark makes spreadsheet programs read the file as UTF-8.
  csv: {
    head: stringify([[...CSV_COLUMNS]], { bom: true }),
    page: toCsv,
    contentType: 'text/csv; charset=utf-8',
  },
};
