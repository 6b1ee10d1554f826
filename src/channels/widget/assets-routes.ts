import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { FastifyPluginAsync } from 'fastify';
import { renderDemoPage } from '../../../web/widget/demo/render-demo-page.ts';
import type { Db } from '../../db/client.ts';
import { shops, storeProducts } from '../../db/schema/index.ts';
import { errorBody } from '../../http/errors.ts';

export const WIDGET_SCRIPT = fileURLToPath(new URL('../../../dist/widget/widget.js', import.meta.url));
const DEMO_TILES = 8;

type Options = {
  db: Db;
  /** The built widget script; tests point it elsewhere. */
  widgetScriptPath?: string;
};

type BuiltScript = { mtimeMs: number; body: Buffer; gzipped: Buffer; etag: string };

// The demo page loads only its own script and styles; product pictures may come from the store's CDN.
const DEMO_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
  "object-src 'none'",
].join('; ');

/**
 * The embeddable widget script at `/widget.js` (loadable from any store's domain) and a demo storefront
 * at `/demo` that embeds it for the first shop. Both are public.
 */
export const widgetAssetRoutes: FastifyPluginAsync<Options> = async (app, { db, widgetScriptPath }) => {
  const scriptPath = widgetScriptPath ?? WIDGET_SCRIPT;
  let cached: BuiltScript | null = null;

  // Re-read only when a rebuild changed the file; gzip once per build.
  async function loadScript(): Promise<BuiltScript | null> {
    const stat = await fs.stat(scriptPath).catch(() => null);
    if (!stat) return null;
    if (cached?.mtimeMs === stat.mtimeMs) return cached;
    const body = await fs.readFile(scriptPath);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    cached = { mtimeMs: stat.mtimeMs, body, gzipped: gzipSync(body, { level: 9 }), etag };
    return cached;
  }

  app.get(
    '/widget.js',
    {
      schema: { hide: true },
      // Helmet's default `same-origin` would stop other sites' pages from loading the script.
      helmet: { crossOriginResourcePolicy: { policy: 'cross-origin' } },
    },
    async (req, reply) => {
      const script = await loadScript();
      if (!script) {
        return reply.status(404).send(errorBody('not_found', 'The widget is not built; run `npm run build`'));
      }
      reply
        .header('content-type', 'application/javascript; charset=utf-8')
        .header('cross-origin-resource-policy', 'cross-origin')
        .header('access-control-allow-origin', '*')
        .header('cache-control', 'public, max-age=300')
        .header('etag', script.etag)
        .header('vary', 'accept-encoding');
      if (req.headers['if-none-match'] === script.etag) return reply.status(304).send();
      if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        return reply.header('content-encoding', 'gzip').send(script.gzipped);
      }
      return reply.send(script.body);
    },
  );

  app.get(
    '/demo',
    {
      schema: { hide: true },
      helmet: { contentSecurityPolicy: false },
    },
    async (_req, reply) => {
      const [shop] = await db
        .select({ id: shops.id, name: shops.name, widgetKey: shops.widgetKey })
        .from(shops)
        .orderBy(asc(shops.createdAt), asc(shops.id))
        .limit(1);
      if (!shop) return reply.status(404).send(errorBody('not_found', 'There is no shop yet'));
      const products = await db
        .select({
          title: storeProducts.title,
          handle: storeProducts.handle,
          priceCents: storeProducts.priceCents,
          currency: storeProducts.currency,
          tags: storeProducts.tags,
          inventory: storeProducts.inventory,
        })
        .from(storeProducts)
        .where(eq(storeProducts.shopId, shop.id))
        .orderBy(desc(sql`'bestseller' = any(${storeProducts.tags})`), asc(storeProducts.createdAt))
        .limit(DEMO_TILES);
      const html = renderDemoPage({
        shopName: shop.name,
        widgetKey: shop.widgetKey,
        products: products.map((p) => ({ ...p, inStock: p.inventory > 0 })),
      });
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-security-policy', DEMO_CSP)
        .send(html);
    },
  );
};
