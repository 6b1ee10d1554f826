/** Seeds the demo shop "Nordic Threads": store data, channels, ~200 conversations with tickets, drafts and ratings. */
import { randomUUID } from 'node:crypto';
import { eq, type SQL, sql } from 'drizzle-orm';
import { createStaffUser } from '../auth/staff-users.ts';
import { messageText } from '../conversations/append-message.ts';
import { upsertCustomer } from '../conversations/create-conversation.ts';
import type { Db } from '../db/client.ts';
import {
  type ChannelType,
  channels,
  conversations,
  drafts,
  messages,
  ratings,
  shops,
  storeOrders,
  storePolicies,
  storeProducts,
  ticketEvents,
  tickets,
} from '../db/schema/index.ts';
import { ensureDayPartitions } from '../retention/partitions.ts';
import { createShop, getWidgetChannel } from '../shops/queries.ts';
import { DEMO_PRODUCTS } from './demo-catalog.ts';
import { buildDemoConversations, CONVERSATION_COUNT, type SeedConversation } from './demo-conversations.ts';
import { buildDemoOrders, ORDER_COUNT } from './demo-orders.ts';
import { DEMO_POLICIES, policyBody } from './demo-policies.ts';

export type SeedResult = { shopId: string; adminEmail: string; adminPassword: string };

export const DEMO_SHOP_NAME = 'Nordic Threads';

/** Facts about the seeded data that tests and demos can rely on. */
export const DEMO_FACTS = {
  shopName: DEMO_SHOP_NAME,
  /** Has order #1004 and a conversation in which the assistant looks it up (lookupOrder). */
  customerWithOrder: { name: 'Ingrid Johansen', email: 'ingrid.johansen@example.com', orderNumber: '#1004' },
  /** Appears in message text (a broken-zipper warranty conversation, among others). */
  searchWord: 'zipper',
  /** A Norwegian word from a Norwegian conversation about a refund. */
  norwegianSearchWord: 'refusjonen',
  /** The Gmail channel works in draft mode; only its conversations have drafts. */
  draftChannelName: 'support@nordicthreads.example',
  counts: {
    products: DEMO_PRODUCTS.length,
    orders: ORDER_COUNT,
    policies: DEMO_POLICIES.length,
    conversations: CONVERSATION_COUNT,
  },
} as const;

/** The email channels (the widget channel comes with the shop). */
const CHANNELS: Array<{
  type: ChannelType;
  name: string;
  mode: 'auto' | 'draft';
  inboundAddress?: string;
  config: Record<string, unknown>;
}> = [
  {
    type: 'gmail',
    name: DEMO_FACTS.draftChannelName,
    mode: 'draft',
    config: { address: DEMO_FACTS.draftChannelName, demo: true },
  },
  {
    type: 'outlook',
    name: 'help@nordicthreads.example',
    mode: 'auto',
    config: { address: 'help@nordicthreads.example', demo: true },
  },
  {
    type: 'email',
    name: 'support@nordic-threads.example',
    mode: 'auto',
    inboundAddress: 'support@nordic-threads.example',
    config: {},
  },
  { type: 'api', name: 'Mobile app (API)', mode: 'auto', config: {} },
];

const PREVIEW_LENGTH = 160; // as appendMessage
const BATCH = 500;

/** What appendMessage leaves on a conversation after its messages: preview, last message time, search words. */
function derived(c: SeedConversation) {
  const texts = c.messages.map((m) => messageText(m.parts)).filter((t) => t.length > 0);
  const lastText = texts[texts.length - 1] ?? '';
  // Each message's words are appended on their own, exactly as appendMessage does.
  const vector = texts.reduce<SQL>((acc, t) => sql`${acc} || to_tsvector('simple', ${t})`, sql`''::tsvector`);
  const lastMessageAt = c.messages[c.messages.length - 1].at;
  const times = [lastMessageAt, c.draft?.at, c.rating?.at, c.ticket?.updatedAt].filter((d): d is Date => !!d);
  return {
    preview: lastText.replace(/\s+/g, ' ').trim().slice(0, PREVIEW_LENGTH),
    searchVector: vector,
    lastMessageAt,
    updatedAt: new Date(Math.max(...times.map((d) => d.getTime()))),
  };
}

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/**
 * Creates the demo shop in one transaction: the shop with its owner login, channels, catalog, orders, policies,
 * customers and conversations (with messages, drafts, ratings and tickets). The same data comes out every time,
 * except ids and dates, which are relative to `now`.
 */
