// A customer's footprint in a shop (chat and email conversations, messages with tool calls, an email row,
// a ticket with a staff reply) and per-table row counts, for the compliance webhook tests.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../src/db/client.ts';
import { emailMessages } from '../../src/db/schema/index.ts';
import { openTicket } from '../../src/tickets/open-ticket.ts';
import { replyToTicket } from '../../src/tickets/reply-ticket.ts';
import { newConversation } from './factories.ts';

export const COUNTED_TABLES = [
  'customers',
  'conversations',
  'messages',
  'email_messages',
  'tickets',
  'ticket_messages',
  'ticket_events',
  'shopify_data_requests',
] as const;

export type Counts = Record<(typeof COUNTED_TABLES)[number], number>;

/** Rows per table for one shop. */
export async function countRows(db: Db, shopId: string): Promise<Counts> {
  const out = {} as Counts;
  for (const table of COUNTED_TABLES) {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.identifier(table)} where shop_id = ${shopId}`,
    );
    out[table] = Number(row.n);
  }
  return out;
}

/** Everything one customer leaves in a shop; the same shape every time, so counts compare. */
export async function seedCustomerFootprint(
  db: Db,
  shopId: string,
  customer: { name: string; email: string },
) {
  const chat = await newConversation(db, shopId, {
    customer,
    messages: [
      { role: 'customer', text: `Where is my order #1001? I am ${customer.name}` },
      {
        role: 'ai',
        parts: [
          {
            type: 'tool-call',
            toolCallId: 'call-1',
            toolName: 'lookupOrder',
            input: { orderNumber: '1001', email: customer.email },
          },
          {
            type: 'tool-result',
            toolCallId: 'call-1',
            toolName: 'lookupOrder',
            output: { found: false },
          },
          { type: 'text', text: 'I could not find it; a person will help.' },
        ],
      },
    ],
  });
  const mail = await newConversation(db, shopId, {
    channel: 'email',
    customer,
    messages: [{ role: 'customer', text: `Hello, this is ${customer.name} by email` }],
  });
  await db.insert(emailMessages).values({
    shopId,
    conversationId: mail.id,
    direction: 'in',
    rfcMessageId: `${randomBytes(6).toString('hex')}@mail.example`,
    subject: `Question from ${customer.name}`,
    fromAddress: customer.email,
    toAddresses: ['support@shop.example'],
    fullText: `Hello, this is ${customer.name} by email`,
  });
  const { number } = await openTicket(db, {
    shopId,
    conversationId: chat.id,
    reason: 'customer_requested_human',
    category: 'Shipping',
    priority: 'high',
    summary: `${customer.name} wants a person`,
  });
  await replyToTicket(db, shopId, number, `We are on it, ${customer.name}`, { type: 'staff', name: 'Staff' });
  return { chatId: chat.id, mailId: mail.id, ticketNumber: number };
}
