import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/client.ts';
import { runMigrations } from '../../src/db/migrate.ts';

/**
 * The migrated template each test database is cloned from. Global setup names it once per run and hands
 * the name to the workers through the environment, so concurrent runs on one server never collide.
 */
export function templateName(): string {
  const name = process.env.SUPPORTIFY_TEST_TEMPLATE;
  if (!name) throw new Error('SUPPORTIFY_TEST_TEMPLATE is unset: run tests through vitest (global setup)');
  return name;
}

export type TestDatabase = Database & {
  /** PostgreSQL URL of this database (unset on PGlite). */ url?: string;
};

/** The server URL with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A new PostgreSQL database cloned from the migrated template, and how to drop it. */
export async function clonePgTemplate(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `supportify_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${templateName()}`);
  await admin.end();
  return {
    url: withDatabase(url, name),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or, when DATABASE_URL is
 * set, a new PostgreSQL database cloned from the migrated template (dropped again by `close`).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({});
    await runMigrations(database);
    return database;
  }
  const clone = await clonePgTemplate(url);
  const database = await openDatabase({ databaseUrl: clone.url, poolSize: 5 });
  return {
    ...database,
    url: clone.url,
    close: async () => {
      await database.close();
      await clone.drop();
    },
  };
}
