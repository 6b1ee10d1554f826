import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { conversations } from '../../db/schema/index.ts';
import { defineTool } from './types.ts';

/** Marks the conversation resolved when the customer confirms the problem is solved. */
export const markResolved = defineTool({
  name: 'markResolved',
  description: 'Mark the conversation as resolved, only after the customer confirms their problem is solved.',
  inputSchema: z.object({}),
  enabled: (ctx) => !ctx.fallbackMode,
  execute: async (ctx) => {
    await ctx.db
      .update(conversations)
      .set({ status: 'resolved', updatedAt: new Date() })
      .where(and(eq(conversations.shopId, ctx.shopId), eq(conversations.id, ctx.conversationId)));
    return { resolved: true };
  },
});
