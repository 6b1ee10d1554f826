import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, conversations, replyJobs, shopifyOauthStates, shops } from '../src/db/schema/index.ts';
import { getShopSettings, saveSettingsSection } from '../src/settings/shop-settings.ts';
import { createEmailApp, type EmailApp } from './helpers/email-app.ts';
import { login, newShop } from './helpers/factories.ts';
import { type FakeGraph, GRAPH_MAILBOX, GRAPH_TOKEN, startFakeGraph } from './helpers/fake-graph.ts';
import {
  createShopifyTestApp,
  type FakeShopify,
  type ShopifyTestApp,
  signQuery,
  startFakeShopify,
} from './helpers/shopify-app.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';
import { startTrap, type Trap } from './helpers/trap-server.ts';
import { until } from './helpers/until.ts';

/**
 * SSRF (issue 8): every outbound request whose target a shop's staff, a customer, an email or a webhook can
 * influence, driven through the real HTTP API with hostile targets. Each target is refused when saved
 * (400 with a specific code, nothing stored) and, for whatever is already stored, never connected to: a
 * trap server on 127.0.0.1 counts every TCP connection and must count none.
 *
 * The outbound requests, and who chooses where they go:
 * - AI provider base URL (Settings → AI; openai-compatible, openai and anthropic all take one): the shop.
 *   Public https only unless the operator sets SUPPORTIFY_AI_ALLOW_PRIVATE_URLS=1 (a local model); checked
 *   on save and again at connect time (DNS rebinding); redirects never followed; the environment's API
 *   keys never go to a shop's base URL.
 * - Slack webhook (Settings → Notifications, and its "send test"): the shop. Same rules, https always.
 * - Shopify OAuth token exchange: `https://<shop>` from the install's `shop` parameter, which must be a
 *   *.myshopify.com domain (checked before the HMAC and the state, so nothing is sent for any other).
 * - Outlook (Graph) and Gmail API calls: host from the channel's stored config, which no API route writes;
 *   a Graph notification only supplies a message id, which stays a path segment on that host.
 * - Inbound email: remote images, stylesheets and links in HTML mail are never fetched by the server.
 * - Not outbound targets a request can choose: SMTP (SMTP_URL, the operator's relay; recipients are email
 *   addresses), the Shopify Admin API (the installed shop's validated domain), webhooks from Shopify.
 */

/** Fixed DNS answers (no real lookups). "Public" answers are never connected to by these tests. */
const PUBLIC_IP = '34.117.59.81';
const dns: Record<string, string[]> = {
  'llm.public.example': [PUBLIC_IP],
  'hooks.public.example': [PUBLIC_IP],
  'rebind.example.com': ['127.0.0.1'],
  'metadata.rebind.example': ['169.254.169.254'],
  'mixed.example.com': [PUBLIC_IP, '10.0.0.7'],
  'v6private.example.com': ['fd12::1'],
  'mapped.example.com': ['::ffff:127.0.0.1'],
  'cgnat.example.com': ['100.64.1.1'],
  // Public when saved; flipped to loopback before anything is sent (DNS rebinding).
  'flip.example.com': [PUBLIC_IP],
};
const resolveHost = async (host: string) => {
  const found = dns[host];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return found;
};

