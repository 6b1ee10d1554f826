import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client.ts';
import { type ChannelType, conversations } from '../db/schema/index.ts';

export type CustomerInput = { name?: string | null; email?: string | null };

/** Finds the shop's customer by email (filling in a missing name) or creates one; null when nothing is known. */
export async function upsertCustomer(
  db: Db,
  shopId: string,
  customer: CustomerInput | undefined,
): Promise<string | null> {
  const name = customer?.name?.trim() || null;
  const email = customer?.email?.trim() || null;
  if (!name && !email) return null;
  if (!email) {
    const [row] = await queryRows<{ id: string }>(
      db,
      sql`insert into customers (shop_id, name) values (${shopId}, ${name}) returning id`,
    );
    return row.id;
  }
  // An unverified channel (anyone with the public widget key) must not rename an existing customer.
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`insert into customers (shop_id, name, email) values (${shopId}, ${name}, ${email})
        on conflict (shop_id, lower(email)) do update set name = coalesce(customers.name, excluded.name)
        returning id`,
  );
  return row.id;
}

export type NewConversation = {
  shopId: string;
  channel: ChannelType;
  channelId?: string | null;
  customer?: CustomerInput;
  subject?: string | null;
  widgetTokenHash?: string | null;
  startedAt?: Date;
};

/** Opens a conversation (status Unresolved) for a customer found or created by email. */
export async function createConversation(db: Db, input: NewConversation) {
  return db.transaction(async (tx) => {
    const customerId = await upsertCustomer(tx, input.shopId, input.customer);
    const [row] = await tx
      .insert(conversations)
      .values({
        shopId: input.shopId,
        customerId,
        channelId: input.channelId ?? null,
        channel: input.channel,
        subject: input.subject ?? null,
        widgetTokenHash: input.widgetTokenHash ?? null,
        startedAt: input.startedAt,
        lastMessageAt: input.startedAt,
      })
      .returning();
    return row;
  });
}
