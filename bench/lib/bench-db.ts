import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/client.ts';
import { runMigrations } from '../../src/db/migrate.ts';

const DATA_ROOT = fileURLToPath(new URL('../.data', import.meta.url));

/**
 * A migrated database dedicated to one benchmark size, kept between runs so seeding happens once:
 * `supportify_bench_<n>` beside DATABASE_URL, or a PGlite directory under bench/.data/.
 */
export async function openBenchDatabase(
  key: string,
): Promise<Database & { label: string; url?: string; dataDir?: string }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const dataDir = path.join(DATA_ROOT, key);
    const database = await openDatabase({ dataDir });
    await runMigrations(database);
    return { ...database, label: 'pglite', dataDir };
  }
  const name = `supportify_bench_${key.replace(/\W/g, '_')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 10 });
  await runMigrations(database);
  return { ...database, label: 'postgres', url: url.toString() };
}

/** Like openBenchDatabase, but empty: for benchmarks that destroy their data (the purge). */
export async function openFreshBenchDatabase(
  key: string,
): Promise<Database & { label: string; url?: string; dataDir?: string }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    fs.rmSync(path.join(DATA_ROOT, key), { recursive: true, force: true });
    return openBenchDatabase(key);
  }
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`drop database if exists supportify_bench_${key.replace(/\W/g, '_')} with (force)`);
  await admin.end();
  return openBenchDatabase(key);
}

/**
 * An empty database (created, not migrated) for the product to set up itself on its first `npm start`:
 * `supportify_bench_<key>` beside DATABASE_URL, dropped first, or an emptied PGlite directory.
 */
export async function emptyBenchDatabase(
  key: string,
): Promise<{ label: string; url?: string; dataDir?: string }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const dataDir = path.join(DATA_ROOT, key);
    fs.rmSync(dataDir, { recursive: true, force: true });
    return { label: 'pglite', dataDir };
  }
  const name = `supportify_bench_${key.replace(/\W/g, '_')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { label: 'postgres', url: url.toString() };
}
