/** Conversation scripts about orders: status, wrong numbers, refunds, damage, address changes. */
import type { Country } from './demo-customers.ts';
import type { DemoOrder } from './demo-orders.ts';
import {
  carrierName,
  comma,
  createTicket,
  deliveryEstimate,
  hi,
  itemList,
  lookupOrder,
  type Script,
  type ScriptContext,
  searchPolicies,
  TICKET,
  type Turn,
  usd,
} from './demo-tools.ts';
import { DAY } from './random.ts';

const NEW_ADDRESS: Record<Country, string> = {
  NO: 'Storgata 12B, 0155 Oslo',
  SE: 'Drottninggatan 45, 111 21 Stockholm',
  DK: 'Nørrebrogade 20, 2200 København N',
  FI: 'Mannerheimintie 5 A 7, 00100 Helsinki',
  US: '1420 Pine Street, Apt 3, Seattle, WA 98101',
  GB: '14 Abbey Road, London NW8 9AY',
  DE: 'Schillerstraße 8, 10625 Berlin',
};

/** The customer's most recent order matching the filter, if any. */
function orderWhere(ctx: ScriptContext, ok: (o: DemoOrder) => boolean): DemoOrder | null {
  return ctx.orders.find(ok) ?? null;
}

/** The AI's explanation of where an order is, from its lookup result. */
export function orderStatusAnswer(ctx: ScriptContext, order: DemoOrder): string {
  const items = itemList(order);
  if (order.fulfillmentStatus === 'fulfilled') {
    return ctx.rng.pick([
      `Good news${comma(ctx)}! Order ${order.name} (${items}) has shipped with ${carrierName(order)}. Your tracking number is ${order.trackingNumber} and you can follow it here: ${order.trackingUrl}. Delivery usually takes ${deliveryEstimate(order)} from dispatch.`,
      `I found it! Order ${order.name} left our Oslo warehouse and is on its way with ${carrierName(order)}. Tracking: ${order.trackingUrl} (number ${order.trackingNumber}). Expect it within ${deliveryEstimate(order)} of the ship date.`,
    ]);
  }
  if (order.fulfillmentStatus === 'partial') {
    return `Order ${order.name} has been partly shipped: the first parcel is on its way with ${carrierName(order)} (tracking ${order.trackingNumber}, ${order.trackingUrl}). The rest of the order will follow in a second parcel as soon as it is back in stock, at no extra shipping cost, and you'll get a separate tracking email for it.`;
  }
  if (order.financialStatus === 'pending') {
    return `I can see order ${order.name} (${items}, ${usd(order.totalCents)}). The payment is still marked as pending, which is normal for Klarna for a short while after checkout. As soon as it's confirmed the order is packed and you'll get an email with tracking.`;
  }
  return `Order ${order.name} (${items}) is confirmed and paid, and it's being packed at our warehouse in Oslo. Orders placed before 13:00 CET ship the same business day; you'll get an email with the tracking link the moment it leaves us.`;
}

export function orderStatus(ctx: ScriptContext): Script | null {
  const order = orderWhere(ctx, (o) => o.financialStatus !== 'refunded');
  if (!order || !ctx.email) return null;
  const { rng } = ctx;
  const item = order.lineItems[0].title;
  const turns: Turn[] = [];
  if (rng.chance(0.35)) {
    turns.push(
      {
        role: 'customer',
        text: rng.pick([`Hi, when will order ${order.name} arrive?`, `Any update on ${order.name}?`]),
      },
      {
        role: 'ai',
        text: 'Happy to check! Could you tell me the email address you used when you placed the order?',
      },
      { role: 'customer', text: ctx.email },
    );
  } else {
    turns.push({
      role: 'customer',
      text: rng.pick([
        `Where is my order ${order.name}? my email is ${ctx.email}`,
        `Hi! I ordered the ${item} ${order.ageMs - ctx.ageMs < 7 * DAY ? 'a few days ago' : 'a while ago'} and haven't received anything yet. Order ${order.name}, email ${ctx.email}`,
        `Hello, can you check the status of order ${order.name}? It's under ${ctx.email}. Thanks`,
        `hey, has ${order.name} shipped yet? (${ctx.email})`,
      ]),
    });
  }
  turns.push({
    role: 'ai',
    pre: rng.pick(['Let me look that up for you.', 'One moment while I check your order.', '']),
    tools: [lookupOrder(ctx, order.name, ctx.email)],
    text: orderStatusAnswer(ctx, order),
  });
  if (order.fulfillmentStatus === 'fulfilled' && rng.chance(0.4)) {
    turns.push(
      { role: 'customer', text: 'The tracking page hasn’t updated in two days, is that normal?' },
      {
        role: 'ai',
        text: 'Yes, that happens quite often. Parcels are usually scanned again only when they reach the local terminal, so tracking can stand still for a day or two, especially across borders. If there is no new scan after 5 business days, let me know and we’ll open an investigation with the carrier.',
      },
    );
  }
  return { topic: 'order-status', subject: `Order ${order.name} status`, turns };
}

