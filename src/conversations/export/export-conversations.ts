import { Readable } from 'node:stream';
import type { Db } from '../../db/client.ts';
import { type ExportedConversation, type ExportScope, exportPages } from './export-pages.ts';
import { FORMATS } from './formats.ts';
import type { ExportFormat } from './schema.ts';

export type ExportProgress = { conversations: number; messages: number };

export type ExportOptions = {
  pageSize?: number;
  /** Called each time the reader has taken a page, with the running totals. */
  onPage?: (progress: ExportProgress) => void;
};

async function* exportChunks(
  db: Db,
  shopId: string,
  scope: ExportScope,
  format: ExportFormat,
  { pageSize, onPage }: ExportOptions,
): AsyncGenerator<string> {
  const { head, write } = FORMATS[format];
  const progress: ExportProgress = { conversations: 0, messages: 0 };
  // The head rides with the first page, so the first chunk proves the database answered.
  let prefix = head;
  const load = (page: ExportedConversation[]) => write(db, shopId, page);
  for await (const page of exportPages(db, shopId, scope, load, pageSize)) {
    yield prefix + page.text;
    prefix = '';
    progress.conversations += page.conversations;
    progress.messages += page.messages;
    onPage?.({ ...progress });
  }
  if (prefix) yield prefix;
}

/**
 * The export as a byte stream that pulls the next page only when its reader has taken the previous one
 * (backpressure), so memory stays flat at any size. Resolves once the first page is ready: a failure
 * before any byte (database away, unknown shop) is thrown here, while it can still be an error response.
 */
export async function exportConversations(
  db: Db,
  shopId: string,
  scope: ExportScope,
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<Readable> {
  const chunks = exportChunks(db, shopId, scope, format, options);
  const first = await chunks.next();
  async function* all() {
    if (!first.done) yield first.value;
    yield* chunks;
  }
  // At most one chunk (a page) waits in the stream: the generator runs only when the reader wants more.
  return Readable.from(all(), { highWaterMark: 1 });
}
