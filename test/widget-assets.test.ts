import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import helmet from '@fastify/helmet';
import { eq } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIDGET_SCRIPT, widgetAssetRoutes } from '../src/channels/widget/assets-routes.ts';
import { shops, storeProducts } from '../src/db/schema/index.ts';
import { newShop } from './helpers/factories.ts';
import { expectError } from './helpers/http.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

const SHOP_NAME = `Fjord & "Fells" <Outfitters>`;
const NASTY_TITLE = '<img src=x onerror="alert(1)"> Sweater';

describe('widget assets: /widget.js and the /demo storefront', () => {
  let t: TestApp;
  let widgetKey: string;

  beforeAll(async () => {
    t = await createTestApp();
    const { shop } = await newShop(t.db, SHOP_NAME);
    // A later shop must not be the one the demo page shows.
    await newShop(t.db, 'Second shop');
    const [row] = await t.db.select({ widgetKey: shops.widgetKey }).from(shops).where(eq(shops.id, shop.id));
    widgetKey = row.widgetKey;
    await t.db.insert(storeProducts).values([
      {
        shopId: shop.id,
        title: 'Hardanger Wool Sweater',
        handle: 'hardanger',
        priceCents: 16900,
        inventory: 3,
      },
      { shopId: shop.id, title: NASTY_TITLE, handle: 'nasty', priceCents: 1250, inventory: 0 },
    ]);
  });
  afterAll(() => t.close());

  it('serves the built widget script so any store can load it: JS type, cross-origin CORP, 5-minute cache', async () => {
    expect(fs.existsSync(WIDGET_SCRIPT), 'dist/widget/widget.js is built by `npm test`').toBe(true);
    const res = await t.app.inject({ method: 'GET', url: '/widget.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/javascript/);
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).toBe(fs.readFileSync(WIDGET_SCRIPT, 'utf8'));
    // Public: no session needed, and no cookie set.
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('renders the demo storefront for the first shop, embedding the widget with its key, values escaped', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/demo' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const html = res.body;
    expect(html).toContain(`<script src="/widget.js" data-widget-key="${widgetKey}" async></script>`);
    // Escaped shop name and product title; none of it raw.
    expect(html).toContain('Fjord &amp; &quot;Fells&quot; &lt;Outfitters&gt;');
    expect(html).not.toContain(SHOP_NAME);
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; Sweater');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('Second shop');
    // Product tiles with prices, sold-out marked.
    expect(html).toContain('Hardanger Wool Sweater');
    expect(html).toContain('$169.00');
    expect(html).toContain('Sold out');
    // The only script is the widget file: no inline scripts, which the CSP forbids anyway.
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-eval');
  });
});

describe('widget script serving (standalone)', () => {
  let dir: string;
  let app: FastifyInstance;
  let missing: FastifyInstance;
  const SCRIPT = '(function(){/* widget */console.log("hello from the widget")})();\n'.repeat(50);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'supportify-widget-'));
    fs.writeFileSync(path.join(dir, 'widget.js'), SCRIPT);
    const db = {} as never;
    app = Fastify();
    await app.register(helmet);
    await app.register(widgetAssetRoutes, { db, widgetScriptPath: path.join(dir, 'widget.js') });
    missing = Fastify();
    await missing.register(helmet);
    await missing.register(widgetAssetRoutes, { db, widgetScriptPath: path.join(dir, 'nope.js') });
  });
  afterAll(async () => {
    await app.close();
    await missing.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers 404 with the error shape when the widget is not built', async () => {
    expectError(await missing.inject({ method: 'GET', url: '/widget.js' }), 404, 'not_found');
  });

  it('gzips for clients that accept it, and revalidates with an ETag', async () => {
    const zipped = await app.inject({
      method: 'GET',
      url: '/widget.js',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(zipped.statusCode).toBe(200);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toContain('accept-encoding');
    expect(zipped.rawPayload.length).toBeLessThan(SCRIPT.length / 5);
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(SCRIPT);
    const etag = String(zipped.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);

    const again = await app.inject({ method: 'GET', url: '/widget.js', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    // A rebuild changes the ETag.
    fs.writeFileSync(path.join(dir, 'widget.js'), `${SCRIPT}// v2\n`);
    fs.utimesSync(path.join(dir, 'widget.js'), new Date(), new Date(Date.now() + 5000));
    const rebuilt = await app.inject({
      method: 'GET',
      url: '/widget.js',
      headers: { 'if-none-match': etag },
    });
    expect(rebuilt.statusCode).toBe(200);
    expect(rebuilt.body.endsWith('// v2\n')).toBe(true);
    expect(rebuilt.headers.etag).not.toBe(etag);
  });
});
