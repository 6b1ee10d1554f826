import { and, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { OrderSummary } from '../../commerce/types.ts';
import { messages } from '../../db/schema/index.ts';
import { defineTool, type ToolContext } from './types.ts';

export const MAX_LOOKUPS_PER_HOUR = 5;

const NOT_FOUND = {
  found: false as const,
  message: 'No order matches that order number and email address.',
};

const EMAIL_NEEDED = {
  found: false as const,
  message: 'Ask the customer for the email address used for the order.',
};

const sameEmail = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** What the customer may see of their own order. */
function present(order: OrderSummary) {
  return {
    found: true as const,
    order: {
      name: order.name,
      createdAt: order.createdAt,
      financialStatus: order.financialStatus,
      fulfillmentStatus: order.fulfillmentStatus,
      totalCents: order.totalCents,
      currency: order.currency,
      lineItems: order.lineItems.map((l) => ({ title: l.title, quantity: l.quantity })),
      trackingNumber: order.trackingNumber,
      trackingUrl: order.trackingUrl,
    },
  };
}

// Lookup calls in this conversation in the last hour (stored ones and this reply's): guessing order
// numbers stays slow even when one reply makes several calls.
async function storedLookups(ctx: ToolContext): Promise<number> {
  const [row] = await ctx.db
    .select({
      n: sql<number>`coalesce(sum((select count(*) from jsonb_array_elements(${messages.parts}) p
        where p->>'type' = 'tool-call' and p->>'toolName' = 'lookupOrder')), 0)::int`,
    })
    .from(messages)
    .where(
      and(
        eq(messages.shopId, ctx.shopId),
        eq(messages.conversationId, ctx.conversationId),
        gt(messages.createdAt, new Date(Date.now() - 3600_000)),
        sql`${messages.parts} @> '[{"type":"tool-call","toolName":"lookupOrder"}]'::jsonb`,
      ),
    );
  return row?.n ?? 0;
}

/** Shows an order only when its number and the customer's email both match; otherwise one identical answer. */
export const lookupOrder = defineTool({
  name: 'lookupOrder',
  description:
    'Look up the status of an order. Needs the order number (like #1004) and the email address used for the order; ask the customer for whichever is missing. When the system says the sender is verified, the email may be left out.',
  inputSchema: z.object({
    orderNumber: z.string().max(40).describe('The order number, e.g. #1004'),
    email: z
      .string()
      .max(320)
      .optional()
      .describe('The email address the order was placed with (optional only for a verified email sender)'),
  }),
  enabled: (ctx) => !ctx.fallbackMode,
  execute: async (ctx, input) => {
    // Take this call's place before awaiting anything: parallel calls in one step count each other.
    const earlierThisRun = ctx.callsThisRun.get('lookupOrder') ?? 0;
    ctx.callsThisRun.set('lookupOrder', earlierThisRun + 1);
    if ((await storedLookups(ctx)) + earlierThisRun >= MAX_LOOKUPS_PER_HOUR) {
      return {
        found: false as const,
        message: 'Too many order lookups in this chat. Please try again later.',
      };
    }
    // Only an authenticated sender stands in for the email; text in a message never does.
    const email = input.email ?? ctx.verifiedEmail;
    if (!email) return EMAIL_NEEDED;
    const order = await ctx.commerce.findOrderByName(input.orderNumber);
    // Not found and wrong email answer alike, so the tool reveals nothing about other customers' orders.
    if (!order || !sameEmail(order.email, email)) return NOT_FOUND;
    return present(order);
  },
});
