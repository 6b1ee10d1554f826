import type { Db } from '../../db/client.ts';
import { csvCell, csvRow } from './csv.ts';
import type { ExportedConversation } from './export-pages.ts';
import { messageListsOfConversations, messageRowsOfConversations } from './messages-of-conversations.ts';
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

/** A written page: its text and how many conversations and messages it holds (progress). */
export type WrittenPage = { text: string; conversations: number; messages: number };

const starts = (page: ExportedConversation[]) =>
  page.map((c) => ({ id: c.id, startedAt: new Date(c.startedAt) }));

/** One JSON object per conversation, one per line, its messages (with their parts) last. */
async function writeNdjson(db: Db, shopId: string, page: ExportedConversation[]): Promise<WrittenPage> {
  const lists = new Map(
    (await messageListsOfConversations(db, shopId, starts(page))).map((l) => [l.conversationId, l]),
  );
  let text = '';
  let messages = 0;
  for (const conversation of page) {
    const list = lists.get(conversation.id);
    messages += list?.count ?? 0;
    text += `${JSON.stringify(conversation).slice(0, -1)},"messages":${list?.json ?? '[]'}}\n`;
  }
  return { text, conversations: page.length, messages };
}

/**
 * One row per message with the conversation's columns repeated (a conversation without messages still
 * has a row). Cells starting with = + - @ tab or CR get a leading ' so spreadsheets never run them.
 */
async function writeCsv(db: Db, shopId: string, page: ExportedConversation[]): Promise<WrittenPage> {
  const rows = await messageRowsOfConversations(db, shopId, starts(page));
  const byConversation = Map.groupBy(rows, (m) => m.conversationId);
  let text = '';
  for (const c of page) {
    // The conversation's cells are the same on each of its rows: encoded once.
    const conversation = [
      c.id,
      c.startedAt,
      c.expiresAt,
      c.status,
      c.channel,
      c.subject,
      c.customer.name,
      c.customer.email,
    ]
      .map(csvCell)
      .join(',');
    const messages = byConversation.get(c.id) ?? [];
    if (messages.length === 0) text += `${conversation},,,,,\n`;
    for (const m of messages) text += `${conversation},${m.cells}\n`;
  }
  return { text, conversations: page.length, messages: rows.length };
}

export type Format = {
  head: string;
  contentType: string;
  /** Loads a page's messages and writes the page. */
  write: (db: Db, shopId: string, page: ExportedConversation[]) => Promise<WrittenPage>;
};

/** How each format starts, writes a page, and is served. */
export const FORMATS: Record<ExportFormat, Format> = {
  ndjson: { head: '', write: writeNdjson, contentType: 'application/x-ndjson; charset=utf-8' },
  // The byte order mark makes spreadsheet programs read the file as UTF-8.
  csv: { head: `\uFEFF${csvRow(CSV_COLUMNS)}`, write: writeCsv, contentType: 'text/csv; charset=utf-8' },
};
