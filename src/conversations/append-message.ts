import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client.ts';
import type { ConversationStatus, MessagePart, MessageRole } from '../db/schema/index.ts';
import { messages } from '../db/schema/index.ts';
import { notFound } from '../http/errors.ts';

export type MessageInput = {
  role: MessageRole;
  parts: MessagePart[];
  clientMessageId?: string;
  createdAt?: Date;
};
export type NewMessage = MessageInput & { shopId: string; conversationId: string };
export type StoredMessage = typeof messages.$inferSelect;
export type AppendResult = {
  message: StoredMessage;
  /** The clientMessageId was stored before: `message` is that first message. */
  duplicate: boolean;
  /** The conversation's status after the message (null for a duplicate). */
  status: ConversationStatus | null;
};
/** More work for the same statement: CTEs that may read `ins` (the new message) and columns to return. */
export type AppendExtra = { ctes?: SQL; columns?: SQL };

const PREVIEW_LENGTH = 160;

/** The text a message contributes to previews and search: its text parts joined. */
export function messageText(parts: MessagePart[]): string {
  return parts
    .filter((p) => p.type === 'text')
    .map((p) => p.text)
    .join('\n');
}

type AppendRow = {
  found: number;
  target_conversation_id: string | null;
  id: string | null;
  shop_id: string;
  conversation_id: string;
  conversation_started_at: Date | string;
  role: MessageRole;
  parts: MessagePart[];
  client_message_id: string | null;
  created_at: Date | string;
  seq: number | string;
  conversation_status: ConversationStatus | null;
} & Record<string, unknown>;

const toMessage = (row: AppendRow): StoredMessage => ({
  id: row.id as string,
  shopId: row.shop_id,
  conversationId: row.conversation_id,
  conversationStartedAt: new Date(row.conversation_started_at),
  role: row.role,
  parts: row.parts,
  clientMessageId: row.client_message_id,
  createdAt: new Date(row.created_at),
  seq: Number(row.seq),
});

/**
 * Stores a message in the conversation `source` selects (columns shop_id, conversation_id,
 * conversation_started_at) and updates
 * that conversation's preview, last-message time, search words and status, in one statement: one round
 * trip, atomic without a transaction. Null when `source` selects no conversation.
 */
export async function appendMessageTo(
  db: Db,
  source: SQL,
  input: MessageInput,
  extra: AppendExtra = {},
): Promise<(AppendResult & { row: Record<string, unknown> }) | null> {
  // System notes (ticket opened, …) are for staff: they neither become the preview nor searchable text.
  const text = input.role === 'system' ? '' : messageText(input.parts);
  const preview = text ? text.replace(/\s+/g, ' ').trim().slice(0, PREVIEW_LENGTH) : null;
  const [row] = await queryRows<AppendRow>(
    db,
    sql`with src as (${source}),
      ins as (
        insert into messages (shop_id, conversation_id, conversation_started_at, role, parts,
          client_message_id, created_at)
        select shop_id, conversation_id, conversation_started_at, ${input.role}, ${JSON.stringify(input.parts)}::jsonb,
          ${input.clientMessageId ?? null}::text,
          coalesce(${input.createdAt?.toISOString() ?? null}::timestamptz, now())
        from src
        on conflict (conversation_id, client_message_id, conversation_started_at) do nothing
        returning *),
      upd as (
        update conversations c set last_message_at = ins.created_at, updated_at = now(),
          preview = coalesce(${preview}::text, c.preview),
          search_vector = case when ${text}::text = '' then c.search_vector
            else c.search_vector || to_tsvector('simple', ${text}::text) end,
          -- A customer writing again reopens a resolved conversation.
          status = case when ${input.role}::text = 'customer' and c.status = 'resolved' then 'unresolved'
            else c.status end
        from ins where c.id = ins.conversation_id and c.shop_id = ins.shop_id
        returning c.status)
      ${extra.ctes ?? sql``}
      select (select count(*) from src)::int as found,
        (select conversation_id from src limit 1) as target_conversation_id,
        ins.*, (select status from upd) as conversation_status ${extra.columns ?? sql``}
      from (select 1) as one left join ins on true`,
    { prepared: true },
  );
  if (!row || row.found === 0) return null;
  if (row.id) return { message: toMessage(row), duplicate: false, status: row.conversation_status, row };
  // Rare: a retried clientMessageId. A new statement sees the first message even if it committed meanwhile.
  const [existing] = await db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, row.target_conversation_id as string),
        eq(messages.clientMessageId, input.clientMessageId ?? ''),
      ),
    );
  return { message: existing, duplicate: true, status: null, row };
}

/** Stores a message in one of the shop's conversations; a repeated clientMessageId returns the first one. */
export async function appendMessage(db: Db, input: NewMessage, extra?: AppendExtra) {
  const stored = await appendMessageTo(
    db,
    sql`select shop_id, id as conversation_id, started_at as conversation_started_at from conversations
        where id = ${input.conversationId}::uuid and shop_id = ${input.shopId}::uuid`,
    input,
    extra,
  );
  if (!stored) throw notFound('conversation');
  return stored;
}
