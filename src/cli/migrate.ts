import { openMigrated } from './open.ts';

export async function migrateCommand(): Promise<void> {
  const { database } = await openMigrated();
  await database.close();
  process.stdout.write(`Migrations applied (${database.kind}).\n`);
}
