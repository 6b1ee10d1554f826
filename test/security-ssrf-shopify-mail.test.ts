import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, shopifyOauthStates } from '../src/db/schema/index.ts';
import { createEmailApp, type EmailApp } from './helpers/email-app.ts';
import { login, newShop } from './helpers/factories.ts';
import { type FakeGraph, GRAPH_MAILBOX, insertOutlookChannel, startFakeGraph } from './helpers/fake-graph.ts';
import {
  createShopifyTestApp,
  type FakeShopify,
  type ShopifyTestApp,
  signQuery,
  startFakeShopify,
} from './helpers/shopify-app.ts';
import { startTrap, type Trap } from './helpers/trap-server.ts';
import { until } from './helpers/until.ts';

/**
 * SSRF through targets that come from outside a shop's settings (the overview: helpers/ssrf.ts):
 * - Shopify OAuth token exchange: `https://<shop>` from the install's `shop` parameter, which must be a
 *   *.myshopify.com domain (checked before the HMAC and the state, so nothing is sent for any other).
 * - Outlook (Graph) and Gmail API calls: host from the channel's stored config, which no API route writes;
 *   a Graph notification only supplies a message id, which stays a path segment on that host.
 * - Inbound email: remote images, stylesheets and links in HTML mail are never fetched by the server.
 * - Not outbound targets a request can choose: SMTP (SMTP_URL, the operator's relay; recipients are email
 *   addresses), the Shopify Admin API (the installed shop's validated domain), webhooks from Shopify.
 */

describe('SSRF: Shopify install (the shop parameter names the token exchange host)', () => {
  let t: ShopifyTestApp;
  let fake: FakeShopify;
  let trap: Trap;

  beforeAll(async () => {
    trap = await startTrap();
    fake = await startFakeShopify();
    // Every token exchange goes to the fake (SHOPIFY_API_BASE_URL): if a hostile shop got that far, it shows.
    t = await createShopifyTestApp({ apiBaseUrl: fake.baseUrl });
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
    await trap?.close();
  });

  // The install routes allow 30 requests a minute per address: each request comes from its own.
  let n = 0;
  const from = () => `203.0.${Math.floor(++n / 250)}.${(n % 250) + 1}`;
  const startInstall = (shop: string) =>
    t.app.inject({ method: 'GET', url: '/shopify/auth', query: { shop }, remoteAddress: from() });
  /** Shopify's redirect back, signed with the app's secret, with the state cookie set to the state. */
  const signedCallback = (shop: string, state: string) => {
    const query = { shop, state, code: 'auth-code-1', timestamp: String(Math.floor(Date.now() / 1000)) };
    return t.app.inject({
      method: 'GET',
      url: '/shopify/auth/callback',
      query: { ...query, hmac: signQuery(query) },
      cookies: { supportify_shopify_state: state },
      remoteAddress: from(),
    });
  };

  const hostileShops = (port: number) => [
    '127.0.0.1',
    `127.0.0.1:${port}`,
    'localhost',
    '0.0.0.0',
    '[::1]',
    '::ffff:127.0.0.1',
    '169.254.169.254',
    '10.0.0.1',
    '192.168.1.1',
    '2130706433',
    '0x7f000001',
    '0177.0.0.1',
    'metadata.google.internal',
    'evil.example',
    'myshopify.com',
    '.myshopify.com',
    'shop.myshopify.com.evil.example',
    'shop.myshopify.com@evil.example',
    `shop.myshopify.com@127.0.0.1:${port}`,
    'shop.myshopify.com:443@evil.example',
    'shop.myshopify.com%40evil.example',
    'shop.myshopify.com/.evil.example',
    'evil.example/.myshopify.com',
    'evil.example#.myshopify.com',
    'evil.example?.myshopify.com',
    'evil.example\\.myshopify.com',
    `127.0.0.1:${port}/.myshopify.com`,
    'shop.myshopify.com:8080',
    'shop.myshopify.com.',
    'shop.myshopify.io',
    'shop.shopify.com',
    '-shop.myshopify.com',
    'sh op.myshopify.com',
    'shop.myshopify.com\r\nHost: 127.0.0.1',
    'admin.shopify.com/store/../../127.0.0.1',
    'https://evil.example',
    `http://127.0.0.1:${port}`,
    'file:///etc/passwd',
    `gopher://127.0.0.1:${port}/`,
  ];

  it('refuses every shop that is not a *.myshopify.com domain, at the start and at the callback', async () => {
    const failures: unknown[] = [];
    for (const shop of hostileShops(trap.port)) {
      const start = await startInstall(shop);
      if (start.statusCode !== 400 || start.json().error?.code !== 'invalid_shop')
        failures.push({ shop, step: 'start', status: start.statusCode, location: start.headers.location });
      // A correctly signed callback (the app's own secret) naming the hostile shop.
      const back = await signedCallback(shop, 'state-0123456789');
      if (back.statusCode !== 400 || back.json().error?.code !== 'invalid_shop')
        failures.push({ shop, step: 'callback', status: back.statusCode, code: back.json().error?.code });
    }
    expect(failures).toEqual([]);
    expect(await t.db.select().from(shopifyOauthStates)).toEqual([]);
    expect(fake.seen).toEqual([]);
    expect(trap.connections()).toBe(0);
  });

  it('does exchange the code for a real *.myshopify.com shop (the fake is reachable)', async () => {
    const shop = 'ssrf-check.myshopify.com';
    const start = await startInstall(shop);
    expect(start.statusCode, start.body).toBe(302);
    const state = new URL(start.headers.location as string).searchParams.get('state') as string;
    const res = await signedCallback(shop, state);
    expect(res.statusCode, res.body).toBe(302);
    expect(fake.seen.map((r) => `${r.method} ${r.url}`)).toEqual(['POST /admin/oauth/access_token']);
  });
});