/** URLs no shop may make the server reach; `port` is the trap's, so a connection would be counted. */
function hostileUrls(port: number, scheme: 'http' | 'https' = 'https'): string[] {
  return [
    // Loopback, every spelling.
    `http://127.0.0.1:${port}/v1`,
    `https://127.0.0.1:${port}/v1`,
    `${scheme}://localhost:${port}/v1`,
    `${scheme}://LOCALHOST.:${port}/v1`,
    `${scheme}://api.localhost/v1`,
    `${scheme}://0.0.0.0:${port}/v1`,
    `${scheme}://[::1]:${port}/v1`,
    `${scheme}://[::]:${port}/v1`,
    `${scheme}://[::ffff:127.0.0.1]:${port}/v1`,
    `${scheme}://[::ffff:7f00:1]:${port}/v1`,
    `${scheme}://[0:0:0:0:0:ffff:127.0.0.1]:${port}/v1`,
    // Decimal, hex, octal and short IPv4 forms of 127.0.0.1, 169.254.169.254 and 192.168.1.1.
    `${scheme}://2130706433:${port}/v1`,
    `${scheme}://0x7f000001:${port}/v1`,
    `${scheme}://0177.0.0.1:${port}/v1`,
    `${scheme}://0x7f.0.0.1:${port}/v1`,
    `${scheme}://127.1:${port}/v1`,
    `${scheme}://2852039166/latest/meta-data/`,
    `${scheme}://0xa9fea9fe/latest/meta-data/`,
    `${scheme}://3232235777/v1`,
    // Cloud metadata.
    'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
    'https://169.254.169.254/latest/meta-data/',
    'https://[fd00:ec2::254]/latest/meta-data/',
    'https://[::ffff:a9fe:a9fe]/latest/meta-data/',
    'https://metadata.google.internal/computeMetadata/v1/',
    'https://metadata/computeMetadata/v1/',
    // Private, shared and link-local ranges.
    'https://10.0.0.1/v1',
    'https://10.255.255.254/v1',
    'https://172.16.0.1/v1',
    'https://172.31.255.254/v1',
    'https://192.168.1.10/v1',
    'https://100.64.0.1/v1',
    'https://100.127.255.254/v1',
    'https://[fc00::1]/v1',
    'https://[fd12:3456::1]/v1',
    'https://[fe80::1]/v1',
    'https://[fe80::1%25eth0]/v1',
    'https://224.0.0.1/v1',
    'https://255.255.255.255/v1',
    // Unusual ports on internal hosts (SSH, SMTP, Redis, PostgreSQL, the Docker API).
    'https://127.0.0.1:22/',
    'https://192.168.0.1:25/',
    'https://10.0.0.5:6379/',
    'https://[::1]:5432/',
    'https://172.17.0.1:2375/containers/json',
    // Internal names.
    'https://ollama/v1',
    'https://printer.local/v1',
    'https://intranet.corp.lan/v1',
    'https://router.home.arpa/v1',
    'https://vault.internal/v1',
    // Names that resolve inside (or not at all).
    `${scheme}://rebind.example.com:${port}/v1`,
    'https://metadata.rebind.example/latest/meta-data/',
    'https://mixed.example.com/v1',
    'https://v6private.example.com/v1',
    'https://mapped.example.com/v1',
    'https://cgnat.example.com/v1',
    'https://nxdomain.example.com/v1',
    // Other schemes.
    'file:///etc/passwd',
    `gopher://127.0.0.1:${port}/_GET%20/`,
    'ftp://llm.public.example/v1',
    `dict://127.0.0.1:${port}/stat`,
    'ws://llm.public.example/v1',
    'javascript:alert(1)',
    'data:text/plain,hello',
    // Credentials in the URL.
    'https://user:pass@llm.public.example/v1',
    'https://sk-secret@llm.public.example/v1',
    // Plain http to a public host (a key would travel in the clear; and https is the rule).
    'http://llm.public.example/v1',
  ];
}

/** A widget conversation with one customer message; resolves once this process's reply attempt is over. */
async function customerAsks(app: FastifyInstance, widgetKey: string, n: number): Promise<string> {
  const started = await app.inject({
    method: 'POST',
    url: '/widget/v1/conversations',
    payload: { widgetKey },
    remoteAddress: `198.51.100.${n}`,
  });
  expect(started.statusCode, started.body).toBe(201);
  const { conversationId, token } = started.json();
  const posted = await app.inject({
    method: 'POST',
    url: `/widget/v1/conversations/${conversationId}/messages`,
    headers: { authorization: `Bearer ${token}` },
    payload: { text: 'Do you have a wool sweater?' },
  });
  expect(posted.statusCode, posted.body).toBe(202);
  await app.replyWorker.idle();
  return conversationId;
}