export function wrongOrderNumber(ctx: ScriptContext): Script | null {
  const order = orderWhere(ctx, (o) => o.financialStatus !== 'refunded');
  if (!order || !ctx.email) return null;
  const { rng } = ctx;
  const digits = order.name.slice(1);
  const typo = `#${digits.slice(0, 2)}${digits[3]}${digits[2]}`;
  const wrong = typo === order.name ? `#${Number(digits) + 200}` : typo;
  const turns: Turn[] = [
    {
      role: 'customer',
      text: `Hi, I'd like to know where my package is. Order ${wrong}, email ${ctx.email}`,
    },
    {
      role: 'ai',
      tools: [lookupOrder(ctx, wrong, ctx.email)],
      text: `I couldn't find an order ${wrong} for ${ctx.email}. Could you double-check the order number? You'll find it in the subject of your order confirmation email, and it starts with #10.`,
    },
  ];
  if (rng.chance(0.6)) {
    turns.push(
      { role: 'customer', text: `Oops, sorry — it's ${order.name}` },
      {
        role: 'ai',
        pre: 'No problem, checking that one now.',
        tools: [lookupOrder(ctx, order.name, ctx.email)],
        text: orderStatusAnswer(ctx, order),
      },
    );
    return { topic: 'order-status', subject: 'Where is my package?', turns };
  }
  const ticket = { category: 'Order issue', priority: 'medium', reason: 'ai_unable_to_solve' } as const;
  turns.push(
    {
      role: 'customer',
      text: `That's the number on my bank statement though. I can't find the confirmation email, maybe it went to spam?`,
    },
    {
      role: 'ai',
      tools: [createTicket(ticket, `Customer cannot find order ${wrong} (${ctx.email}); no match found.`)],
      text: `I'm sorry, I still can't match that order to your email. I've created ticket #${TICKET} so one of our team can search by your payment details instead. They'll email you at ${ctx.email} within one business day.`,
    },
  );
  return {
    topic: 'order-not-found',
    subject: 'Cannot find my order',
    turns,
    ticket,
    staff: {
      reply: `${hi(ctx)}, I found your purchase: it was placed under order ${order.name}. I've resent the confirmation email, please check your spam folder too.`,
      resolution: `Your order ${order.name} is sorted and the confirmation has been resent. I'll close this ticket, but just reply if anything else comes up!`,
    },
  };
}

export function refundStatus(ctx: ScriptContext): Script | null {
  const order = orderWhere(ctx, (o) => o.financialStatus === 'refunded');
  if (!order || !ctx.email) return null;
  const turns: Turn[] = [
    {
      role: 'customer',
      text: ctx.rng.pick([
        `I returned order ${order.name} and still haven't got my money back. Email is ${ctx.email}.`,
        `Hi, has my refund for ${order.name} been processed? ${ctx.email}`,
      ]),
    },
    {
      role: 'ai',
      pre: 'Let me check the order and our refund times.',
      tools: [
        lookupOrder(ctx, order.name, ctx.email),
        searchPolicies('refund processing time', [['returns', 2]]),
      ],
      text: `Your refund for order ${order.name} has been issued: the full ${usd(order.totalCents)} went back to your original payment method. Klarna and Vipps refunds usually show up within 2–3 days; card refunds can take up to 10 days depending on your bank. If you don't see it after that, let us know and we'll send you the refund receipt.`,
    },
  ];
  return { topic: 'refund-status', subject: `Refund for ${order.name}`, turns };
}

export function damagedItem(ctx: ScriptContext): Script | null {
  const order = orderWhere(
    ctx,
    (o) =>
      o.fulfillmentStatus === 'fulfilled' && o.financialStatus === 'paid' && o.ageMs - ctx.ageMs < 14 * DAY,
  );
  if (!order || !ctx.email) return null;
  const { rng } = ctx;
  const item = order.lineItems[0].title;
  const problem = rng.pick([
    `the ${item} arrived with a small tear near the seam`,
    `I received the ${item} in the wrong colour — I ordered navy and got grey`,
    `there's a hole in the ${item}, it looks like it was damaged in the package`,
    `the ${item} in my parcel is size S, but I ordered M`,
  ]);
  const ticket = {
    category: 'Order issue',
    priority: rng.pick(['medium', 'high'] as const),
    reason: 'ai_unable_to_solve',
  } as const;
  return {
    topic: 'damaged-item',
    subject: `Problem with order ${order.name}`,
    ticket,
    turns: [
      {
        role: 'customer',
        text: `Hi, I just opened order ${order.name} and ${problem}. My email is ${ctx.email}.`,
      },
      {
        role: 'ai',
        pre: `I'm really sorry about that${comma(ctx)}. Let me pull up your order.`,
        tools: [
          lookupOrder(ctx, order.name, ctx.email),
          searchPolicies('damaged or wrong item', [['returns', 4]]),
          createTicket(ticket, `Order ${order.name}: ${problem}. Needs replacement or refund.`),
        ],
        text: `I can see order ${order.name} with the ${item}. Items that arrive damaged or wrong are always on us. I've created ticket #${TICKET} for our team: they'll send you a free return label and ship a replacement as soon as the parcel is scanned. If you can, reply with a photo of the item — it speeds things up.`,
      },
    ],
    staff: {
      reply: `${hi(ctx)}, thanks for the photo, and sorry again! A prepaid return label is on its way to ${ctx.email}. We've reserved a replacement ${item} for you.`,
      resolution: `Your replacement ${item} has shipped today. You'll get the tracking link by email. Thanks for your patience!`,
    },
  };
}

