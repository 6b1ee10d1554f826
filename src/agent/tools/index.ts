import { createTicket } from './create-ticket.ts';
import { lookupOrder } from './lookup-order.ts';
import { markResolved } from './mark-resolved.ts';
import { searchPolicies } from './search-policies.ts';
import { searchProducts } from './search-products.ts';
import type { AgentTool } from './types.ts';

/** Every tool the agent may use; each decides for itself whether it is enabled. */
// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of tools with their own types.
export const ALL_TOOLS: AgentTool<any, any>[] = [
  lookupOrder,
  searchProducts,
  searchPolicies,
  createTicket,
  markResolved,
];
