import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { eq } from 'drizzle-orm';
import { toConversationFilters } from '../conversations/expiry-filter.ts';
import { type ExportProgress, exportConversations } from '../conversations/export/export-conversations.ts';
import { countExportConversations } from '../conversations/export/export-pages.ts';
import { ZExportConversationsQuery } from '../conversations/export/schema.ts';
import type { Db } from '../db/client.ts';
import { shops } from '../db/schema/index.ts';
import { isUuid } from '../http/ids.ts';
import { openMigrated } from './open.ts';

const OPTIONS = {
  shop: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  status: { type: 'string' },
  channel: { type: 'string' },
  q: { type: 'string' },
  'has-drafts': { type: 'boolean' },
  'expires-within-days': { type: 'string' },
} as const;

const FLAG_OF: Record<string, string> = { expiresWithinDays: 'expires-within-days', hasDrafts: 'has-drafts' };

/** The export's query from the command line, checked by the API's own schema. */
function readQuery(values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values']) {
  const parsed = ZExportConversationsQuery.safeParse({
    format: values.format,
    status: values.status,
    channel: values.channel,
    q: values.q,
    hasDrafts: values['has-drafts'] ? 'true' : undefined,
    expiresWithinDays: values['expires-within-days'],
  });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => {
    const key = String(i.path[0] ?? '');
    return `--${FLAG_OF[key] ?? key}: ${i.message}`;
  });
  throw new Error(`Invalid options: ${problems.join('; ')}`);
}

async function requireShop(db: Db, shopId: string): Promise<void> {
  const found = isUuid(shopId)
    ? await db.select({ id: shops.id }).from(shops).where(eq(shops.id, shopId))
    : [];
  if (found.length === 0) throw new Error(`No shop with the id ${shopId}`);
}

/** A progress bar on a terminal; elsewhere nothing until the closing count line. */
async function progressReporter(count: () => Promise<number>) {
  if (!process.stderr.isTTY) return { update: (_: ExportProgress) => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'Exporting [{bar}] {percentage}% | {value}/{total} conversations | ETA {eta_formatted}',
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(await count(), 0);
  return { update: (p: ExportProgress) => bar.update(p.conversations), stop: () => bar.stop() };
}

/**
 * `supportify export --shop <id> [--format ndjson|csv] [--out file] [--status s] [--channel c] [--q text]
 * [--has-drafts] [--expires-within-days N]`: the shop's conversations with every message, streamed to a
 * file (written whole or not at all) or to stdout.
 */
export async function exportCommand(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: OPTIONS });
  if (!values.shop) throw new Error('export needs --shop <shopId>');
  const { format, ...query } = readQuery(values);
  const shopId = values.shop;
  const { database } = await openMigrated();
  const db = database.db;
  const partial = values.out ? `${values.out}.partial` : null;
  try {
    await requireShop(db, shopId);
    const filters = await toConversationFilters(db, shopId, query);
    const progress = await progressReporter(() => countExportConversations(db, shopId, filters));
    let done: ExportProgress = { conversations: 0, messages: 0 };
    const stream = await exportConversations(db, shopId, { filters }, format, {
      onPage: (p) => {
        done = p;
        progress.update(p);
      },
    });
    const target: Writable = partial ? fs.createWriteStream(partial) : process.stdout;
    try {
      await pipeline(stream, target, { end: partial !== null });
    } finally {
      progress.stop();
    }
    if (partial && values.out) fs.renameSync(partial, values.out);
    const where = values.out ?? 'stdout';
    process.stderr.write(
      `Exported ${done.conversations.toLocaleString('en')} conversations (${done.messages.toLocaleString('en')} messages) to ${where}.\n`,
    );
  } catch (err) {
    if (partial) fs.rmSync(partial, { force: true });
    // A reader that stopped early (`| head`) is not a failure.
    if (!partial && (err as NodeJS.ErrnoException).code === 'EPIPE') return;
    throw err;
  } finally {
    await database.close();
  }
}
