import { z } from 'zod';
import { defineTool } from './types.ts';

/** Finds the store's policies (returns, shipping, payment). */
export const searchPolicies = defineTool({
  name: 'searchPolicies',
  description: "Search the store's policies on returns, exchanges, shipping and payment.",
  inputSchema: z.object({ query: z.string().max(200).describe('The policy question, e.g. "return window"') }),
  enabled: (ctx) => !ctx.fallbackMode,
  execute: async (ctx, input) => {
    const policies = await ctx.commerce.searchPolicies(input.query, 2);
    return {
      policies: policies.map((p) => ({ kind: p.kind, title: p.title, excerpt: p.body.slice(0, 4000) })),
    };
  },
});
