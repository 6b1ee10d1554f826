import pg from 'pg';
import { openDatabase } from '../../src/db/client.ts';
import { runMigrations } from '../../src/db/migrate.ts';
import { TEMPLATE_DB, withDatabase } from './test-db.ts';

/** With DATABASE_URL set, builds a migrated template database that each test file clones. */
export default async function setup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
  await admin.query(`create database ${TEMPLATE_DB}`);
  await admin.end();
  const template = await openDatabase({ databaseUrl: withDatabase(url, TEMPLATE_DB), poolSize: 1 });
  await runMigrations(template);
  await template.close();
}
