import { and, isNotNull, lte } from 'drizzle-orm';
import { purgeSignInThrottles } from '../auth/sign-in.ts';
import type { Db } from '../db/client.ts';
import { shopifyDataRequests, shopifyWebhooks } from '../db/schema/index.ts';
import { MAX_RETENTION_DAYS } from '../settings/shop-settings.ts';
import { DAY_MS, expiryCutoff } from './expiry.ts';

/**
 * How long a customer data request's document is kept: Shopify gives the merchant 30 days to answer the
 * customer, after which the copy of their data has no purpose (GDPR art. 5(1)(e)).
 */
export const DATA_REQUEST_KEEP_DAYS = 30;

/** When a data request made at `requestedAt` is deleted. */
export const dataRequestExpiresAt = (requestedAt: Date): Date =>
  new Date(requestedAt.getTime() + DATA_REQUEST_KEEP_DAYS * DAY_MS);

/**
 * The personal data kept beside conversations: data request documents past their 30 days, and any Shopify
 * webhook payload still stored after the retention limit (processing clears them; a webhook whose job
 * died keeps one). The webhook rows themselves stay: they answer replays. Also sign-in failure counts
 * (hashed addresses) a day old.
 */
export async function purgePersonalRecords(db: Db, now: Date) {
  const requestCutoff = new Date(now.getTime() - DATA_REQUEST_KEEP_DAYS * DAY_MS);
  const requests = await db
    .delete(shopifyDataRequests)
    .where(lte(shopifyDataRequests.requestedAt, requestCutoff))
    .returning({ id: shopifyDataRequests.id });
  const payloads = await db
    .update(shopifyWebhooks)
    .set({ payload: null })
    .where(
      and(
        isNotNull(shopifyWebhooks.payload),
        lte(shopifyWebhooks.receivedAt, expiryCutoff(now, MAX_RETENTION_DAYS)),
      ),
    )
    .returning({ id: shopifyWebhooks.id });
  await purgeSignInThrottles(db, now);
  return { dataRequests: requests.length, webhookPayloads: payloads.length };
}