/** Each demo ticket's history: opened by the AI (or a rating), then moved by staff; all long dispatched. */
function seedTicketHistory(
  shopId: string,
  rows: Array<{
    status: string;
    reason: string;
    category: string;
    priority: string;
    createdAt: Date;
    updatedAt: Date;
  }>,
  ids: Array<{ id: string }>,
): Array<typeof ticketEvents.$inferInsert> {
  return rows.flatMap((t, i) => {
    const opened: typeof ticketEvents.$inferInsert = {
      shopId,
      ticketId: ids[i].id,
      field: 'created',
      toValue: t.reason,
      actorType: t.reason === 'bad_rating' ? 'system' : 'ai',
      actorName: t.reason === 'bad_rating' ? 'Customer rating' : 'AI assistant',
      detail: { category: t.category, priority: t.priority },
      createdAt: t.createdAt,
      dispatchedAt: t.createdAt,
    };
    if (t.status === 'new') return [opened];
    const moved: typeof ticketEvents.$inferInsert = {
      shopId,
      ticketId: ids[i].id,
      field: 'status',
      fromValue: 'new',
      toValue: t.status,
      actorType: 'staff',
      actorName: 'Demo staff',
      createdAt: t.updatedAt,
      dispatchedAt: t.updatedAt,
    };
    return [opened, moved];
  });
}

