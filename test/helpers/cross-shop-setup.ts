import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { createStaffUser } from '../../src/auth/staff-users.ts';
import { shopifyDataRequests, shops } from '../../src/db/schema/index.ts';
import { login, newConversation, newShop, PASSWORD } from './factories.ts';
import { type Json, requestJson } from './http.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import { startTrap, type Trap } from './trap-server.ts';

// No real DNS: the AI base URLs below resolve to a public address that nothing here ever connects to.
const resolveHost = async (host: string) => {
  if (host.endsWith('.public.example')) return ['34.117.59.81'];
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
};

type Method = 'POST' | 'PUT' | 'PATCH';

/** The app of security-cross-shop-writes.test.ts with its two shops, A and B, and B's ways to call it. */
export type CrossShop = Awaited<ReturnType<typeof seed>> & {
  t: TestApp;
  /** Stands in for both shops' Slack webhooks (answers 200). */
  trap: Trap;
  close: () => Promise<void>;
};

/**
 * The app (its own data dir, a fixed DNS, loopback webhooks allowed for the trap) and two shops. Shop A has
 * every kind of setting, a custom category, an email channel, a view, five tickets (one answered) and a
 * data request; shop B two tickets (#1 and #2), an email channel and an agent.
 */
export async function setUpCrossShop(): Promise<CrossShop> {
  const trap = await startTrap(() => ({ status: 200, body: 'ok' }));
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'supportify-xshop-'));
  let t: TestApp | undefined;
  const close = async () => {
    await t?.close();
    await trap.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
  try {
    t = await createTestApp({
      config: { dataDir },
      app: { ai: { resolveHost }, notifications: { resolveHost, allowLoopbackWebhooks: true } },
    });
    return { ...(await seed(t, trap)), t, trap, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function seed(t: TestApp, trap: Trap) {
  const as = (cookie: string, method: Method, url: string, payload?: Json) =>
    requestJson(t.app, cookie, method, url, payload);
  /** A request that must succeed (status < 300); its body. */
  const ok = async (cookie: string, method: Method, url: string, payload?: Json) => {
    const res = await as(cookie, method, url, payload);
    expect(res.status, `${method} ${url}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    return res.body;
  };
  /** A request that must be refused with this status and code. */
  const refused = async (
    cookie: string,
    method: 'POST' | 'PUT',
    url: string,
    payload: Json,
    status: number,
    code: string,
  ) => {
    const res = await as(cookie, method, url, payload);
    expect({ url, payload, status: res.status, code: res.body?.error?.code }).toEqual({
      url,
      payload,
      status,
      code,
    });
  };

  const shopsMade = [await newShop(t.db, 'Alpha Knitwear'), await newShop(t.db, 'Beta Boutique')];
  const shopA = shopsMade[0].shop.id;
  const shopB = shopsMade[1].shop.id;
  const cookieA = await login(t.app, shopsMade[0].email);
  const cookieB = await login(t.app, shopsMade[1].email);
  const agent = await createStaffUser(t.db, {
    shopId: shopB,
    email: 'agent@beta.example',
    password: PASSWORD,
    name: 'Beta agent',
    role: 'agent',
  });
  // B's agent: its password changes when a case changes it.
  const b2 = { email: agent.email, password: PASSWORD };

  // Shop A: every kind of setting set, a custom category, an email channel, a view, three tickets.
  // Alerts off, so no background job touches A's rows while the test compares them.
  await ok(cookieA, 'PUT', '/api/settings/notifications', {
    slackWebhookUrl: `${trap.url}/services/TA/BA/alphaSecret`,
    emailRecipients: ['alerts@alpha.example'],
    notifyOn: { newTicket: false, urgent: false },
  });
  await ok(cookieA, 'PUT', '/api/settings/ai', {
    provider: 'openai-compatible',
    model: 'alpha-model',
    baseUrl: 'https://llm.public.example/v1',
    apiKey: 'sk-alpha-secret',
  });
  await ok(cookieA, 'PUT', '/api/settings/ratings', { enabled: false, escalateOnBadRating: false });
  await ok(cookieA, 'PUT', '/api/settings/billing', { monthlyAiReplyCap: 100 });
  await ok(cookieA, 'PUT', '/api/settings/retention', { days: 30 });
  await ok(cookieA, 'PATCH', '/api/me', { locale: 'nb' });
  await ok(cookieA, 'POST', '/api/tickets/categories', { name: 'Wholesale' });
  const channelsA = await ok(cookieA, 'POST', '/api/settings/channels/email', {
    name: 'Alpha support',
    inboundAddress: 'help@alpha.example',
  });
  const view = await ok(cookieA, 'POST', '/api/views', { kind: 'tickets', name: 'Urgent', filters: {} });
  const conversationsA = [];
  for (let i = 0; i < 5; i++) {
    const conversation = await newConversation(t.db, shopA, {});
    conversationsA.push(conversation.id);
    await ok(cookieA, 'POST', '/api/tickets', { conversationId: conversation.id, category: 'Wholesale' });
  }
  await ok(cookieA, 'POST', '/api/tickets/2/replies', { body: 'On its way' });
  await t.db.insert(shopifyDataRequests).values({
    shopId: shopA,
    customerEmail: 'ann@alpha.example',
    status: 'ready',
    document: '{}',
  });
  const a = {
    conversations: conversationsA,
    channel: channelsA.channels.find((c: Json) => c.type === 'email').id,
    view: view.id,
    address: 'help@alpha.example',
  };

  // Shop B: two conversations with tickets #1 and #2 (A has #1–#5), an email channel.
  const conversationB = (await newConversation(t.db, shopB, {})).id;
  await ok(cookieB, 'POST', '/api/tickets', { conversationId: conversationB });
  await ok(cookieB, 'POST', '/api/tickets', {
    conversationId: (await newConversation(t.db, shopB, {})).id,
  });
  const channelsB = await ok(cookieB, 'POST', '/api/settings/channels/email', {
    name: 'Beta support',
    inboundAddress: 'help@beta.example',
  });
  const b = {
    conversation: conversationB,
    channel: channelsB.channels.find((c: Json) => c.type === 'email').id,
  };
  const [{ widgetKey: widgetKeyB }] = await t.db
    .select({ widgetKey: shops.widgetKey })
    .from(shops)
    .where(eq(shops.id, shopB));

  return { shopA, shopB, cookieA, cookieB, b2, a, b, widgetKeyB, ok, refused };
}
