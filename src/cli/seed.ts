import { randomBytes } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { seedDemoShop } from '../seed/seed-demo-shop.ts';
import { openMigrated } from './open.ts';

/** Seeds a demo shop and its first staff login (from the environment, or generated). */
export async function seedWithLogin(db: Db, config: Config) {
  const adminEmail = config.adminEmail ?? 'admin@demo.supportify.dev';
  const adminPassword = config.adminPassword ?? randomBytes(12).toString('base64url');
  return seedDemoShop(db, { adminEmail, adminPassword });
}

export function printLogin(email: string, password: string): void {
  process.stdout.write(`\n  Staff login (shown once):\n    email:    ${email}\n    password: ${password}\n`);
}

export async function seedCommand(): Promise<void> {
  const { config, database } = await openMigrated();
  try {
    const seeded = await seedWithLogin(database.db, config);
    process.stdout.write(`Demo shop seeded (${seeded.shopId}).\n`);
    printLogin(seeded.adminEmail, seeded.adminPassword);
  } finally {
    await database.close();
  }
}
