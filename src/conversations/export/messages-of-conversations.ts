import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import { uuidArray } from '../../db/sql-arrays.ts';
import { csvCellSql } from './csv.ts';

type PageConversation = { id: string; startedAt: Date };

// A timestamp as JavaScript's toISOString writes it (milliseconds, Z).
const isoText = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * One export page's messages. Messages are partitioned by their conversation's start
 * (`conversation_started_at`): the page's span of starts prunes the scan to its few day partitions
 * (without it, every partition's index is searched).
 */
function pageMessages(
  shopId: string,
  conversations: ReadonlyArray<PageConversation>,
  join: SQL = sql``,
): SQL {
  const starts = conversations.map((c) => c.startedAt.getTime());
  const from = new Date(Math.min(...starts)).toISOString();
  const to = new Date(Math.max(...starts)).toISOString();
  return sql`from messages m ${join}
    where m.shop_id = ${shopId} and m.conversation_id = any(${uuidArray(conversations.map((c) => c.id))})
      and m.conversation_started_at between ${from}::timestamptz and ${to}::timestamptz`;
}

export type MessageList = { conversationId: string; count: number; json: string };

/**
 * Each conversation's messages as the NDJSON line's JSON array, oldest first, written by PostgreSQL:
 * Node then handles one string per conversation instead of an object per message (the export's
 * speed and memory). Ids, roles and times need no escaping; parts are the stored JSON as it is.
 */
export function messageListsOfConversations(
  db: Db,
  shopId: string,
  conversations: ReadonlyArray<PageConversation>,
): Promise<MessageList[]> {
  if (conversations.length === 0) return Promise.resolve([]);
  return queryRows<MessageList>(
    db,
    sql`select m.conversation_id as "conversationId", count(*)::int as count,
        '[' || string_agg('{"id":"' || m.id || '","role":"' || m.role || '","createdAt":"'
          || ${isoText(sql`m.created_at`)} || '","parts":' || m.parts::text || '}', ','
          order by m.created_at, m.seq) || ']' as json
      ${pageMessages(shopId, conversations)}
      group by m.conversation_id`,
  );
}

// Each message's text parts and its other parts (tool calls and results), in their order.
// offset 0 keeps the planner from inlining the subselects into every place the CSV encoding reads them.
const partsSplit = sql`cross join lateral (select
    (select string_agg(p.part->>'text', E'\n\n' order by p.n) from jsonb_array_elements(m.parts)
      with ordinality p(part, n) where p.part->>'type' = 'text') as text,
    (select jsonb_agg(p.part order by p.n)::text from jsonb_array_elements(m.parts)
      with ordinality p(part, n) where p.part->>'type' <> 'text') as tool_calls offset 0) x`;

export type MessageRows = {
  conversationId: string;
  /**
   * The message's CSV cells (id, time, role, text, tool calls), encoded, one record per message: text
   * parts joined by a blank line; tool calls with their input and results with their output as JSON.
   */
  cells: string;
};

/** Every message of the page as encoded CSV cells, oldest first: PostgreSQL splits the parts and encodes. */
export function messageRowsOfConversations(
  db: Db,
  shopId: string,
  conversations: ReadonlyArray<PageConversation>,
): Promise<MessageRows[]> {
  if (conversations.length === 0) return Promise.resolve([]);
  return queryRows<MessageRows>(
    db,
    sql`select m.conversation_id as "conversationId",
        m.id || ',' || ${isoText(sql`m.created_at`)} || ',' || m.role || ',' || ${csvCellSql(sql`x.text`)}
          || ',' || ${csvCellSql(sql`x.tool_calls`)} as cells
      ${pageMessages(shopId, conversations, partsSplit)}
      order by m.created_at, m.seq`,
  );
}
