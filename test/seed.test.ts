import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../src/auth/password.ts';
import { findStaffUserByEmail } from '../src/auth/staff-users.ts';
import { appendMessage, messageText } from '../src/conversations/append-message.ts';
import { createConversation } from '../src/conversations/create-conversation.ts';
import { listConversations } from '../src/conversations/queries.ts';
import { queryRows } from '../src/db/client.ts';
import type { MessagePart, MessageRole } from '../src/db/schema/index.ts';
import { buildDemoConversations } from '../src/seed/demo-conversations.ts';
import { buildDemoOrders } from '../src/seed/demo-orders.ts';
import { DEMO_FACTS, seedDemoShop } from '../src/seed/seed-demo-shop.ts';
import { createTestDatabase, type TestDatabase } from './helpers/test-db.ts';

const ADMIN = { adminEmail: 'demo-admin@example.com', adminPassword: 'password123' };

type ConversationRow = {
  id: string;
  status: string;
  channel: string;
  channel_type: string | null;
  channel_mode: string | null;
  has_draft: boolean;
  preview: string;
  started_at: Date;
  last_message_at: Date;
};
type MessageRow = { conversation_id: string; role: MessageRole; parts: MessagePart[]; created_at: Date };

describe('seedDemoShop', () => {
  let database: TestDatabase;
  let shopId: string;
  let seedMs: number;
  const now = new Date();
  let convs: ConversationRow[];
  let msgs: MessageRow[];
  const rows = <T>(query: SQL) => queryRows<T>(database.db, query);

  beforeAll(async () => {
    database = await createTestDatabase();
    const started = performance.now();
    const result = await seedDemoShop(database.db, { ...ADMIN, now });
    seedMs = performance.now() - started;
    console.log(`seedDemoShop on ${database.kind}: ${Math.round(seedMs)} ms`);
    shopId = result.shopId;
    expect(result).toMatchObject(ADMIN);
    convs = await rows<ConversationRow>(sql`
      select c.id, c.status, c.channel, ch.type as channel_type, ch.mode as channel_mode, c.has_draft, c.preview,
        c.started_at, c.last_message_at
      from conversations c left join channels ch on ch.id = c.channel_id
      where c.shop_id = ${shopId}`);
    msgs = await rows<MessageRow>(sql`
      select conversation_id, role, parts, created_at from messages where shop_id = ${shopId}
      order by conversation_id, created_at, id`);
  }, 60_000);
  afterAll(() => database?.close());

  const messagesOf = (id: string) => msgs.filter((m) => m.conversation_id === id);
  const count = async (table: string) => {
    const [row] = await rows<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(table)} where shop_id = ${shopId}`,
    );
    return row.n;
  };

  it('is fast', () => {
    expect(seedMs).toBeLessThan(10_000);
  });

  it('creates the store: products, orders and policies', async () => {
    expect(await count('store_products')).toBe(DEMO_FACTS.counts.products);
    expect(DEMO_FACTS.counts.products).toBeGreaterThanOrEqual(28);
    expect(await count('store_orders')).toBe(50);
    const policies = await rows<{ kind: string }>(
      sql`select kind from store_policies where shop_id = ${shopId} order by kind`,
    );
    expect(policies.map((p) => p.kind)).toEqual(['payment', 'returns', 'shipping']);
    const outOfStock = await rows<{ n: number }>(
      sql`select count(*)::int as n from store_products where shop_id = ${shopId} and inventory = 0`,
    );
    expect(outOfStock[0].n).toBeGreaterThan(0);
    const statuses = await rows<{
      financial_status: string;
      fulfillment_status: string;
      tracking_url: string | null;
    }>(
      sql`select financial_status, fulfillment_status, tracking_url from store_orders where shop_id = ${shopId}`,
    );
    expect(new Set(statuses.map((o) => o.financial_status))).toEqual(
      new Set(['paid', 'refunded', 'pending']),
    );
    expect(new Set(statuses.map((o) => o.fulfillment_status))).toEqual(
      new Set(['fulfilled', 'unfulfilled', 'partial']),
    );
    for (const o of statuses) expect(o.tracking_url !== null).toBe(o.fulfillment_status !== 'unfulfilled');
  });

  it('creates the owner login', async () => {
    const user = await findStaffUserByEmail(database.db, ADMIN.adminEmail);
    expect(user).toMatchObject({ shopId, role: 'owner', name: 'Demo Admin' });
    expect(await verifyPassword(ADMIN.adminPassword, user?.passwordHash ?? '')).toBe(true);
    const [shop] = await rows<{ name: string }>(sql`select name from shops where id = ${shopId}`);
    expect(shop.name).toBe(DEMO_FACTS.shopName);
  });

  it('spreads ~200 conversations over every channel and status, each on its own channel', () => {
    expect(convs).toHaveLength(DEMO_FACTS.counts.conversations);
    expect(new Set(convs.map((c) => c.status))).toEqual(new Set(['unresolved', 'resolved', 'draft']));
    expect(new Set(convs.map((c) => c.channel))).toEqual(
      new Set(['widget', 'gmail', 'outlook', 'email', 'api']),
    );
    for (const c of convs) expect(c.channel_type).toBe(c.channel);
    const byChannel = (ch: string) => convs.filter((c) => c.channel === ch).length;
    expect(byChannel('widget')).toBeGreaterThan(byChannel('gmail'));
    const oldest = Math.min(...convs.map((c) => new Date(c.started_at).getTime()));
    expect(now.getTime() - oldest).toBeLessThan(86 * 24 * 3600 * 1000);
    expect(now.getTime() - oldest).toBeGreaterThan(60 * 24 * 3600 * 1000);
  });

  it('keeps drafts to draft conversations on the draft-mode channel', async () => {
    const pending = await rows<{ conversation_id: string; body: string }>(
      sql`select conversation_id, body from drafts where shop_id = ${shopId} and status = 'pending'`,
    );
    const drafts = convs.filter((c) => c.status === 'draft');
    expect(drafts.length).toBeGreaterThan(0);
    expect(pending).toHaveLength(drafts.length);
    for (const c of convs) {
      expect(c.has_draft).toBe(c.status === 'draft');
      if (c.status === 'draft') {
        expect(c.channel_mode).toBe('draft');
        expect(pending.filter((d) => d.conversation_id === c.id)).toHaveLength(1);
      }
    }
    for (const d of pending) expect(d.body.length).toBeGreaterThan(20);
  });

  it('keeps each conversation consistent with its messages, as appendMessage would', () => {
    for (const c of convs) {
      const list = messagesOf(c.id);
      expect(list.length).toBeGreaterThanOrEqual(2);
      expect(list.length).toBeLessThanOrEqual(12);
      expect(new Date(c.started_at).getTime()).toBe(new Date(list[0].created_at).getTime());
      expect(new Date(c.last_message_at).getTime()).toBe(
        new Date(list[list.length - 1].created_at).getTime(),
      );
      const times = list.map((m) => new Date(m.created_at).getTime());
      for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]);
      expect(times[times.length - 1]).toBeLessThanOrEqual(now.getTime());
      const lastText = list
        .map((m) => messageText(m.parts))
        .filter((t) => t)
        .at(-1);
      expect(c.preview).toBe((lastText ?? '').replace(/\s+/g, ' ').trim().slice(0, 160));
      expect(list[0].role).toBe('customer');
    }
  });

  it('stores the same preview and search words as replaying the messages through appendMessage', async () => {
    const sample = convs.filter((_, i) => i % 40 === 0);
    for (const c of sample) {
      const replay = await createConversation(database.db, { shopId, channel: 'api' });
      for (const m of messagesOf(c.id)) {
        await appendMessage(database.db, {
          shopId,
          conversationId: replay.id,
          role: m.role,
          parts: m.parts,
          createdAt: new Date(m.created_at),
        });
      }
      const [cmp] = await rows<{ same_vector: boolean; same_preview: boolean; same_last: boolean }>(sql`
        select a.search_vector = b.search_vector as same_vector, a.preview = b.preview as same_preview,
          a.last_message_at = b.last_message_at as same_last
        from conversations a, conversations b where a.id = ${c.id} and b.id = ${replay.id}`);
      expect(cmp).toEqual({ same_vector: true, same_preview: true, same_last: true });
      await database.db.execute(sql`delete from conversations where id = ${replay.id}`);
    }
  });

  it('pairs every tool call with its result, consistent with the store data', async () => {
    const orders = await rows<{
      name: string;
      email: string;
      fulfillment_status: string;
      total_cents: number;
    }>(sql`select name, email, fulfillment_status, total_cents from store_orders where shop_id = ${shopId}`);
    const products = await rows<{ title: string; price_cents: number; inventory: number }>(
      sql`select title, price_cents, inventory from store_products where shop_id = ${shopId}`,
    );
    const [policyText] = await rows<{ text: string }>(
      sql`select string_agg(body, ' ') as text from store_policies where shop_id = ${shopId}`,
    );
    const toolNames = new Set<string>();
    for (const c of convs) {
      const parts = messagesOf(c.id).flatMap((m) => m.parts);
      for (const p of parts) {
        if (p.type !== 'tool-call') continue;
        toolNames.add(p.toolName);
        const result = parts.find((r) => r.type === 'tool-result' && r.toolCallId === p.toolCallId);
        expect(result, `${p.toolName} result`).toBeDefined();
        if (result?.type !== 'tool-result') continue;
        expect(parts.indexOf(result)).toBeGreaterThan(parts.indexOf(p));
        const output = result.output as Record<string, unknown>;
        if (p.toolName === 'lookupOrder') {
          const input = p.input as { orderNumber: string; email: string };
          const order = orders.find((o) => o.name === input.orderNumber && o.email === input.email);
          expect(output.found).toBe(!!order);
          if (order) {
            expect(output).toMatchObject({
              fulfillmentStatus: order.fulfillment_status,
              totalCents: order.total_cents,
            });
          }
        } else if (p.toolName === 'searchProducts') {
          for (const found of output.products as Array<{
            title: string;
            priceCents: number;
            inStock: boolean;
          }>) {
            const product = products.find((x) => x.title === found.title);
            expect(product, found.title).toBeDefined();
            expect(found.priceCents).toBe(product?.price_cents);
            expect(found.inStock).toBe((product?.inventory ?? 0) > 0);
          }
        } else if (p.toolName === 'searchPolicies') {
          for (const found of output.policies as Array<{ excerpt: string }>) {
            expect(policyText.text).toContain(found.excerpt);
          }
        } else if (p.toolName === 'createTicket') {
          expect(typeof output.ticketNumber).toBe('number');
        }
      }
    }
    expect(toolNames).toEqual(
      new Set(['lookupOrder', 'searchProducts', 'searchPolicies', 'createTicket', 'markResolved']),
    );
    const roles = new Set(msgs.map((m) => m.role));
    expect(roles).toEqual(new Set(['customer', 'ai', 'staff', 'system']));
  });

  it('rates about a quarter of resolved conversations, mostly good', async () => {
    const ratings = await rows<{ rating: string; comment: string | null }>(
      sql`select rating, comment from ratings where shop_id = ${shopId}`,
    );
    const resolved = convs.filter((c) => c.status === 'resolved').length;
    expect(ratings.length).toBeGreaterThan(resolved * 0.12);
    expect(ratings.length).toBeLessThan(resolved * 0.45);
    const bad = ratings.filter((r) => r.rating === 'bad');
    expect(bad.length).toBeGreaterThan(0);
    expect(bad.length).toBeLessThan(ratings.length / 2);
    expect(bad.some((r) => r.comment)).toBe(true);
  });

  it('numbers ~25 tickets 1..N per shop and moves the shop counter past them', async () => {
    const tickets = await rows<{
      number: number;
      status: string;
      reason: string;
      category: string;
      conversation_id: string;
      customer_id: string | null;
    }>(sql`select number, status, reason, category, conversation_id, customer_id from tickets
           where shop_id = ${shopId} order by number`);
    expect(tickets.length).toBeGreaterThanOrEqual(18);
    expect(tickets.length).toBeLessThanOrEqual(35);
    expect(tickets.map((t) => t.number)).toEqual(tickets.map((_, i) => i + 1));
    const [shop] = await rows<{ next_ticket_number: number }>(
      sql`select next_ticket_number from shops where id = ${shopId}`,
    );
    expect(shop.next_ticket_number).toBe(tickets.length + 1);
    expect(new Set(tickets.map((t) => t.status))).toEqual(new Set(['new', 'open', 'waiting', 'resolved']));
    expect(new Set(tickets.map((t) => t.reason))).toEqual(
      new Set([
        'customer_requested_human',
        'ai_unable_to_solve',
        'bad_rating',
        'fallback_mode',
        'staff_created',
      ]),
    );
    const categories = ['Return request', 'Order issue', 'Shipping', 'Product question', 'Billing', 'Other'];
    for (const t of tickets) {
      expect(categories).toContain(t.category);
      const conversation = convs.find((c) => c.id === t.conversation_id);
      expect(conversation?.status).toBe(t.status === 'resolved' ? 'resolved' : 'unresolved');
      // The ticket's number is what the conversation told the customer.
      const text = JSON.stringify(messagesOf(t.conversation_id).map((m) => m.parts));
      expect(text).toMatch(new RegExp(`#${t.number}\\b|"ticketNumber":${t.number}\\b`));
    }
  });

  it('makes the demo facts true', async () => {
    const { customerWithOrder, searchWord, norwegianSearchWord } = DEMO_FACTS;
    const [order] = await rows<{ email: string; customer_name: string }>(
      sql`select email, customer_name from store_orders where shop_id = ${shopId} and name = ${customerWithOrder.orderNumber}`,
    );
    expect(order).toEqual({ email: customerWithOrder.email, customer_name: customerWithOrder.name });
    const page = await listConversations(database.db, shopId, { q: customerWithOrder.email }, null, 100);
    expect(page.items.length).toBeGreaterThan(0);
    const lookups = page.items.flatMap((item) =>
      messagesOf(item.id)
        .flatMap((m) => m.parts)
        .filter((p) => p.type === 'tool-call' && p.toolName === 'lookupOrder'),
    );
    expect(lookups).toContainEqual(
      expect.objectContaining({
        input: { orderNumber: customerWithOrder.orderNumber, email: customerWithOrder.email },
      }),
    );
    for (const word of [searchWord, norwegianSearchWord]) {
      const found = await listConversations(database.db, shopId, { q: word }, null, 100);
      expect(found.items.length, word).toBeGreaterThan(0);
    }
    const anonymous = convs.filter((c) => c.channel === 'widget').length;
    const [{ n }] = await rows<{ n: number }>(
      sql`select count(*)::int as n from conversations where shop_id = ${shopId} and customer_id is null`,
    );
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(anonymous);
    const norwegian = msgs.filter((m) => /[æøå]/i.test(messageText(m.parts)) && m.role === 'ai');
    expect(norwegian.length).toBeGreaterThan(5);
  });

  it('comes out the same every time for the same moment', () => {
    const at = new Date('2025-01-15T12:00:00Z');
    const a = buildDemoConversations(at, buildDemoOrders());
    const b = buildDemoConversations(at, buildDemoOrders());
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    // Another moment: the same data, every date moved along with it.
    const later = new Date(at.getTime() + 3 * 24 * 3600 * 1000 + 12345);
    const relative = (base: Date) => (_key: string, value: unknown) =>
      typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value)
        ? Date.parse(value) - base.getTime()
        : value;
    const c = buildDemoConversations(later, buildDemoOrders());
    expect(JSON.stringify(c, relative(later))).toBe(JSON.stringify(a, relative(at)));
  });
});
