import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client.ts';
import type { MessagePart, TICKET_REASONS } from '../db/schema/index.ts';

export type TicketSummary = {
  number: number;
  category: string;
  priority: string;
  reason: (typeof TICKET_REASONS)[number];
  customerName: string | null;
  customerEmail: string | null;
  /** The customer's latest words, or why the ticket was opened; at most PREVIEW_CHARS. */
  preview: string;
};

export const PREVIEW_CHARS = 200;

export const REASON_WORDS: Record<TicketSummary['reason'], string> = {
  customer_requested_human: 'The customer asked for a person',
  ai_unable_to_solve: 'The assistant could not solve it',
  bad_rating: 'The customer rated the conversation badly',
  fallback_mode: 'AI replies are paused (monthly cap reached)',
  staff_created: 'Opened by staff',
};

/** Cuts text to `max` characters on a word boundary where one is near, with an ellipsis. */
export function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

type Row = {
  number: number;
  category: string;
  priority: string;
  reason: TicketSummary['reason'];
  customer_name: string | null;
  customer_email: string | null;
  last_parts: MessagePart[] | null;
  summary: string | null;
};

/** A ticket as a notification shows it; null when it does not exist in this shop or was deleted. */
export async function loadTicketSummary(
  db: Db,
  shopId: string,
  number: number,
): Promise<TicketSummary | null> {
  const [row] = await queryRows<Row>(
    db,
    sql`select t.number, t.category, t.priority, t.reason,
          c.name as customer_name, c.email as customer_email,
          (select m.parts from messages m
            where m.conversation_id = t.conversation_id and m.shop_id = t.shop_id and m.role = 'customer'
            order by m.created_at desc, m.seq desc limit 1) as last_parts,
          (select e.detail->>'summary' from ticket_events e
            where e.ticket_id = t.id and e.detail ? 'summary'
            order by e.id desc limit 1) as summary
        from tickets t
        left join customers c on c.id = t.customer_id and c.shop_id = t.shop_id
        where t.shop_id = ${shopId} and t.number = ${number} and t.deleted_at is null`,
  );
  if (!row) return null;
  const said = (row.last_parts ?? [])
    .flatMap((p) => (p.type === 'text' ? [p.text] : []))
    .join(' ')
    .trim();
  return {
    number: row.number,
    category: row.category,
    priority: row.priority,
    reason: row.reason,
    customerName: row.customer_name,
    customerEmail: row.customer_email,
    preview: truncate(said || row.summary || REASON_WORDS[row.reason] || '', PREVIEW_CHARS),
  };
}

/** Where staff open the ticket in the admin app. */
export function ticketUrl(baseUrl: string, number: number): string {
  return `${baseUrl.replace(/\/+$/, '')}/tickets/${number}`;
}
