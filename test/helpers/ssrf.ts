import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { shops } from '../../src/db/schema/index.ts';
import { login, newShop } from './factories.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import { startTrap, type Trap } from './trap-server.ts';

/**
 * SSRF (issue 8): every outbound request whose target a shop's staff, a customer, an email or a webhook can
 * influence, driven through the real HTTP API with hostile targets. Each target is refused when saved
 * (400 with a specific code, nothing stored) and, for whatever is already stored, never connected to: a
 * trap server on 127.0.0.1 counts every TCP connection and must count none.
 *
 * The tests: security-ssrf-ai.test.ts (AI provider base URL), security-ssrf-webhooks.test.ts (Slack
 * webhook), security-ssrf-shopify-mail.test.ts (Shopify install, Outlook notifications, inbound HTML).
 * This file: the fixed DNS, the hostile URLs, and the two servers the AI and webhook tests run against.
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
export const resolveHost = async (host: string) => {
  const found = dns[host];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return found;
};

/** Runs `fn` while flip.example.com resolves to 127.0.0.1 (DNS rebinding), then makes it public again. */
export async function whileFlipIsLoopback(fn: () => Promise<void>): Promise<void> {
  dns['flip.example.com'] = ['127.0.0.1'];
  try {
    await fn();
  } finally {
    dns['flip.example.com'] = [PUBLIC_IP];
  }
}

/** URLs no shop may make the server reach; `port` is the trap's, so a connection would be counted. */
export function hostileUrls(port: number, scheme: 'http' | 'https' = 'https'): string[] {
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

type Common = TestApp & {
  /** The shop's staff session. */
  cookie: string;
  shopId: string;
  widgetKey: string;
  /** `PUT url` with the session and a JSON body. */
  put: (url: string, payload: unknown) => Promise<LightMyRequestResponse>;
};
/** As shipped: no private model servers, no loopback webhooks; `trap` must never be connected to. */
export type StrictServer = Common & { trap: Trap };
/**
 * The operator setting SUPPORTIFY_AI_ALLOW_PRIVATE_URLS=1, plus the test-only loopback webhooks, so that
 * what is refused is a redirect, not the address: `redirector` answers every request with a redirect
 * (303 on /see-other paths, else 302) to `inside`.
 */
export type LocalModelServer = Common & { redirector: Trap; inside: Trap };

/**
 * Registers the hooks of a describe (call it inside): before its tests, the traps and a test app whose AI
 * and Slack requests resolve names with `resolveHost`, with one shop signed in; after them, all closed.
 * The fields are set once the tests run.
 */
export function useSsrfServer(server: 'strict'): StrictServer;
export function useSsrfServer(server: 'local-model'): LocalModelServer;
export function useSsrfServer(server: 'strict' | 'local-model'): StrictServer | LocalModelServer {
  const local = server === 'local-model';
  const s = {} as StrictServer & LocalModelServer;
  const traps: Trap[] = [];
  beforeAll(async () => {
    if (local) {
      s.inside = await startTrap();
      const inside = s.inside.url;
      s.redirector = await startTrap((req) => ({
        status: req.path.includes('/see-other') ? 303 : 302,
        headers: { location: `${inside}/v1/chat/completions` },
      }));
      traps.push(s.redirector, s.inside);
    } else {
      s.trap = await startTrap();
      traps.push(s.trap);
    }
    Object.assign(
      s,
      await createTestApp({
        config: local ? { aiAllowPrivateUrls: true } : {},
        app: { ai: { resolveHost }, notifications: { resolveHost, allowLoopbackWebhooks: local } },
      }),
    );
    const shop = await newShop(s.db, local ? 'Local model shop' : 'SSRF shop');
    s.shopId = shop.shop.id;
    s.cookie = await login(s.app, shop.email);
    const [row] = await s.db.select({ widgetKey: shops.widgetKey }).from(shops).where(eq(shops.id, s.shopId));
    s.widgetKey = row.widgetKey;
    s.put = (url, payload) =>
      s.app.inject({ method: 'PUT', url, headers: { cookie: s.cookie }, payload: payload as object });
  });
  afterAll(async () => {
    await s.close?.();
    for (const trap of traps) await trap.close();
  });
  return s;
}