describe('SSRF: email (Graph notification ids, remote content in inbound HTML)', { timeout: 60_000 }, () => {
  let t: EmailApp;
  let graph: FakeGraph;
  let trap: Trap;
  let shopId: string;
  let cookie: string;
  let outlookChannel: string;
  const CLIENT_STATE = 'client-state-ssrf-0123456789';

  beforeAll(async () => {
    trap = await startTrap();
    t = await createEmailApp();
    graph = await startFakeGraph();
    const shop = await newShop(t.db, 'Mail shop');
    shopId = shop.shop.id;
    cookie = await login(t.app, shop.email);
    outlookChannel = await insertOutlookChannel(t.db, shopId, graph.baseUrl, CLIENT_STATE);
  });
  afterAll(async () => {
    await t?.close();
    await graph?.close();
    await trap?.close();
  });

  it('keeps a hostile Graph message id a path segment on the configured Graph host', async () => {
    const ids = [
      `http://127.0.0.1:${trap.port}/x`,
      `//127.0.0.1:${trap.port}/x`,
      `@127.0.0.1:${trap.port}`,
      `../../../../127.0.0.1:${trap.port}/x`,
      `%2e%2e%2f%2e%2e%2f127.0.0.1:${trap.port}`,
      `\\\\127.0.0.1:${trap.port}\\x`,
      `x?$url=http://127.0.0.1:${trap.port}/#frag`,
    ];
    const res = await t.app.inject({
      method: 'POST',
      url: `/webhooks/outlook?channel=${outlookChannel}`,
      payload: {
        value: ids.map((id) => ({ clientState: CLIENT_STATE, changeType: 'created', resourceData: { id } })),
      },
    });
    expect(res.statusCode, res.body).toBe(202);
    // Each id is fetched (and answered 404 by the fake) from the mailbox's own messages path only.
    await until(
      async () => ids.every((id) => graph.requests.some((r) => r.segments[4] === id)),
      'every id requested from the fake Graph',
      30_000,
    );
    for (const r of graph.requests) {
      expect(r.segments.slice(0, 4)).toEqual(['v1.0', 'users', GRAPH_MAILBOX, 'messages']);
      expect(ids).toContain(r.segments[4]);
    }
    expect(trap.connections()).toBe(0);
  });

  it('never fetches remote images, stylesheets or links of an HTML email', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/settings/channels/email',
      headers: { cookie },
      payload: { name: 'Support', inboundAddress: 'help@ssrf-mail.example' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const remote = `http://127.0.0.1:${trap.port}`;
    const html = [
      `<html><head><link rel="stylesheet" href="${remote}/style.css">`,
      `<style>@import url("${remote}/import.css"); body { background: url(${remote}/bg.png) }</style>`,
      `<meta http-equiv="refresh" content="0;url=${remote}/refresh"></head>`,
      `<body><p>Where is my order?</p><img src="${remote}/pixel.png" srcset="${remote}/2x.png 2x">`,
      `<a href="${remote}/link">link</a><iframe src="${remote}/frame"></iframe>`,
      `<video poster="${remote}/poster.png"></video><object data="${remote}/obj"></object></body></html>`,
    ].join('');
    const raw = [
      'From: Customer <customer@example.com>',
      'To: help@ssrf-mail.example',
      'Subject: Remote content',
      `Message-ID: <remote-${Date.now()}@example.com>`,
      `Date: ${new Date().toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      '',
      html,
      '',
    ].join('\r\n');
    await t.sendRaw(raw, 'help@ssrf-mail.example');
    const conversation = await until(
      async () =>
        (
          await t.db
            .select({ id: conversations.id })
            .from(conversations)
            .where(and(eq(conversations.shopId, shopId), eq(conversations.channel, 'email')))
        )[0],
      'the email stored as a conversation',
    );
    const detail = await t.app.inject({ url: `/api/conversations/${conversation.id}`, headers: { cookie } });
    expect(detail.statusCode, detail.body).toBe(200);
    await t.app.replyWorker.idle();
    expect(trap.connections()).toBe(0);
  });
});
