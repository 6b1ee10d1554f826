import type { Database } from '../../src/db/client.ts';

/**
 * Inserts `n` conversations for a shop with set-based SQL (thousands per second, on PGlite too). Started
 * a second apart from `newest` backwards, two at a time (ties are broken by id). Every 50th has no
 * messages; the rest have three: a customer's text with quotes, commas, a newline and an emoji; an AI
 * message with a tool call (nested input), its result and text; a customer's formula-like text.
 * Every 10th has no customer, every 7th a ticket (every 14th also a deleted one), every 5th a rating.
 * Ends with ANALYZE, as autovacuum would, so plans are the ones a real database gets.
 */
export async function insertBulkConversations(
  database: Database,
  shopId: string,
  n: number,
  newest: Date,
  tag = 'bulk',
): Promise<void> {
  const started = `('${newest.toISOString()}'::timestamptz - (i / 2) * interval '1 second')`;
  const conv = `md5('${shopId}-${tag}-conv-' || i)::uuid`;
  await database.exec(`
    insert into customers (id, shop_id, name, email)
    select md5('${shopId}-${tag}-cust-' || i)::uuid, '${shopId}', 'Kunde ' || i || ' Ærøskøbing',
      '${tag}-' || i || '@example.com'
    from generate_series(1, ${n}) i where i % 10 <> 0;
    insert into conversations (id, shop_id, customer_id, channel, status, has_draft, subject, preview,
      started_at, last_message_at, updated_at)
    select ${conv}, '${shopId}',
      case when i % 10 = 0 then null else md5('${shopId}-${tag}-cust-' || i)::uuid end,
      (array['widget','gmail','outlook','email','api'])[1 + i % 5],
      (array['unresolved','resolved','draft'])[1 + i % 3], i % 3 = 2,
      case when i % 4 = 0 then 'Subject, "quoted" ' || i end, 'preview ' || i,
      ${started}, ${started} + interval '3 seconds', ${started} + interval '3 seconds'
    from generate_series(1, ${n}) i;
    insert into messages (shop_id, conversation_id, conversation_started_at, role, parts, created_at)
    select '${shopId}', ${conv}, ${started},
      case k when 2 then 'ai' else 'customer' end,
      case k
        when 1 then jsonb_build_array(jsonb_build_object('type', 'text',
          'text', 'Hello "quoted", comma' || chr(10) || 'line two 😀 #' || i))
        when 2 then jsonb_build_array(
          jsonb_build_object('type', 'tool-call', 'toolCallId', 'call_' || i, 'toolName', 'lookupOrder',
            'input', jsonb_build_object('orderNumber', '#' || i, 'nested', jsonb_build_array(1, 2.5, jsonb_build_object('b', null)))),
          jsonb_build_object('type', 'tool-result', 'toolCallId', 'call_' || i, 'toolName', 'lookupOrder',
            'output', jsonb_build_object('found', i % 2 = 0, 'items', jsonb_build_array('sweater', 'boots'))),
          jsonb_build_object('type', 'text', 'text', 'Your order #' || i || ' is on its way.'))
        else jsonb_build_array(jsonb_build_object('type', 'text', 'text', '=SUM(A' || i || ')'))
      end,
      ${started} + k * interval '1 second'
    from generate_series(1, ${n}) i cross join generate_series(1, 3) k where i % 50 <> 0;
    insert into tickets (shop_id, number, conversation_id, status, priority, category, reason)
    select '${shopId}', i, ${conv}, (array['new','open','waiting','resolved'])[1 + i % 4],
      (array['low','medium','high','urgent'])[1 + i % 4], 'Orders', 'customer_requested_human'
    from generate_series(1, ${n}) i where i % 7 = 0;
    insert into tickets (shop_id, number, conversation_id, reason, deleted_at)
    select '${shopId}', ${n} + i, ${conv}, 'staff_created', now()
    from generate_series(1, ${n}) i where i % 14 = 0;
    insert into ratings (shop_id, conversation_id, rating, comment)
    select '${shopId}', ${conv}, case when i % 2 = 0 then 'good' else 'bad' end,
      case when i % 3 = 0 then 'Great, "thanks"' end
    from generate_series(1, ${n}) i where i % 5 = 0;
    analyze;`);
}
