import { z } from 'zod';
import { TICKET_PRIORITIES } from '../../db/schema/index.ts';
import { DEFAULT_CATEGORIES } from '../../tickets/categories.ts';
import { openTicket } from '../../tickets/open-ticket.ts';
import { defineTool } from './types.ts';

/** Hands the conversation to the shop's staff; the answer carries the ticket number for the customer. */
export const createTicket = defineTool({
  name: 'createTicket',
  description:
    'Create a support ticket so a person from the store follows up. Use when the customer asks for a person, or when you cannot solve the problem. Tell the customer the ticket number.',
  inputSchema: z.object({
    reason: z.enum(['customer_requested_human', 'ai_unable_to_solve', 'fallback_mode', 'bad_rating']),
    category: z.enum(DEFAULT_CATEGORIES),
    priority: z.enum(TICKET_PRIORITIES),
    summary: z.string().max(500).describe('One or two sentences for the staff'),
  }),
  enabled: () => true,
  execute: async (ctx, input) => {
    // The reason is decided in code: fallback tickets only in fallback mode, bad-rating tickets only from
    // a rating; a model asking for either otherwise files "unable to solve".
    const reason = ctx.fallbackMode
      ? 'fallback_mode'
      : input.reason === 'customer_requested_human'
        ? 'customer_requested_human'
        : 'ai_unable_to_solve';
    const ticket = await openTicket(ctx.db, {
      ...input,
      reason,
      shopId: ctx.shopId,
      conversationId: ctx.conversationId,
    });
    return { ticketNumber: ticket.number, created: ticket.created, reason };
  },
});
