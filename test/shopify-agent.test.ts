import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MessagePart, messages, shops, tickets } from '../src/db/schema/index.ts';
import { productNode } from './helpers/commerce-shopify-server.ts';
import {
  ACCESS_TOKEN,
  createShopifyTestApp,
  type FakeShopify,
  install,
  postWebhook,
  type ShopifyTestApp,
  startFakeShopify,
  webhooksProcessed,
} from './helpers/shopify-app.ts';

const SHOP = 'agent-shop.myshopify.com';

describe('the AI reads a Shopify-installed shop with its stored token, and stops after uninstall', () => {
  let fake: FakeShopify;
  let t: ShopifyTestApp;
  let shopId: string;

  /** Posts a customer message on a new widget conversation and returns the AI reply's parts. */
  async function ask(text: string): Promise<{ parts: MessagePart[]; conversationId: string }> {
    const [shop] = await t.db.select({ widgetKey: shops.widgetKey }).from(shops).where(eq(shops.id, shopId));
    const started = await t.app.inject({
      method: 'POST',
      url: '/widget/v1/conversations',
      payload: { widgetKey: shop.widgetKey },
    });
    expect(started.statusCode, started.body).toBe(201);
    const { conversationId, token } = started.json();
    const posted = await t.app.inject({
      method: 'POST',
      url: `/widget/v1/conversations/${conversationId}/messages`,
      headers: { authorization: `Bearer ${token}` },
      payload: { text },
    });
    expect(posted.statusCode, posted.body).toBe(202);
    await t.app.replyWorker.idle();
    const stored = await t.db
      .select({ role: messages.role, parts: messages.parts })
      .from(messages)
      .where(eq(messages.conversationId, conversationId))
      .orderBy(asc(messages.seq));
    const replies = stored.filter((m) => m.role === 'ai');
    expect(replies).toHaveLength(1);
    return { parts: replies[0].parts, conversationId };
  }
  const toolNames = (parts: MessagePart[]) =>
    parts.flatMap((p) => (p.type === 'tool-call' ? [p.toolName] : []));

  beforeAll(async () => {
    fake = await startFakeShopify();
    t = await createShopifyTestApp({ apiBaseUrl: fake.baseUrl });
    shopId = await install(t.app, t.db, SHOP);
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
  });

  it('searches the shop’s products through the Admin API with the decrypted offline token', async () => {
    fake.seen = [];
    fake.graphql.push({ data: { products: { nodes: [productNode('wool-sweater', 3)] } } });
    const { parts } = await ask('Do you have a wool sweater?');
    expect(toolNames(parts)).toContain('searchProducts');
    const calls = fake.seen.filter((r) => r.url.endsWith('/graphql.json'));
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe('/admin/api/2025-10/graphql.json');
    expect(calls[0].headers['x-shopify-access-token']).toBe(ACCESS_TOKEN);
    expect(JSON.stringify(parts)).toContain('wool-sweater');
  });

  it('after app/uninstalled, no Shopify call is made and the AI only opens a ticket', async () => {
    const res = await postWebhook(t.app, 'app/uninstalled', SHOP, { myshopify_domain: SHOP });
    expect(res.statusCode, res.body).toBe(200);
    await webhooksProcessed(t.db);
    fake.seen = [];
    const { parts, conversationId } = await ask('Do you have a wool sweater?');
    expect(fake.seen).toEqual([]);
    expect(toolNames(parts)).toEqual(['createTicket']);
    const [ticket] = await t.db.select().from(tickets).where(eq(tickets.conversationId, conversationId));
    expect(ticket.reason).toBe('fallback_mode');
  });
});
