import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestampMs } from './columns.ts';
import { shops } from './shops.ts';

/**
 * A shop's installation of the Shopify app (the shop's `shopify_domain` links it to the store). The offline
 * access token is stored AES-256-GCM encrypted (src/shopify/token-crypto.ts) and removed on uninstall.
 */
export const shopifyInstalls = pgTable(
  'shopify_installs',
  {
    shopId: uuid('shop_id')
      .primaryKey()
      .references(() => shops.id, { onDelete: 'cascade' }),
    status: text('status').$type<'installed' | 'uninstalled'>().notNull(),
    // "v1.<iv>.<tag>.<ciphertext>" (base64url); null once uninstalled.
    accessTokenEncrypted: text('access_token_encrypted'),
    scopes: text('scopes').notNull().default(''),
    installedAt: timestampMs('installed_at').notNull().defaultNow(),
    uninstalledAt: timestampMs('uninstalled_at'),
    updatedAt: timestampMs('updated_at').notNull().defaultNow(),
  },
  (t) => [check('shopify_installs_status_ck', sql`${t.status} in ('installed','uninstalled')`)],
);

/**
 * OAuth `state` values handed out by `GET /shopify/auth`: bound to the shop, expiring, deleted when used.
 * No shop_id: the shop may not exist yet.
 */
export const shopifyOauthStates = pgTable(
  'shopify_oauth_states',
  {
    // sha256 of the state (the browser holds the value in a cookie and Shopify echoes it).
    stateHash: text('state_hash').primaryKey(),
    shopDomain: text('shop_domain').notNull(),
    expiresAt: timestampMs('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('shopify_oauth_states_expires_idx').on(t.expiresAt)],
);

export const SHOPIFY_WEBHOOK_TOPICS = [
  'app/uninstalled',
  'customers/data_request',
  'customers/redact',
  'shop/redact',
] as const;
export type ShopifyWebhookTopic = (typeof SHOPIFY_WEBHOOK_TOPICS)[number];

/**
 * Every verified webhook, stored before it is acknowledged and processed by a job. The unique keys make a
 * retry (same webhook id), the same event delivered twice (event id) and a replayed body each a no-op.
 * The payload (it may hold customer details) is cleared once processed; the row stays for deduplication.
 */
export const shopifyWebhooks = pgTable(
  'shopify_webhooks',
  {
    id: id(),
    // Set null when shop/redact deletes the shop: the row still answers replays.
    shopId: uuid('shop_id').references(() => shops.id, { onDelete: 'set null' }),
    shopDomain: text('shop_domain').notNull(),
    topic: text('topic').$type<ShopifyWebhookTopic>().notNull(),
    webhookId: text('webhook_id').notNull(),
    eventId: text('event_id'),
    bodySha256: text('body_sha256').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>(),
    receivedAt: createdAt(),
    processedAt: timestampMs('processed_at'),
    // What processing did (counts, or why nothing was done).
    outcome: jsonb('outcome').$type<Record<string, unknown>>(),
  },
  (t) => [
    uniqueIndex('shopify_webhooks_webhook_id_uq').on(t.webhookId),
    uniqueIndex('shopify_webhooks_event_id_uq').on(t.topic, t.eventId).where(sql`${t.eventId} is not null`),
    uniqueIndex('shopify_webhooks_body_uq').on(t.topic, t.shopDomain, t.bodySha256),
    index('shopify_webhooks_received_idx').on(t.receivedAt),
  ],
);

export const DATA_REQUEST_STATUSES = ['pending', 'ready', 'failed'] as const;
export type DataRequestStatus = (typeof DATA_REQUEST_STATUSES)[number];

/** A customer's data export asked for by Shopify (customers/data_request), kept for the merchant. */
export const shopifyDataRequests = pgTable(
  'shopify_data_requests',
  {
    id: id(),
    shopId: uuid('shop_id')
      .notNull()
      .references(() => shops.id, { onDelete: 'cascade' }),
    // The webhook it came from: a re-run of the job finds the same row.
    webhookRowId: uuid('webhook_row_id').references(() => shopifyWebhooks.id, { onDelete: 'set null' }),
    shopifyRequestId: text('shopify_request_id'),
    customerEmail: text('customer_email'),
    shopifyCustomerId: text('shopify_customer_id'),
    status: text('status').$type<DataRequestStatus>().notNull().default('pending'),
    // The export as a JSON document (conversations with messages and tool calls, tickets, emails).
    document: text('document'),
    conversationCount: integer('conversation_count').notNull().default(0),
    ticketCount: integer('ticket_count').notNull().default(0),
    error: text('error'),
    requestedAt: createdAt(),
    completedAt: timestampMs('completed_at'),
  },
  (t) => [
    uniqueIndex('shopify_data_requests_webhook_uq').on(t.webhookRowId),
    index('shopify_data_requests_shop_idx').on(t.shopId, t.requestedAt),
    check('shopify_data_requests_status_ck', sql`${t.status} in ('pending','ready','failed')`),
  ],
);
