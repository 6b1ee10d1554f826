import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signIn } from '../src/auth/sign-in.ts';
import { openDatabase } from '../src/db/client.ts';
import { clonePgTemplate } from './helpers/test-db.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'supportify-cli-'));
let databaseUrl: string | undefined;
let drop = async () => {};

function cli(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, SUPPORTIFY_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  return spawnSync(process.execPath, ['src/main.ts', ...args], { env, encoding: 'utf8', timeout: 60_000 });
}

describe('supportify CLI', () => {
  afterAll(async () => {
    await drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('migrates, seeds a demo shop, and creates a staff user who can sign in', async () => {
    if (process.env.DATABASE_URL) {
      const clone = await clonePgTemplate(process.env.DATABASE_URL);
      databaseUrl = clone.url;
      drop = clone.drop;
    }
    expect(cli('migrate').stdout).toContain('Migrations applied');
    const seeded = cli('seed');
    expect(seeded.status).toBe(0);
    expect(seeded.stdout).toMatch(/password: \S{8,}/);

    const created = cli('user:create', '--email', 'agent@example.com', '--password', 'agent-password-1');
    expect(created.status).toBe(0);
    const duplicate = cli('user:create', '--email', 'AGENT@example.com', '--password', 'agent-password-1');
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toContain('already exists');
    const tooShort = cli('user:create', '--email', 'x@example.com', '--password', 'short');
    expect(tooShort.status).toBe(1);
    expect(tooShort.stderr).toContain('8 characters');

    const database = await openDatabase({ databaseUrl, dataDir: databaseUrl ? undefined : dataDir });
    try {
      const session = await signIn(database.db, 'agent@example.com', 'agent-password-1');
      expect(session.token.length).toBeGreaterThanOrEqual(43);
    } finally {
      await database.close();
    }
  }, 120_000);

  it('purges: nothing expired today; everything the seed made once 200 days have passed', () => {
    const today = cli('purge');
    expect(today.status, today.stderr).toBe(0);
    expect(today.stdout).toMatch(/^Purged 0 conversations/);
    const later = cli('purge', '--now', new Date(Date.now() + 200 * 86_400_000).toISOString());
    expect(later.status, later.stderr).toBe(0);
    expect(Number(/^Purged (\d+) conversations/.exec(later.stdout)?.[1])).toBeGreaterThan(100);
    expect(cli('purge', '--now', 'yesterday').stderr).toContain('--now is not a date');
  }, 120_000);

  it('prints usage for an unknown command and fails', () => {
    const result = cli('frobnicate');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('Usage: supportify');
  });
});