/** The reply job left behind by a failed attempt (null once a reply was stored). */
async function replyJob(t: TestApp, conversationId: string) {
  const [row] = await t.db
    .select({ attempts: replyJobs.attempts })
    .from(replyJobs)
    .where(eq(replyJobs.conversationId, conversationId));
  return row ?? null;
}

async function widgetKeyOf(t: { db: TestApp['db'] }, shopId: string) {
  const [row] = await t.db.select({ widgetKey: shops.widgetKey }).from(shops).where(eq(shops.id, shopId));
  return row.widgetKey;
}

describe('SSRF: shop-chosen outbound targets (AI base URL, Slack webhook), strict server', () => {
  let t: TestApp;
  let trap: Trap;
  let cookie: string;
  let shopId: string;
  let widgetKey: string;
  let n = 0;

  beforeAll(async () => {
    trap = await startTrap();
    t = await createTestApp({
      app: {
        ai: { resolveHost },
        notifications: { resolveHost, allowLoopbackWebhooks: false },
      },
    });
    const shop = await newShop(t.db, 'SSRF shop');
    shopId = shop.shop.id;
    cookie = await login(t.app, shop.email);
    widgetKey = await widgetKeyOf(t, shopId);
  });
  afterAll(async () => {
    await t?.close();
    await trap?.close();
  });

  const put = (url: string, payload: unknown) =>
    t.app.inject({ method: 'PUT', url, headers: { cookie }, payload: payload as object });

  it.each(['openai-compatible', 'openai', 'anthropic'])(
    'refuses every hostile AI base URL for %s with ai_base_url_not_allowed and stores nothing',
    async (provider) => {
      const before = await getShopSettings(t.db, shopId);
      const accepted: unknown[] = [];
      for (const baseUrl of hostileUrls(trap.port)) {
        const res = await put('/api/settings/ai', { provider, model: 'm-1', baseUrl, apiKey: 'sk-shop' });
        const code = res.json().error?.code;
        // What is not a URL at all (an IPv6 zone id) fails the body's own URL check first.
        const expected = URL.canParse(baseUrl) ? 'ai_base_url_not_allowed' : 'invalid_request';
        if (res.statusCode !== 400 || code !== expected)
          accepted.push({ baseUrl, status: res.statusCode, code });
      }
      expect(accepted).toEqual([]);
      expect(await getShopSettings(t.db, shopId)).toEqual(before);
      expect(trap.connections()).toBe(0);
    },
  );

  it('accepts a public https base URL (the check is not a blanket refusal)', async () => {
    const res = await put('/api/settings/ai', {
      provider: 'openai-compatible',
      model: 'm-1',
      baseUrl: 'https://llm.public.example/v1',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().baseUrl).toBe('https://llm.public.example/v1');
    // Back to the offline model; a kept base URL is checked again on every save.
    await saveSettingsSection(t.db, shopId, 'ai', {
      provider: 'offline',
      model: 'supportify-offline-1',
      baseUrl: null,
      apiKey: null,
    });
  });

  it('refuses a stored hostile base URL that a later save would keep', async () => {
    await saveSettingsSection(t.db, shopId, 'ai', {
      provider: 'openai-compatible',
      model: 'm-1',
      baseUrl: `http://127.0.0.1:${trap.port}/v1`,
      apiKey: null,
    });
    const before = await getShopSettings(t.db, shopId);
    const res = await put('/api/settings/ai', { provider: 'openai-compatible', model: 'm-2' });
    expect([res.statusCode, res.json().error?.code]).toEqual([400, 'ai_base_url_not_allowed']);
    expect(await getShopSettings(t.db, shopId)).toEqual(before);
  });

  it('never connects to a hostile base URL already stored (saved before the check, or written directly)', async () => {
    const stored = [
      { provider: 'openai-compatible' as const, baseUrl: `http://127.0.0.1:${trap.port}/v1` },
      { provider: 'openai-compatible' as const, baseUrl: `http://0x7f000001:${trap.port}/v1` },
      { provider: 'openai' as const, baseUrl: `https://[::ffff:127.0.0.1]:${trap.port}/v1` },
      { provider: 'anthropic' as const, baseUrl: `http://localhost:${trap.port}/v1` },
      // A name resolving to loopback: refused inside the connection's own DNS lookup.
      { provider: 'openai-compatible' as const, baseUrl: `https://rebind.example.com:${trap.port}/v1` },
      { provider: 'openai' as const, baseUrl: `https://mapped.example.com:${trap.port}/v1` },
      // No base URL: openai-compatible defaults to a local Ollama (loopback), refused too.
      { provider: 'openai-compatible' as const, baseUrl: null },
    ];
    for (const ai of stored) {
      await saveSettingsSection(t.db, shopId, 'ai', { ...ai, model: 'm-1', apiKey: 'sk-shop' });
      const conversationId = await customerAsks(t.app, widgetKey, ++n);
      // The attempt ran and failed (the job waits for its retry); nothing reached the trap.
      expect({ ai, job: await replyJob(t, conversationId) }).toEqual({ ai, job: { attempts: 1 } });
    }
    expect(trap.connections()).toBe(0);
  });

  it('checks the address again when connecting: a name that turns private after the save is refused', async () => {
    const baseUrl = `https://flip.example.com:${trap.port}/v1`;
    const saved = await put('/api/settings/ai', { provider: 'openai-compatible', model: 'm-1', baseUrl });
    expect(saved.statusCode, saved.body).toBe(200);
    dns['flip.example.com'] = ['127.0.0.1'];
    try {
      const conversationId = await customerAsks(t.app, widgetKey, ++n);
      expect(await replyJob(t, conversationId)).toEqual({ attempts: 1 });
    } finally {
      dns['flip.example.com'] = [PUBLIC_IP];
    }
    expect(trap.connections()).toBe(0);
  });

  it('refuses every hostile Slack webhook URL with webhook_url_not_allowed and stores nothing', async () => {
    const before = await getShopSettings(t.db, shopId);
    const accepted: unknown[] = [];
    for (const url of hostileUrls(trap.port)) {
      const slackWebhookUrl = url.replace('/v1', '/services/T0/B0/x');
      const res = await put('/api/settings/notifications', { slackWebhookUrl });
      const code = res.json().error?.code;
      if (res.statusCode !== 400 || code !== 'webhook_url_not_allowed')
        accepted.push({ slackWebhookUrl, status: res.statusCode, code });
    }
    expect(accepted).toEqual([]);
    expect(await getShopSettings(t.db, shopId)).toEqual(before);
    expect(trap.connections()).toBe(0);
  });

  it('"send test" never connects to a stored hostile webhook, nor to a name that turned private', async () => {
    const sendTest = async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/settings/notifications/test',
        headers: { cookie },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().slack;
    };
    const notifyOn = { newTicket: true, urgent: false };
    for (const slackWebhookUrl of [
      `http://127.0.0.1:${trap.port}/services/T0/B0/x`,
      `https://127.0.0.1:${trap.port}/services/T0/B0/x`,
      `https://rebind.example.com:${trap.port}/services/T0/B0/x`,
    ]) {
      await saveSettingsSection(t.db, shopId, 'notifications', {
        slackWebhookUrl,
        emailRecipients: [],
        notifyOn,
      });
      expect(await sendTest()).toMatchObject({ ok: false });
    }
    const saved = await put('/api/settings/notifications', {
      slackWebhookUrl: `https://flip.example.com:${trap.port}/services/T0/B0/x`,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    dns['flip.example.com'] = ['127.0.0.1'];
    try {
      expect(await sendTest()).toMatchObject({ ok: false });
    } finally {
      dns['flip.example.com'] = [PUBLIC_IP];
    }
    expect(trap.connections()).toBe(0);
  });
});

describe('SSRF: a server that allows a local model (SUPPORTIFY_AI_ALLOW_PRIVATE_URLS=1)', () => {
  let t: TestApp;
  let redirector: Trap;
  let inside: Trap;
  let keys: Trap;
  let cookie: string;
  let widgetKey: string;
  let n = 100;

  beforeAll(async () => {
    inside = await startTrap();
    redirector = await startTrap((req) => ({
      status: req.path.includes('/see-other') ? 303 : 302,
      headers: { location: `${inside.url}/v1/chat/completions` },
    }));
    keys = await startTrap(() => ({ status: 401, body: '{"error":{"message":"bad key"}}' }));
    // The operator setting, plus the test-only loopback webhooks, so the redirect is what is tested.
    t = await createTestApp({
      config: { aiAllowPrivateUrls: true },
      app: { ai: { resolveHost }, notifications: { resolveHost, allowLoopbackWebhooks: true } },
    });
    const shop = await newShop(t.db, 'Local model shop');
    cookie = await login(t.app, shop.email);
    widgetKey = await widgetKeyOf(t, shop.shop.id);
  });
  afterAll(async () => {
    await t?.close();
    for (const s of [redirector, inside, keys]) await s?.close();
  });

  const putAi = async (body: object) => {
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/settings/ai',
      headers: { cookie },
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(200);
  };

  it('still refuses other schemes and credentials', async () => {
    for (const baseUrl of [
      'file:///etc/passwd',
      'gopher://127.0.0.1:70/_x',
      'http://u:p@127.0.0.1:11434/v1',
    ]) {
      const res = await t.app.inject({
        method: 'PUT',
        url: '/api/settings/ai',
        headers: { cookie },
        payload: { provider: 'openai-compatible', model: 'm', baseUrl },
      });
      expect([baseUrl, res.statusCode, res.json().error?.code]).toEqual([
        baseUrl,
        400,
        'ai_base_url_not_allowed',
      ]);
    }
  });

  it('never follows a redirect from the model server (302, 303) to anywhere', async () => {
    for (const path of ['/v1', '/see-other/v1']) {
      await putAi({ provider: 'openai-compatible', model: 'm-1', baseUrl: `${redirector.url}${path}` });
      const conversationId = await customerAsks(t.app, widgetKey, ++n);
      expect(await replyJob(t, conversationId)).toEqual({ attempts: 1 });
    }
    expect(redirector.requests.length).toBeGreaterThanOrEqual(2);
    expect(inside.connections()).toBe(0);
  });

  it('never follows a redirect from a Slack webhook', async () => {
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/settings/notifications',
      headers: { cookie },
      payload: { slackWebhookUrl: `${redirector.url}/services/T0/B0/x` },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/settings/notifications/test',
      headers: { cookie },
    });
    expect(res.json().slack).toEqual({ ok: false, error: 'redirect refused (HTTP 302)' });
    expect(inside.connections()).toBe(0);
  });

  it("never sends the environment's OpenAI or Anthropic key to a shop's own base URL", async () => {
    const saved = { openai: process.env.OPENAI_API_KEY, anthropic: process.env.ANTHROPIC_API_KEY };
    process.env.OPENAI_API_KEY = 'sk-operator-openai-0123456789';
    process.env.ANTHROPIC_API_KEY = 'sk-ant-operator-0123456789';
    try {
      for (const provider of ['openai', 'anthropic']) {
        await putAi({ provider, model: 'm-1', baseUrl: `${keys.url}/v1`, apiKey: '' });
        await customerAsks(t.app, widgetKey, ++n);
      }
    } finally {
      for (const [name, value] of [
        ['OPENAI_API_KEY', saved.openai],
        ['ANTHROPIC_API_KEY', saved.anthropic],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    expect(keys.requests.map((r) => r.path)).toEqual(['/v1/chat/completions', '/v1/messages']);
    const sent = JSON.stringify(keys.requests.map((r) => r.headers));
    expect(sent).not.toContain('operator');
  });
});

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
    const [o] = await t.db
      .insert(channels)
      .values({
        shopId,
        type: 'outlook',
        name: GRAPH_MAILBOX,
        config: {
          address: GRAPH_MAILBOX,
          mailbox: GRAPH_MAILBOX,
          accessToken: GRAPH_TOKEN,
          clientState: CLIENT_STATE,
          apiBaseUrl: graph.baseUrl,
        },
      })
      .returning();
    outlookChannel = o.id;
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
