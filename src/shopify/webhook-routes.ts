import { createHash } from 'node:crypto';
import { and, eq, or, sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../db/client.ts';
import { SHOPIFY_WEBHOOK_TOPICS, type ShopifyWebhookTopic, shopifyWebhooks } from '../db/schema/index.ts';
import { AppError } from '../http/errors.ts';
import { JOB, type Jobs } from '../jobs/types.ts';
import { requireShopify, type ShopifyApp, sanitizeShopDomain } from './shopify-app.ts';

type Options = { db: Db; jobs: Jobs; shopify: ShopifyApp | null };

// The library names topics in storage form ("CUSTOMERS_REDACT"); ours are Shopify's ("customers/redact").
const TOPICS = new Map<string, ShopifyWebhookTopic>(
  SHOPIFY_WEBHOOK_TOPICS.map((t) => [t.toUpperCase().replace(/\//g, '_'), t]),
);

/** Queues the processing of a stored webhook; a repeat for the same row is dropped while the first is kept. */
export const queueWebhook = (jobs: Jobs, rowId: string) =>
  jobs.send(JOB.shopifyWebhook, { webhookRowId: rowId }, { onceKey: rowId });

/**
 * `POST /webhooks/shopify`: verifies the HMAC over the raw body (the library's check), stores the webhook
 * (deduplicated by webhook id, event id and body), queues its processing and answers 200. A duplicate also
 * answers 200 and changes nothing; it only re-queues a stored webhook that was never processed.
 */
export const shopifyWebhookRoutes: FastifyPluginAsync<Options> = async (app, { db, jobs, shopify }) => {
  // The body is needed exactly as sent (the HMAC covers its bytes): every content type is kept as a string.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.post('/webhooks/shopify', { schema: { tags: ['shopify'] } }, async (req, reply) => {
    const api = requireShopify(shopify).api;
    const rawBody = typeof req.body === 'string' ? req.body : '';
    const check = await api.webhooks.validate({ rawBody, rawRequest: req.raw, rawResponse: reply.raw });
    if (!check.valid) {
      if (check.reason === 'missing_hmac' || check.reason === 'invalid_hmac') {
        throw new AppError(401, 'invalid_hmac', 'The webhook signature is missing or does not verify');
      }
      throw new AppError(400, 'invalid_webhook', `Webhook refused: ${check.reason}`);
    }
    const shopDomain = sanitizeShopDomain(api, check.domain);
    if (!shopDomain)
      throw new AppError(400, 'invalid_webhook', 'The shop domain is not a *.myshopify.com domain');
    const topic = TOPICS.get(check.topic);
    // Topics we do not subscribe to are acknowledged and dropped.
    if (!topic) return { ok: true, ignored: true };
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(rawBody);
    } catch {
      throw new AppError(400, 'invalid_webhook', 'The webhook body is not JSON');
    }
    const eventId = 'eventId' in check && check.eventId ? check.eventId : null;
    const bodySha256 = createHash('sha256').update(rawBody).digest('hex');
    const [stored] = await db
      .insert(shopifyWebhooks)
      .values({
        shopId: sql`(select id from shops where shopify_domain = ${shopDomain})`,
        shopDomain,
        topic,
        webhookId: check.webhookId,
        eventId,
        bodySha256,
        payload,
      })
      .onConflictDoNothing()
      .returning({ id: shopifyWebhooks.id });
    if (stored) {
      await queueWebhook(jobs, stored.id);
      return { ok: true };
    }
    // Seen before: a retry, the same event again, or a replayed body.
    const [seen] = await db
      .select({ id: shopifyWebhooks.id, processedAt: shopifyWebhooks.processedAt })
      .from(shopifyWebhooks)
      .where(
        or(
          eq(shopifyWebhooks.webhookId, check.webhookId),
          eventId ? and(eq(shopifyWebhooks.topic, topic), eq(shopifyWebhooks.eventId, eventId)) : undefined,
          and(
            eq(shopifyWebhooks.topic, topic),
            eq(shopifyWebhooks.shopDomain, shopDomain),
            eq(shopifyWebhooks.bodySha256, bodySha256),
          ),
        ),
      )
      .limit(1);
    if (seen && !seen.processedAt) await queueWebhook(jobs, seen.id);
    return { ok: true, duplicate: true };
  });
};
