import { type Config, loadConfig } from '../config.ts';
import { type Database, openDatabase } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';

/** Loads config, opens the configured database and brings its schema up to date. */
export async function openMigrated(): Promise<{ config: Config; database: Database }> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await runMigrations(database);
  return { config, database };
}
