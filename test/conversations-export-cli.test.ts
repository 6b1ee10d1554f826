// `supportify export`: spawned like an operator runs it, against a PGlite data directory (or a fresh
// PostgreSQL database when DATABASE_URL is set); the file equals the database, filters and bad input.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { insertBulkConversations } from './helpers/bulk-conversations.ts';
import { expectedExport, parseNdjson } from './helpers/export-expected.ts';
import { newShop } from './helpers/factories.ts';
import { clonePgTemplate } from './helpers/test-db.ts';

const N = 1200;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'supportify-export-cli-'));
let databaseUrl: string | undefined;
let drop = async () => {};

type Run = { status: number | null; stdout: string; stderr: string };

function cli(...args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, SUPPORTIFY_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['src/main.ts', 'export', ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

/** Opens the CLI's database from the test (PGlite allows one process at a time: close it before `cli`). */
const openCliDatabase = () => openDatabase({ databaseUrl, dataDir: databaseUrl ? undefined : dataDir });

describe('supportify export', () => {
  let shopId: string;
  let expected: Awaited<ReturnType<typeof expectedExport>>;

  beforeAll(async () => {
    if (process.env.DATABASE_URL) {
      const clone = await clonePgTemplate(process.env.DATABASE_URL);
      databaseUrl = clone.url;
      drop = clone.drop;
    }
    const database = await openCliDatabase();
    try {
      await runMigrations(database);
      const { shop } = await newShop(database.db);
      const other = await newShop(database.db, 'Other shop');
      shopId = shop.id;
      await insertBulkConversations(database, shopId, N, new Date(Date.now() - 3_600_000));
      await insertBulkConversations(database, other.shop.id, 50, new Date(Date.now() - 3_600_000));
      expected = await expectedExport(database.db, shopId);
    } finally {
      await database.close();
    }
  }, 120_000);
  afterAll(async () => {
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes the shop’s conversations to a file, equal to the database, with a count line', async () => {
    const out = path.join(dataDir, 'all.ndjson');
    const run = await cli('--shop', shopId, '--out', out);
    expect(run.stderr).toContain(`Exported 1,200 conversations (3,528 messages) to ${out}.`);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(parseNdjson(fs.readFileSync(out, 'utf8'))).toEqual(expected);
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
  }, 60_000);

  it('streams CSV to stdout with filters', async () => {
    const run = await cli('--shop', shopId, '--format', 'csv', '--status', 'resolved', '--channel', 'gmail');
    expect(run.status).toBe(0);
    const rows: Array<Record<string, string>> = parse(run.stdout, { bom: true, columns: true });
    const want = expected.filter((c) => c.status === 'resolved' && c.channel === 'gmail');
    expect(want.length).toBeGreaterThan(10);
    expect([...new Set(rows.map((r) => r.conversation_id))]).toEqual(want.map((c) => c.id));
    expect(rows.length).toBe(want.reduce((n, c) => n + Math.max(1, c.messages.length), 0));
    expect(run.stderr).toContain(`Exported ${want.length} conversations`);
  }, 60_000);

  it('filters by search and by expiry like the API', async () => {
    const search = await cli('--shop', shopId, '--q', 'bulk-7@example.com');
    expect(parseNdjson(search.stdout).map((c) => c.customer.email)).toEqual(['bulk-7@example.com']);
    // Every conversation started within the last hours: none is deleted within 7 days, all within 90.
    const soon = await cli('--shop', shopId, '--expires-within-days', '7');
    expect({ status: soon.status, stdout: soon.stdout }).toEqual({ status: 0, stdout: '' });
  }, 60_000);

  it('refuses bad options and unknown shops, leaving no file behind', async () => {
    const out = path.join(dataDir, 'bad.ndjson');
    const cases: Array<[string[], RegExp]> = [
      [['--out', out], /needs --shop/],
      [
        ['--shop', shopId, '--format', 'xml', '--expires-within-days', '0', '--status', 'open', '--out', out],
        /^(?=.*--format: Invalid option)(?=.*--status: Invalid option)(?=.*--expires-within-days: Too small)/,
      ],
      [['--shop', '00000000-0000-4000-8000-000000000000', '--out', out], /No shop with the id/],
    ];
    for (const [args, message] of cases) {
      const run = await cli(...args);
      expect({ args, status: run.status, stderr: run.stderr }).toEqual({
        args,
        status: 1,
        stderr: expect.stringMatching(message),
      });
      expect(fs.existsSync(out) || fs.existsSync(`${out}.partial`)).toBe(false);
    }
  }, 60_000);
});
