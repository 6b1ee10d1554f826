import { eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.ts';
import { shopifyDataRequests, shopifyInstalls, shopifyWebhooks, shops } from '../db/schema/index.ts';
import type { JobHandler, JobPolicy } from '../jobs/types.ts';
import { buildCustomerExport, redactCustomer, redactShop } from './customer-data.ts';
import { markUninstalled } from './install.ts';

export const SHOPIFY_WEBHOOK_POLICY: JobPolicy = {
  retryLimit: 4,
  retryDelay: 10,
  retryDelayMax: 600,
  expireInSeconds: 600,
  concurrency: 1,
};
// Processed webhooks are kept this long to recognise retries and replays, then pruned.
const KEEP_PROCESSED_DAYS = 90;

type Row = typeof shopifyWebhooks.$inferSelect;
type Customer = { id?: unknown; email?: unknown };
type Outcome = Record<string, unknown>;

const text = (value: unknown) =>
  typeof value === 'string' && value ? value : typeof value === 'number' ? String(value) : null;

/**
 * Processes one stored webhook: app/uninstalled revokes the token, the compliance topics export or delete the
 * customer's data or the whole shop. Marked processed (payload cleared) after the work; a crash in between
 * re-runs the work, which is idempotent (deletes find nothing more; the export row is keyed by webhook).
 */
export function shopifyWebhookJob(deps: { db: Db; log: FastifyBaseLogger }): JobHandler {
  const { db, log } = deps;
  return async (data, context) => {
    const rowId = String(data.webhookRowId);
    const [row] = await db.select().from(shopifyWebhooks).where(eq(shopifyWebhooks.id, rowId)).limit(1);
    if (!row || row.processedAt) return;
    const [shop] = await db
      .select({ id: shops.id, status: shopifyInstalls.status })
      .from(shops)
      .leftJoin(shopifyInstalls, eq(shopifyInstalls.shopId, shops.id))
      .where(eq(shops.shopifyDomain, row.shopDomain))
      .limit(1);
    let outcome: Outcome;
    try {
      outcome = shop ? await processTopic(db, row, shop) : { skipped: 'unknown shop' };
    } catch (err) {
      if (context.final && row.topic === 'customers/data_request') {
        await db
          .update(shopifyDataRequests)
          .set({ status: 'failed', error: (err as Error).message.slice(0, 500) })
          .where(eq(shopifyDataRequests.webhookRowId, row.id));
      }
      throw err;
    }
    await db
      .update(shopifyWebhooks)
      .set({ processedAt: sql`now()`, payload: null, outcome })
      .where(eq(shopifyWebhooks.id, row.id));
    log.info({ topic: row.topic, shopDomain: row.shopDomain, outcome }, 'Shopify webhook processed');
    await db.execute(
      sql`delete from shopify_webhooks where processed_at < now() - ${KEEP_PROCESSED_DAYS} * interval '1 day'`,
    );
  };
}

async function processTopic(db: Db, row: Row, shop: { id: string; status: string | null }): Promise<Outcome> {
  const payload = row.payload ?? {};
  const customer = (payload.customer ?? {}) as Customer;
  const email = text(customer.email);
  switch (row.topic) {
    case 'app/uninstalled':
      return { uninstalled: await markUninstalled(db, shop.id) };
    case 'customers/redact':
      return email ? await redactCustomer(db, shop.id, email) : { skipped: 'no customer email' };
    case 'customers/data_request':
      return exportCustomer(db, row, shop.id, email, text(customer.id));
    case 'shop/redact':
      // Shopify sends this 48 h after an uninstall unless the shop came back; a reinstalled shop keeps its data.
      if (shop.status === 'installed') return { skipped: 'shop is installed' };
      return redactShop(db, shop.id);
  }
}

async function exportCustomer(
  db: Db,
  row: Row,
  shopId: string,
  email: string | null,
  shopifyCustomerId: string | null,
): Promise<Outcome> {
  const requestId = text((row.payload?.data_request as { id?: unknown } | undefined)?.id);
  await db
    .insert(shopifyDataRequests)
    .values({
      shopId,
      webhookRowId: row.id,
      shopifyRequestId: requestId,
      customerEmail: email,
      shopifyCustomerId,
    })
    .onConflictDoNothing();
  const built = await buildCustomerExport(db, shopId, {
    email,
    shopifyCustomerId,
    shopDomain: row.shopDomain,
    requestId,
  });
  const [saved] = await db
    .update(shopifyDataRequests)
    .set({
      status: 'ready',
      document: built.document,
      conversationCount: built.conversations,
      ticketCount: built.tickets,
      error: null,
      completedAt: sql`now()`,
    })
    .where(eq(shopifyDataRequests.webhookRowId, row.id))
    .returning({ id: shopifyDataRequests.id });
  return { dataRequestId: saved?.id ?? null, conversations: built.conversations, tickets: built.tickets };
}
