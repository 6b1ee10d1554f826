import escapeHtml from 'escape-html';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { StaffContext } from '../auth/sessions.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { PageHead } from '../http/static-admin.ts';
import { JOB } from '../jobs/types.ts';
import { dataRequestRoutes } from './data-request-routes.ts';
import { shopifyOauthRoutes } from './oauth-routes.ts';
import { sessionTokenVerifier } from './session-token.ts';
import { createShopifyApp, type ShopifyApp, sanitizeShopDomain } from './shopify-app.ts';
import { SHOPIFY_WEBHOOK_POLICY, shopifyWebhookJob } from './webhook-job.ts';
import { shopifyWebhookRoutes } from './webhook-routes.ts';

export type ShopifyWiring = {
  app: ShopifyApp | null;
  /** For the staff auth plugin: `Authorization: Bearer <session token>`; undefined when not configured. */
  verifySessionToken?: (token: string) => Promise<StaffContext | null>;
  /** OAuth install, webhooks and the data-request admin routes. */
  routes: FastifyPluginAsync;
  /** App Bridge for admin pages opened inside Shopify's admin (`?shop=…&host=…`). */
  pageHead: PageHead;
};

/**
 * The Shopify app's parts: the library object (when configured), the webhook job handler, the routes, and
 * what the auth plugin and the admin page need. Routes answer 503 `shopify_not_configured` without config.
 */
export async function wireShopify(
  app: FastifyInstance,
  deps: { db: Db; config: Config },
): Promise<ShopifyWiring> {
  const { db, config } = deps;
  const shopify = config.shopify ? await createShopifyApp(config.shopify, app.log) : null;
  app.jobs.work(JOB.shopifyWebhook, shopifyWebhookJob({ db, log: app.log }), SHOPIFY_WEBHOOK_POLICY);
  const routes: FastifyPluginAsync = async (scope) => {
    const common = { db, shopify };
    await scope.register(shopifyOauthRoutes, {
      ...common,
      encryptionKey: config.encryptionKey,
      secureCookies: config.secureCookies,
    });
    await scope.register(shopifyWebhookRoutes, { ...common, jobs: app.jobs });
    await scope.register(dataRequestRoutes, { db });
  };
  return {
    app: shopify,
    verifySessionToken: shopify ? sessionTokenVerifier(db, shopify) : undefined,
    routes,
    pageHead: (req) => (shopify ? embeddedHead(shopify, req) : null),
  };
}

const APP_BRIDGE = 'https://cdn.shopify.com/shopifycloud/app-bridge.js';

/**
 * Shopify opens the app in its admin as `<page>?shop=…&host=…`: the page then loads App Bridge (the first
 * script, as Shopify requires) and may be framed by that shop's admin only. Other page loads are untouched.
 */
function embeddedHead(shopify: ShopifyApp, req: FastifyRequest) {
  const query = req.query as Record<string, unknown>;
  const shop = sanitizeShopDomain(shopify.api, query.shop);
  const host = typeof query.host === 'string' ? shopify.api.utils.sanitizeHost(query.host) : null;
  if (!shop || !host) return null;
  const csp = [
    "default-src 'self'",
    "script-src 'self' https://cdn.shopify.com",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https://cdn.shopify.com",
    "connect-src 'self' https://*.shopify.com https://*.shopifysvc.com",
    `frame-ancestors https://${shop} https://admin.shopify.com`,
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
  return {
    html: `<meta name="shopify-api-key" content="${escapeHtml(shopify.config.apiKey)}" />\n<script src="${APP_BRIDGE}"></script>`,
    headers: { 'content-security-policy': csp },
  };
}