export function brokenZipper(ctx: ScriptContext): Script | null {
  const order = orderWhere(
    ctx,
    (o) =>
      o.fulfillmentStatus === 'fulfilled' &&
      o.lineItems.some((li) => /Jacket|Parka|Puffer|Fleece/.test(li.title)),
  );
  if (!order || !ctx.email) return null;
  const jacket = order.lineItems.find((li) => /Jacket|Parka|Puffer|Fleece/.test(li.title))?.title ?? '';
  const ticket = { category: 'Order issue', priority: 'high', reason: 'ai_unable_to_solve' } as const;
  return {
    topic: 'broken-zipper',
    subject: `Broken zipper on my ${jacket}`,
    ticket,
    turns: [
      {
        role: 'customer',
        text: `Hello, the main zipper on my ${jacket} (order ${order.name}) broke after only a few weeks of use. The slider came off completely and I can't close the jacket anymore. What can you do? My email: ${ctx.email}`,
      },
      {
        role: 'ai',
        pre: 'Sorry to hear that — a zipper should definitely last longer than a few weeks.',
        tools: [
          lookupOrder(ctx, order.name, ctx.email),
          searchPolicies('broken zipper warranty', [['returns', 4]]),
        ],
        text: `I found your order ${order.name} with the ${jacket}. A broken zipper counts as a manufacturing fault, which is covered for 2 years: we'll repair, replace or refund it. Would you like a replacement jacket, or a refund?`,
      },
      { role: 'customer', text: 'A replacement please, same size. I really like the jacket otherwise.' },
      {
        role: 'ai',
        tools: [
          createTicket(
            ticket,
            `Warranty: broken zipper on ${jacket}, order ${order.name}. Customer wants a replacement, same size.`,
          ),
        ],
        text: `Done! I've created ticket #${TICKET} for a warranty replacement of your ${jacket} in the same size. Our team will email you a prepaid return label within one business day, and the new jacket ships as soon as your parcel is scanned.`,
      },
    ],
    staff: {
      reply: `${hi(ctx)}, sorry about the zipper! I've emailed you a return label. Your replacement ${jacket} is reserved in the same size.`,
      resolution: `The replacement ${jacket} has shipped. We've also sent the faulty zipper to our supplier so they can look into it. Thanks for letting us know!`,
    },
  };
}

export function changeAddress(ctx: ScriptContext): Script | null {
  const order = ctx.orders[0];
  if (!order || order.financialStatus === 'refunded' || !ctx.email) return null;
  const turns: Turn[] = [
    {
      role: 'customer',
      text: `Hi, I entered the wrong address on order ${order.name} — I moved last month. Can you change it? Email ${ctx.email}`,
    },
  ];
  if (order.fulfillmentStatus !== 'unfulfilled') {
    turns.push({
      role: 'ai',
      tools: [lookupOrder(ctx, order.name, ctx.email)],
      text: `Order ${order.name} has already left our warehouse, so we can't change the address on our side anymore. The good news is that ${carrierName(order)} lets you redirect the parcel: open ${order.trackingUrl} and choose "change delivery". If the parcel comes back to us instead, we'll reship it for free.`,
    });
    return { topic: 'change-address', subject: `Wrong address on ${order.name}`, turns };
  }
  const ticket = { category: 'Order issue', priority: 'urgent', reason: 'ai_unable_to_solve' } as const;
  turns.push({
    role: 'ai',
    tools: [
      lookupOrder(ctx, order.name, ctx.email),
      createTicket(ticket, `Change shipping address on unshipped order ${order.name} before it ships.`),
    ],
    text: `Order ${order.name} hasn't shipped yet, so there's still time. I can't edit addresses myself, but I've created urgent ticket #${TICKET} so the warehouse team holds the parcel. Please reply with the full new address and they'll update it before it goes out.`,
  });
  const address = NEW_ADDRESS[order.customer.country];
  turns.push({ role: 'customer', text: `New address: ${address}. Thanks for the quick help!` });
  return {
    topic: 'change-address',
    subject: `Wrong address on ${order.name}`,
    turns,
    ticket,
    staff: {
      reply: `${hi(ctx)}, I've caught the parcel in time and updated the address to ${address}.`,
      resolution: `Order ${order.name} is now on its way to your new address. Have a great day!`,
    },
  };
}
