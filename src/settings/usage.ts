import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
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

/** Counts one AI reply (and its tokens) against this month. */
export async function recordAiReply(
  db: Db,
  shopId: string,
  tokens: { input: number; output: number },
  at = new Date(),
) {
  await db
    .insert(aiUsage)
    .values({
      shopId,
      month: billingMonth(at),
      replies: 1,
      inputTokens: tokens.input,
      outputTokens: tokens.output,
    })
    .onConflictDoUpdate({
      target: [aiUsage.shopId, aiUsage.month],
      set: {
        replies: sql`${aiUsage.replies} + 1`,
        inputTokens: sql`${aiUsage.inputTokens} + ${tokens.input}`,
        outputTokens: sql`${aiUsage.outputTokens} + ${tokens.output}`,
      },
    });
}

/** True when the shop has used its monthly AI reply cap: the assistant then only opens tickets. */
export function isFallbackMode(cap: number | null, used: number): boolean {
  return cap !== null && used >= cap;
}
