import { and, eq, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client.ts';
import { aiUsage } from '../db/schema/index.ts';

/** The billing month of a moment, `YYYY-MM` in UTC. */
export const billingMonth = (at = new Date()) => at.toISOString().slice(0, 7);

/** AI replies a shop used this month. */
export async function getMonthlyUsage(db: Db, shopId: string, at = new Date()) {
  const month = billingMonth(at);
  const [row] = await db
    .select({ replies: aiUsage.replies })
    .from(aiUsage)
    .where(and(eq(aiUsage.shopId, shopId), eq(aiUsage.month, month)));
  return { month, aiReplies: row?.replies ?? 0 };
}

/**
 * Counts one AI reply against this month before the model runs, atomically, so replies answered at the
 * same time cannot overshoot the cap. False when the cap is used up (fallback mode).
 */
export async function reserveAiReply(
  db: Db,
  shopId: string,
  cap: number | null,
  at = new Date(),
): Promise<boolean> {
  if (cap !== null && cap <= 0) return false;
  // On every reply's path: a prepared statement (one text whether or not there is a cap).
  const rows = await queryRows<{ replies: number }>(
    db,
    sql`insert into ai_usage (shop_id, month, replies) values (${shopId}::uuid, ${billingMonth(at)}, 1)
        on conflict (shop_id, month) do update set replies = ai_usage.replies + 1
        where ${cap}::int is null or ai_usage.replies < ${cap}::int
        returning replies`,
    { prepared: true },
  );
  return rows.length > 0;
}

/** Gives back a reservation whose reply was never stored (the model failed, or another worker answered). */
export async function releaseAiReply(db: Db, shopId: string, at = new Date()) {
  await db
    .update(aiUsage)
    .set({ replies: sql`greatest(${aiUsage.replies} - 1, 0)` })
    .where(and(eq(aiUsage.shopId, shopId), eq(aiUsage.month, billingMonth(at))));
}

/** Adds a stored reply's tokens to this month. */
export async function recordAiTokens(
  db: Db,
  shopId: string,
  tokens: { input: number; output: number },
  at = new Date(),
) {
  await db
    .update(aiUsage)
    .set({
      inputTokens: sql`${aiUsage.inputTokens} + ${tokens.input}`,
      outputTokens: sql`${aiUsage.outputTokens} + ${tokens.output}`,
    })
    .where(and(eq(aiUsage.shopId, shopId), eq(aiUsage.month, billingMonth(at))));
}

/** True when the shop has used its monthly AI reply cap: the assistant then only opens tickets. */
export function isFallbackMode(cap: number | null, used: number): boolean {
  return cap !== null && used >= cap;
}
