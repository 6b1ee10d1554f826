import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { type Database, queryRows } from '../../src/db/client.ts';

export const LONG_HISTORY_MESSAGES = 2_000;

/** A conversation of 2,000 messages (every tenth AI reply with a tool call) in the bench shop, made once. */
export async function ensureLongConversation(database: Database, shopId: string): Promise<string> {
  const [existing] = await queryRows<{ id: string }>(
    database.db,
    sql`select id from conversations where shop_id = ${shopId} and subject = 'bench: long history' limit 1`,
  );
  if (existing) return existing.id;
  const [conversation] = await queryRows<{ id: string; started_at: string }>(
    database.db,
    sql`insert into conversations (shop_id, channel, status, subject, preview, started_at, last_message_at, updated_at)
        values (${shopId}, 'widget', 'unresolved', 'bench: long history', 'A very long chat',
          now() - interval '2 hours', now() - interval '1 minute', now())
        returning id, started_at::text`,
  );
  await database.exec(`
    insert into messages (shop_id, conversation_id, conversation_started_at, role, parts, created_at)
    select '${shopId}', '${conversation.id}', '${conversation.started_at}'::timestamptz,
      case when k % 2 = 1 then 'customer' else 'ai' end,
      case when k % 20 = 0 then jsonb_build_array(
          jsonb_build_object('type', 'tool-call', 'toolCallId', 'call_' || k, 'toolName', 'lookupOrder',
            'input', jsonb_build_object('orderNumber', '#' || (1000 + k))),
          jsonb_build_object('type', 'tool-result', 'toolCallId', 'call_' || k, 'toolName', 'lookupOrder',
            'output', jsonb_build_object('found', true, 'status', 'shipped')),
          jsonb_build_object('type', 'text', 'text', 'Order #' || (1000 + k) || ' has shipped and should arrive within three days.'))
        else jsonb_build_array(jsonb_build_object('type', 'text', 'text',
          'Message ' || k || ': ' || repeat('a question about sizes, colours and delivery times ', 1 + k % 4))) end,
      '${conversation.started_at}'::timestamptz + k * interval '3 seconds'
    from generate_series(1, ${LONG_HISTORY_MESSAGES}) k`);
  return conversation.id;
}

/**
 * Opens the long conversation and scrolls from its newest message to its oldest, a screen at a time
 * each frame: time to the first message drawn, the messages in the DOM (virtualization keeps this
 * small), and frame times while scrolling (smooth is ≤ 16.7 ms at 60 Hz).
 */
export async function measureLongHistory(page: Page, base: string, conversationId: string) {
  await page.bringToFront();
  await page.goto(`${base}/conversations/${conversationId}`);
  await page.locator('[data-testid="message"]').first().waitFor();
  const firstMessageMs = await page.evaluate(() => performance.now());
  const inDom = await page.locator('[data-testid="message"]').count();
  const frames = await page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const times: number[] = [];
        let last = performance.now();
        const step = () => {
          const now = performance.now();
          times.push(now - last);
          last = now;
          if (window.scrollY <= 0 || times.length > 2_000) resolve(times.slice(1));
          else {
            window.scrollBy(0, -window.innerHeight * 0.8);
            requestAnimationFrame(step);
          }
        };
        requestAnimationFrame(step);
        // Frames stop in a page that is not drawn: never wait for ever.
        setTimeout(() => resolve(times.slice(1)), 60_000);
      }),
  );
  const sorted = [...frames].sort((a, b) => a - b);
  const pct = (p: number) =>
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] * 10) / 10;
  const oldestShown = await page.getByText('Message 1: ', { exact: false }).first().isVisible();
  return {
    messages: 2_000,
    firstMessageMs: Math.round(firstMessageMs),
    messagesInDom: inDom,
    scrollFrames: frames.length,
    frameMs: { p50: pct(0.5), p95: pct(0.95), max: pct(1) },
    reachedOldest: oldestShown,
  };
}
