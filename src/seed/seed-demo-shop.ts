import type { Db } from '../db/client.ts';

export type SeedResult = { shopId: string; adminEmail: string; adminPassword: string };

/** Placeholder until the demo data generator lands. */
export async function seedDemoShop(
  _db: Db,
  _options: { adminEmail: string; adminPassword: string },
): Promise<SeedResult> {
  throw new Error('not implemented');
}
