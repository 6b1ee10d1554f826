import { and, eq } from 'drizzle-orm';
import { newToken } from '../auth/tokens.ts';
import type { Db } from '../db/client.ts';
import { channels, shops } from '../db/schema/index.ts';

/** Creates a shop with a fresh widget key and its widget channel. */
export async function createShop(db: Db, input: { name: string; shopifyDomain?: string }) {
  return db.transaction(async (tx) => {
    const [shop] = await tx
      .insert(shops)
      .values({
        name: input.name,
        shopifyDomain: input.shopifyDomain,
        widgetKey: `wk_${newToken().slice(0, 32)}`,
      })
      .returning();
    await tx.insert(channels).values({ shopId: shop.id, type: 'widget', name: 'Chat widget' });
    return shop;
  });
}

export async function findShopByWidgetKey(db: Db, widgetKey: string) {
  const [shop] = await db.select().from(shops).where(eq(shops.widgetKey, widgetKey)).limit(1);
  return shop ?? null;
}

/** The shop's widget channel, created on first use. */
export async function getWidgetChannel(db: Db, shopId: string) {
  const [existing] = await db
    .select()
    .from(channels)
    .where(and(eq(channels.shopId, shopId), eq(channels.type, 'widget')))
    .limit(1);
  if (existing) return existing;
  const [created] = await db
    .insert(channels)
    .values({ shopId, type: 'widget', name: 'Chat widget' })
    .returning();
  return created;
}
