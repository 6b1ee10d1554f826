/** Conversation scripts outside one topic: asking for a human, thanks, greetings, fallback mode, staff tickets. */
import { orderStatusAnswer } from './demo-scripts-orders.ts';
import {
  comma,
  createTicket,
  first,
  hi,
  lookupOrder,
  markResolved,
  type Script,
  type ScriptContext,
  searchPolicies,
  TICKET,
  type TicketCategory,
} from './demo-tools.ts';

const HUMAN_TOPICS: Array<{ text: string; category: TicketCategory; summary: string }> = [
  {
    text: 'It’s about a bulk order for our hiking club, about 25 fleeces with our logo.',
    category: 'Other',
    summary: 'Bulk order (~25 fleeces with club logo) for a hiking club.',
  },
  {
    text: 'I have a complaint about the delivery driver, I’d rather explain it to a person.',
    category: 'Shipping',
    summary: 'Customer has a complaint about the delivery driver.',
  },
  {
    text: 'I want to return several items from different orders and it’s complicated.',
    category: 'Return request',
    summary: 'Return of several items across different orders.',
  },
  {
    text: 'It’s about an invoice for my company, we need the VAT number on it.',
    category: 'Billing',
    summary: 'Company invoice with VAT number needed.',
  },
  {
    text: 'My jacket started delaminating on the inside and I want someone to look at photos.',
    category: 'Product question',
    summary: 'Jacket lining delaminating; customer wants to send photos.',
  },
];

export function askForHuman(ctx: ScriptContext): Script | null {
  if (!ctx.email) return null;
  const { rng } = ctx;
  const topic = rng.pick(HUMAN_TOPICS);
  const ticket = {
    category: topic.category,
    priority: rng.pick(['low', 'medium'] as const),
    reason: 'customer_requested_human',
  } as const;
  return {
    topic: 'human',
    subject: 'Can I talk to someone?',
    ticket,
    turns: [
      {
        role: 'customer',
        text: rng.pick([
          'Can I talk to a real person please?',
          'I want to speak to a human.',
          'Is there a human I can talk to?',
        ]),
      },
      {
        role: 'ai',
        text: 'Of course — I can pass you to our team. So they can help you straight away, what is it about?',
      },
      { role: 'customer', text: topic.text },
      {
        role: 'ai',
        tools: [createTicket(ticket, topic.summary)],
        text: `Thanks${comma(ctx)}! I've created ticket #${TICKET} and a member of our team will get back to you at ${ctx.email}, usually within one business day (Monday–Friday, 08–16 CET).`,
      },
    ],
    staff: {
      reply: `${hi(ctx)}, Kari from Nordic Threads here. Thanks for your patience, I've read through your message and I'm on it.`,
      resolution: `All sorted on our side${comma(ctx)}. I'll close this ticket now, but just reply if there's anything else!`,
    },
  };
}

export function thanks(ctx: ScriptContext): Script {
  const item = ctx.orders[0]?.lineItems[0]?.title ?? 'sweater';
  return {
    topic: 'thanks',
    subject: 'Thank you!',
    turns: [
      {
        role: 'customer',
        text: ctx.rng.pick([
          `Just wanted to say the ${item} arrived and it's perfect. Thank you!`,
          `Received my ${item} today, super fast delivery. Thanks!`,
          `Love the ${item}, already wore it on a hike this weekend :)`,
        ]),
      },
      {
        role: 'ai',
        tools: [markResolved()],
        text: `That's wonderful to hear${comma(ctx)}, thank you for letting us know! Enjoy it out there, and feel free to reach out anytime.`,
      },
    ],
  };
}

export function greetingOnly(ctx: ScriptContext): Script {
  return {
    topic: 'greeting',
    subject: 'Hello',
    turns: [
      { role: 'customer', text: ctx.rng.pick(['hi', 'Hello?', 'hei', 'hey there']) },
      { role: 'ai', text: 'Hi! 👋 I’m the Nordic Threads assistant. How can I help you today?' },
    ],
  };
}

export function physicalStore(ctx: ScriptContext): Script {
  return {
    topic: 'store',
    subject: 'Physical store?',
    turns: [
      {
        role: 'customer',
        text: ctx.rng.pick([
          'Do you have a shop in Oslo where I can try things on?',
          'Is there a store where I can pick up my order instead of shipping?',
        ]),
      },
      {
        role: 'ai',
        tools: [searchPolicies('store location pickup', [['shipping', 0]])],
        text: 'We’re an online-only store, so there’s no shop to visit or pick up from. All orders ship from our warehouse in Oslo though, and orders placed before 13:00 CET leave the same day. If something doesn’t fit, exchanges are free once per order.',
      },
    ],
  };
}

/** While the shop is over its AI reply cap, the assistant can only open tickets. */
export function fallbackMode(ctx: ScriptContext): Script | null {
  if (!ctx.email) return null;
  const order = ctx.orders[0];
  const ask = order
    ? `Hi, when will order ${order.name} ship? My email is ${ctx.email}`
    : 'Hello, do you ship to Iceland? And how long does it take?';
  const category: TicketCategory = order ? 'Order issue' : 'Shipping';
  const ticket = { category, priority: 'medium', reason: 'fallback_mode' } as const;
  return {
    topic: 'fallback',
    subject: order ? `Order ${order.name}` : 'Shipping to Iceland',
    ticket,
    turns: [
      { role: 'customer', text: ask },
      {
        role: 'ai',
        tools: [createTicket(ticket, ask)],
        text: `Thanks for your message${comma(ctx)}! I can't look that up for you right now, so I've created ticket #${TICKET} and our team will reply to ${ctx.email} within one business day.`,
      },
    ],
    staff: {
      reply: order
        ? `${hi(ctx)}, sorry for the wait! ${orderStatusAnswer({ ...ctx, customer: null }, order)}`
        : `${hi(ctx)}, yes, we ship to Iceland! Delivery takes 4–7 business days; import VAT may be charged by the carrier on delivery.`,
      resolution: 'I hope that answers your question. Have a great week!',
    },
  };
}

/** A stuck parcel the AI could not do much about, so staff opened a ticket themselves. */
export function stuckParcel(ctx: ScriptContext): Script | null {
  const order = ctx.orders.find((o) => o.fulfillmentStatus === 'fulfilled');
  if (!order || !ctx.email) return null;
  const ticket = { category: 'Shipping', priority: 'high', reason: 'staff_created' } as const;
  return {
    topic: 'stuck-parcel',
    subject: `Parcel ${order.name} stuck`,
    ticket,
    turns: [
      {
        role: 'customer',
        text: `My parcel for ${order.name} has said "in transit" for over a week now. ${ctx.email}. I need it for a trip on Saturday.`,
      },
      {
        role: 'ai',
        tools: [lookupOrder(ctx, order.name, ctx.email)],
        text: `I'm sorry${comma(ctx)}, that is longer than it should take. Order ${order.name} was handed to the carrier with tracking number ${order.trackingNumber} (${order.trackingUrl}). The last scans can lag behind, but after a week without updates it's worth an investigation — I'll flag this for our team.`,
      },
      { role: 'system', text: `Ticket #${TICKET} created by Demo Admin (Shipping, high priority).` },
    ],
    staff: {
      reply: `${hi(ctx)}, I've opened an investigation with the carrier for ${order.name}. If it hasn't moved by Thursday, we'll send a replacement by express at no cost so you have it for your trip.`,
      resolution: `The carrier found the parcel at their terminal and it's out for delivery today. Have a great trip${ctx.customer ? `, ${first(ctx)}` : ''}!`,
    },
  };
}
