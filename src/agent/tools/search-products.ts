import { z } from 'zod';
import { defineTool } from './types.ts';

/** Finds products in the shop's catalog. */
export const searchProducts = defineTool({
  name: 'searchProducts',
  description: 'Search the store catalog for products by what the customer is looking for.',
  inputSchema: z.object({ query: z.string().max(200).describe('What to look for, e.g. "wool sweater"') }),
  enabled: (ctx) => !ctx.fallbackMode,
  execute: async (ctx, input) => {
    const products = await ctx.commerce.searchProducts(input.query, 4);
    return {
      products: products.map((p) => ({
        title: p.title,
        priceCents: p.priceCents,
        currency: p.currency,
        inStock: p.inStock,
        url: p.url,
        imageUrl: p.imageUrl,
        description: p.description.slice(0, 200),
      })),
    };
  },
});