export async function seedDemoShop(
  db: Db,
  options: { adminEmail: string; adminPassword: string; now?: Date },
): Promise<SeedResult> {
  const now = options.now ?? new Date();
  const orders = buildDemoOrders();
  const planned = buildDemoConversations(now, orders);

  const shopId = await db.transaction(async (tx) => {
    const shop = await createShop(tx, { name: DEMO_SHOP_NAME });
    await createStaffUser(tx, {
      shopId: shop.id,
      email: options.adminEmail,
      password: options.adminPassword,
      name: 'Demo Admin',
      role: 'owner',
    });
    const widget = await getWidgetChannel(tx, shop.id);
    const created = await tx
      .insert(channels)
      .values(CHANNELS.map((c) => ({ ...c, shopId: shop.id, inboundAddress: c.inboundAddress ?? null })))
      .returning({ id: channels.id, type: channels.type });
    const channelIds = new Map<ChannelType, string>([[widget.type, widget.id]]);
    for (const c of created) channelIds.set(c.type, c.id);

    await tx.insert(storeProducts).values(
      DEMO_PRODUCTS.map((p) => ({
        shopId: shop.id,
        title: p.title,
        handle: p.handle,
        description: p.description,
        priceCents: p.priceCents,
        currency: 'USD',
        imageUrl: `https://nordicthreads.example/images/${p.handle}.jpg`,
        tags: p.tags,
        inventory: p.inventory,
      })),
    );
    await tx.insert(storeOrders).values(
      orders.map((o) => ({
        shopId: shop.id,
        name: o.name,
        email: o.customer.email,
        customerName: o.customer.name,
        financialStatus: o.financialStatus,
        fulfillmentStatus: o.fulfillmentStatus,
        lineItems: o.lineItems,
        totalCents: o.totalCents,
        currency: 'USD',
        trackingNumber: o.trackingNumber,
        trackingUrl: o.trackingUrl,
        createdAt: new Date(now.getTime() - o.ageMs),
      })),
    );
    await tx
      .insert(storePolicies)
      .values(
        DEMO_POLICIES.map((p) => ({ shopId: shop.id, kind: p.kind, title: p.title, body: policyBody(p) })),
      );

    // Customers, found or created by email as a new conversation would, then dated to their first conversation.
    const customerIds = new Map<SeedConversation, string>();
    const byEmail = new Map<string, { id: string; firstSeen: Date }>();
    for (const c of planned) {
      if (!c.customer) continue;
      const key = c.customer.email?.toLowerCase();
      const known = key ? byEmail.get(key) : undefined;
      if (known) {
        customerIds.set(c, known.id);
        continue;
      }
      const id = await upsertCustomer(tx, shop.id, c.customer);
      if (!id) continue;
      customerIds.set(c, id);
      if (key) byEmail.set(key, { id, firstSeen: c.messages[0].at });
    }
    if (byEmail.size > 0) {
      const rows = [...byEmail.values()].map(
        (v) => sql`(${v.id}::uuid, ${v.firstSeen.toISOString()}::timestamptz)`,
      );
      await tx.execute(
        sql`update customers set created_at = v.at from (values ${sql.join(rows, sql`, `)}) as v(id, at) where customers.id = v.id`,
      );
    }

    const ids = planned.map(() => randomUUID());
    // Day partitions for the seeded history, so it expires by the same partition drops as live data.
    const starts = planned.map((c) => c.messages[0].at.getTime());
    if (starts.length) await ensureDayPartitions(tx, new Date(Math.min(...starts)), now);
    await insertInBatches(
      planned.map((c, i) => ({ c, id: ids[i] })),
      (batch) =>
        tx.insert(conversations).values(
          batch.map(({ c, id }) => ({
            id,
            shopId: shop.id,
            customerId: customerIds.get(c) ?? null,
            channelId: channelIds.get(c.channel) ?? null,
            channel: c.channel,
            status: c.status,
            hasDraft: c.draft !== null,
            subject: c.subject,
            startedAt: c.messages[0].at,
            ...derived(c),
          })),
        ),
    );
    await insertInBatches(
      planned.flatMap((c, i) =>
        c.messages.map((m) => ({
          shopId: shop.id,
          conversationId: ids[i],
          conversationStartedAt: c.messages[0].at,
          role: m.role,
          parts: m.parts,
          createdAt: m.at,
        })),
      ),
      (batch) => tx.insert(messages).values(batch),
    );

    const draftRows = planned.flatMap((c, i) =>
      c.draft
        ? [
            {
              shopId: shop.id,
              conversationId: ids[i],
              body: c.draft.body,
              status: 'pending' as const,
              createdAt: c.draft.at,
              updatedAt: c.draft.at,
            },
          ]
        : [],
    );
    if (draftRows.length) await tx.insert(drafts).values(draftRows);
    const ratingRows = planned.flatMap((c, i) =>
      c.rating
        ? [
            {
              shopId: shop.id,
              conversationId: ids[i],
              rating: c.rating.rating,
              comment: c.rating.comment,
              createdAt: c.rating.at,
            },
          ]
        : [],
    );
    if (ratingRows.length) await tx.insert(ratings).values(ratingRows);
    const ticketRows = planned.flatMap((c, i) =>
      c.ticket
        ? [
            {
              shopId: shop.id,
              number: c.ticket.number,
              conversationId: ids[i],
              customerId: customerIds.get(c) ?? null,
              status: c.ticket.status,
              priority: c.ticket.priority,
              category: c.ticket.category,
              reason: c.ticket.reason,
              createdAt: c.ticket.createdAt,
              updatedAt: c.ticket.updatedAt,
            },
          ]
        : [],
    );
    if (ticketRows.length) {
      const inserted = await tx.insert(tickets).values(ticketRows).returning({ id: tickets.id });
      await tx.insert(ticketEvents).values(seedTicketHistory(shop.id, ticketRows, inserted));
    }
    await tx
      .update(shops)
      .set({ nextTicketNumber: ticketRows.length + 1 })
      .where(eq(shops.id, shop.id));
    return shop.id;
  });
  return { shopId, adminEmail: options.adminEmail, adminPassword: options.adminPassword };
}
