import { randomBytes } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { createStaffUser } from '../auth/staff-users.ts';
import type { Db } from '../db/client.ts';
import { shopifyInstalls, shops, staffUsers } from '../db/schema/index.ts';
import { createShop } from '../shops/queries.ts';
import { encryptSecret, tokenContext } from './token-crypto.ts';

export type NewInstall = { shopDomain: string; accessToken: string; scopes: string; encryptionKey: Buffer };

/**
 * Records a completed OAuth install: finds the shop linked to the domain (or creates it with an owner, the
 * "Shopify admin" that session tokens act as), stores the offline token encrypted and marks it installed.
 */
export async function recordInstall(
  db: Db,
  install: NewInstall,
): Promise<{ shopId: string; created: boolean }> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: shops.id })
      .from(shops)
      .where(eq(shops.shopifyDomain, install.shopDomain))
      .limit(1);
    const shopId =
      existing?.id ??
      (await createShop(tx, { name: install.shopDomain.split('.')[0], shopifyDomain: install.shopDomain }))
        .id;
    await ensureOwner(tx, shopId, install.shopDomain);
    const values = {
      status: 'installed' as const,
      accessTokenEncrypted: encryptSecret(install.encryptionKey, install.accessToken, tokenContext(shopId)),
      scopes: install.scopes,
      installedAt: sql`now()`,
      uninstalledAt: null,
      updatedAt: sql`now()`,
    };
    await tx
      .insert(shopifyInstalls)
      .values({ shopId, ...values })
      .onConflictDoUpdate({ target: shopifyInstalls.shopId, set: values });
    return { shopId, created: !existing };
  });
}

/** The staff user that Shopify session tokens act as: the shop's first owner, created when there is none. */
async function ensureOwner(db: Db, shopId: string, shopDomain: string) {
  const owner = await shopOwnerId(db, shopId);
  if (owner) return owner;
  // Signs in through Shopify only: the password is random and never shown.
  const user = await createStaffUser(db, {
    shopId,
    email: `shopify-admin@${shopDomain}`,
    password: randomBytes(32).toString('base64url'),
    name: 'Shopify admin',
    role: 'owner',
  });
  return user.id;
}

export async function shopOwnerId(db: Db, shopId: string): Promise<string | null> {
  const [owner] = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.shopId, shopId), eq(staffUsers.role, 'owner')))
    .orderBy(asc(staffUsers.createdAt), asc(staffUsers.id))
    .limit(1);
  return owner?.id ?? null;
}

/** app/uninstalled: the token is deleted and the shop marked uninstalled (the AI stops using Shopify). */
export async function markUninstalled(db: Db, shopId: string): Promise<boolean> {
  const rows = await db
    .update(shopifyInstalls)
    .set({
      status: 'uninstalled',
      accessTokenEncrypted: null,
      uninstalledAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(eq(shopifyInstalls.shopId, shopId))
    .returning({ shopId: shopifyInstalls.shopId });
  return rows.length > 0;
}
