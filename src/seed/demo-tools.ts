/** The shapes of demo conversation scripts and the AI tool calls in them, built from the seeded store data. */
import { type DemoProduct, productUrl } from './demo-catalog.ts';
import type { DemoCustomer } from './demo-customers.ts';
import { type DemoOrder, orderSummary } from './demo-orders.ts';
import { DEMO_POLICIES, type DemoPolicy } from './demo-policies.ts';
import type { Rng } from './random.ts';

export type ToolName = 'lookupOrder' | 'searchProducts' | 'searchPolicies' | 'createTicket' | 'markResolved';
export type ToolUse = { name: ToolName; input: unknown; output: unknown };

export type TicketCategory =
  | 'Return request'
  | 'Order issue'
  | 'Shipping'
  | 'Product question'
  | 'Billing'
  | 'Other';
export type TicketPriority = 'low' | 'medium' | 'high' | 'urgent';
export type TicketReason =
  | 'customer_requested_human'
  | 'ai_unable_to_solve'
  | 'bad_rating'
  | 'fallback_mode'
  | 'staff_created';
export type TicketPlan = { category: TicketCategory; priority: TicketPriority; reason: TicketReason };

/** One message of a script. An AI turn renders as [pre?, tool-call…, tool-result…, text]. */
export type Turn =
  | { role: 'customer'; text: string }
  | { role: 'ai'; pre?: string; tools?: ToolUse[]; text: string }
  | { role: 'staff'; text: string }
  | { role: 'system'; text: string };

export type Script = {
  topic: string;
  /** Subject line when the conversation arrives by email. */
  subject: string;
  turns: Turn[];
  /** Set when a turn creates a ticket (a createTicket call or a system note with TICKET in it). */
  ticket?: TicketPlan;
  /** What staff write when they pick the ticket up, and when they close it. */
  staff?: { reply: string; resolution: string };
};

/** Stands for the ticket number until tickets are numbered in creation order. */
export const TICKET = '__TICKET__';

/** What a script is written for. */
export type ScriptContext = {
  rng: Rng;
  now: Date;
  /** How long before `now` the conversation starts. */
  ageMs: number;
  /** The customer's name, when known. */
  customer: DemoCustomer | null;
  /** The customer's email, when known (named or email-only). */
  email: string | null;
  norwegian: boolean;
  /** This customer's orders placed before the conversation, newest first. */
  orders: DemoOrder[];
  /** Every demo order (for mistyped or unknown order numbers). */
  allOrders: DemoOrder[];
};

export const first = (ctx: ScriptContext) => (ctx.customer ? ctx.customer.name.split(' ')[0] : '');

/** "Hi Ingrid" or "Hi" — how staff open a reply. */
export const hi = (ctx: ScriptContext) => (ctx.customer ? `Hi ${first(ctx)}` : 'Hi');

/** ", Ingrid" or "" — for "Thanks, Ingrid!" */
export const comma = (ctx: ScriptContext) => (ctx.customer ? `, ${first(ctx)}` : '');

export function lookupOrder(ctx: ScriptContext, orderNumber: string, email: string): ToolUse {
  const order = ctx.allOrders.find(
    (o) => o.name === orderNumber && o.customer.email.toLowerCase() === email.toLowerCase(),
  );
  return {
    name: 'lookupOrder',
    input: { orderNumber, email },
    output: order ? orderSummary(order, ctx.now) : { found: false },
  };
}

export function searchProducts(query: string, products: DemoProduct[]): ToolUse {
  return {
    name: 'searchProducts',
    input: { query },
    output: {
      products: products.map((p) => ({
        title: p.title,
        priceCents: p.priceCents,
        currency: 'USD',
        inStock: p.inventory > 0,
        url: productUrl(p),
      })),
    },
  };
}

export function searchPolicies(query: string, refs: Array<[DemoPolicy['kind'], number]>): ToolUse {
  return {
    name: 'searchPolicies',
    input: { query },
    output: {
      policies: refs.map(([kind, paragraph]) => {
        const policy = DEMO_POLICIES.find((p) => p.kind === kind);
        if (!policy?.paragraphs[paragraph]) throw new Error(`no policy paragraph ${kind}/${paragraph}`);
        return { kind, title: policy.title, excerpt: policy.paragraphs[paragraph] };
      }),
    },
  };
}

export function createTicket(plan: TicketPlan, summary: string): ToolUse {
  return {
    name: 'createTicket',
    input: {
      reason: plan.reason,
      category: plan.category,
      priority: plan.priority,
      summary,
    },
    output: { ticketNumber: TICKET },
  };
}

export const markResolved = (): ToolUse => ({ name: 'markResolved', input: {}, output: { resolved: true } });

export const usd = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/** "Hardanger Wool Sweater and Nordkapp Beanie" */
export function itemList(order: DemoOrder): string {
  const titles = order.lineItems.map((li) => (li.quantity > 1 ? `${li.quantity}× ${li.title}` : li.title));
  if (titles.length <= 1) return titles.join('');
  return `${titles.slice(0, -1).join(', ')} and ${titles[titles.length - 1]}`;
}

export const carrierName = (order: DemoOrder) =>
  order.trackingUrl?.includes('posten')
    ? 'Posten/Bring'
    : order.trackingUrl?.includes('postnord')
      ? 'PostNord'
      : 'UPS';

export function deliveryEstimate(order: DemoOrder): string {
  const country = order.customer.country;
  if (country === 'NO') return '1–3 business days';
  if (country === 'SE' || country === 'DK' || country === 'FI') return '2–4 business days';
  if (country === 'US') return '5–8 business days';
  return '4–7 business days';
}
