import { and, asc, eq } from 'drizzle-orm';
import type { StaffContext } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { shopifyInstalls, shops, staffUsers } from '../db/schema/index.ts';
import { type ShopifyApp, sanitizeShopDomain } from './shopify-app.ts';

/**
 * Resolves an App Bridge session token (HS256 JWT signed with the app secret) to the staff context it acts
 * as: the owner of the installed shop named by `dest`. Null for anything invalid: bad signature, expired or
 * not yet valid (the library's check, 10 s leeway), another app's audience, a missing exp/nbf, an issuer
 * that is not the same shop's admin, or a shop that is not installed.
 */
export function sessionTokenVerifier(db: Db, shopify: ShopifyApp) {
  return async (token: string): Promise<StaffContext | null> => {
    let payload: Awaited<ReturnType<typeof shopify.api.session.decodeSessionToken>>;
    try {
      payload = await shopify.api.session.decodeSessionToken(token);
    } catch {
      // The library's error message quotes the token: it is never logged.
      return null;
    }
    if (typeof payload.exp !== 'number' || typeof payload.nbf !== 'number') return null;
    const dest = hostOf(payload.dest);
    const shopDomain = dest ? sanitizeShopDomain(shopify.api, dest) : null;
    if (!shopDomain || hostOf(payload.iss) !== shopDomain) return null;
    const [row] = await db
      .select({ shopId: shops.id, userId: staffUsers.id })
      .from(shops)
      .innerJoin(shopifyInstalls, eq(shopifyInstalls.shopId, shops.id))
      .innerJoin(staffUsers, and(eq(staffUsers.shopId, shops.id), eq(staffUsers.role, 'owner')))
      .where(and(eq(shops.shopifyDomain, shopDomain), eq(shopifyInstalls.status, 'installed')))
      .orderBy(asc(staffUsers.createdAt), asc(staffUsers.id))
      .limit(1);
    if (!row) return null;
    return { shopId: row.shopId, userId: row.userId, sessionId: `shopify:${payload.sid ?? payload.jti}` };
  };
}

function hostOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !url.username && !url.password && !url.port ? url.hostname : null;
  } catch {
    return null;
  }
}
