import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase } from '../../src/db/client.ts';
import { runMigrations } from '../../src/db/migrate.ts';
import { withDatabase } from './test-db.ts';

/** With DATABASE_URL set, builds a migrated template database that each test file clones. */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const url = process.env.DATABASE_URL;
  if (!url) return undefined;
  const template = `supportify_tpl_${randomBytes(5).toString('hex')}`;
  process.env.SUPPORTIFY_TEST_TEMPLATE = template;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${template}`);
  await admin.end();
  const database = await openDatabase({ databaseUrl: withDatabase(url, template), poolSize: 1 });
  await runMigrations(database);
  await database.close();
  return async () => {
    const dropper = new pg.Client({ connectionString: url });
    await dropper.connect();
    await dropper.query(`drop database if exists ${template} with (force)`);
    await dropper.end();
  };
}
