/** Conversation scripts answered from the store policies: returns, exchanges, shipping, payment. */
import { productByTitle } from './demo-catalog.ts';
import type { Country } from './demo-customers.ts';
import {
  comma,
  createTicket,
  hi,
  lookupOrder,
  type Script,
  type ScriptContext,
  searchPolicies,
  searchProducts,
  TICKET,
  type Turn,
} from './demo-tools.ts';
import { DAY } from './random.ts';

export function returnRequest(ctx: ScriptContext): Script | null {
  const order = ctx.orders.find((o) => o.fulfillmentStatus === 'fulfilled' && o.financialStatus === 'paid');
  if (!order || !ctx.email) return null;
  const { rng } = ctx;
  const item = order.lineItems[order.lineItems.length - 1].title;
  const reason = rng.pick([
    'it’s too big',
    'the colour looks different in real life',
    'it doesn’t fit me',
    'I changed my mind',
  ]);
  const turns: Turn[] = [
    {
      role: 'customer',
      text: `I want to return the ${item} from order ${order.name}, ${reason}. Email: ${ctx.email}`,
    },
  ];
  const tooLate = order.ageMs - ctx.ageMs > 38 * DAY;
  if (tooLate) {
    turns.push({
      role: 'ai',
      tools: [lookupOrder(ctx, order.name, ctx.email), searchPolicies('return window', [['returns', 0]])],
      text: `I've checked order ${order.name}: it was delivered more than 30 days ago, so unfortunately it's outside our 30-day return window. If the ${item} has a fault, though, it's covered by our 2-year warranty — just let me know what's wrong with it.`,
    });
    turns.push({
      role: 'customer',
      text: 'Ok, I understand. No fault, it just doesn’t fit. I’ll give it to my sister then :)',
    });
    return { topic: 'return-late', subject: `Return ${order.name}`, turns };
  }
  const ticket = { category: 'Return request', priority: 'low', reason: 'ai_unable_to_solve' } as const;
  const withTicket = rng.chance(0.45);
  turns.push({
    role: 'ai',
    pre: 'Sure, let me check your order and our return policy.',
    tools: [
      lookupOrder(ctx, order.name, ctx.email),
      searchPolicies('return', [
        ['returns', 0],
        ['returns', 1],
      ]),
      ...(withTicket
        ? [createTicket(ticket, `Return label for ${item} from order ${order.name} (${reason}).`)]
        : []),
    ],
    text: withTicket
      ? `Order ${order.name} is well within our 30-day return window. I've created ticket #${TICKET} for your return, and you'll receive a prepaid return label at ${ctx.email} within one business day. Keep the tags on and drop the parcel at any point listed on the label; the refund goes to your original payment method within 5 business days after it arrives.`
      : `Good news: order ${order.name} is within our 30-day return window and ${returnCost(order.customer.country)}. To get your prepaid label, reply to our order confirmation email (or write to support@nordicthreads.example) with your order number; the label arrives within one business day. Your refund is issued within 5 business days after the parcel reaches our warehouse.`,
  });
  return {
    topic: 'return',
    subject: `Return ${order.name}`,
    turns,
    ...(withTicket
      ? {
          ticket,
          staff: {
            reply: `${hi(ctx)}, your prepaid return label for order ${order.name} is attached to the email we just sent.`,
            resolution: `We've received your return and refunded the ${item}. It should show up on your statement within a few days.`,
          },
        }
      : {}),
  };
}

const returnCost = (country: Country) =>
  ['NO', 'SE', 'DK', 'FI'].includes(country)
    ? 'returns are free to the Nordics'
    : 'a $9.95 return label fee is deducted from the refund outside the Nordics';

export function exchange(ctx: ScriptContext): Script | null {
  const order = ctx.orders.find(
    (o) =>
      o.fulfillmentStatus === 'fulfilled' && o.financialStatus === 'paid' && o.ageMs - ctx.ageMs < 25 * DAY,
  );
  if (!order || !ctx.email) return null;
  const line = order.lineItems[0];
  const product = productByTitle(line.title);
  const size = ctx.rng.pick(['M', 'L', 'S', 'XL']);
  const ticket = { category: 'Return request', priority: 'medium', reason: 'ai_unable_to_solve' } as const;
  const inStock = product.inventory > 0;
  return {
    topic: 'exchange',
    subject: `Exchange ${line.title}`,
    ...(inStock ? { ticket } : {}),
    turns: [
      {
        role: 'customer',
        text: `Can I exchange the ${line.title} from ${order.name} for size ${size}? ${ctx.email}`,
      },
      {
        role: 'ai',
        tools: [
          lookupOrder(ctx, order.name, ctx.email),
          searchPolicies('exchange size', [['returns', 3]]),
          searchProducts(line.title.toLowerCase(), [product]),
          ...(inStock
            ? [createTicket(ticket, `Exchange ${line.title} from ${order.name} to size ${size}.`)]
            : []),
        ],
        text: inStock
          ? `Yes! Exchanges are free once per order, and the ${line.title} is in stock. I've created ticket #${TICKET}: our team will reserve size ${size} for you and email a prepaid return label. The new size ships as soon as your parcel is scanned.`
          : `Exchanges are free once per order, but unfortunately the ${line.title} is sold out in every size right now. I can't reserve a size ${size} for you, so the best option is a return for a full refund — would you like that?`,
      },
    ],
    staff: {
      reply: `${hi(ctx)}, size ${size} is reserved for you and the return label is in your inbox.`,
      resolution: `Your parcel was scanned and the ${line.title} in size ${size} is on its way. Enjoy!`,
    },
  };
}

const DESTINATIONS: Array<{ country: string; code: Country; ask: string }> = [
  { country: 'Norway', code: 'NO', ask: 'How long does delivery to Trondheim take?' },
  {
    country: 'Sweden',
    code: 'SE',
    ask: 'How long does shipping to Sweden take? I need it before the weekend.',
  },
  { country: 'the US', code: 'US', ask: 'How long is shipping to the US? And do I have to pay customs?' },
  { country: 'Denmark', code: 'DK', ask: 'Do you ship to Denmark and how fast?' },
  { country: 'the UK', code: 'GB', ask: 'Shipping time to the UK? Any import fees after Brexit?' },
];

export function shippingTime(ctx: ScriptContext): Script {
  const d = ctx.rng.pick(DESTINATIONS);
  const extra =
    d.code === 'US'
      ? ' And no surprises at the door: US orders are shipped Delivered Duty Paid, so duties and taxes are already included.'
      : d.code === 'GB'
        ? ' Please note that the carrier may charge UK import VAT on delivery.'
        : '';
  const times: Record<Country, string> = {
    NO: '1–3 business days with Posten/Bring',
    SE: '2–4 business days with PostNord',
    DK: '2–4 business days with PostNord',
    FI: '2–4 business days with PostNord',
    US: '5–8 business days with UPS',
    GB: '4–7 business days',
    DE: '4–7 business days',
  };
  return {
    topic: 'shipping',
    subject: `Shipping to ${d.country}`,
    turns: [
      { role: 'customer', text: d.ask },
      {
        role: 'ai',
        tools: [
          searchPolicies(`shipping time ${d.country}`, [
            ['shipping', 2],
            ...(d.code === 'US' || d.code === 'GB' ? ([['shipping', 4]] as Array<['shipping', number]>) : []),
          ]),
        ],
        text: `Standard delivery to ${d.country} takes ${times[d.code]}, and orders placed before 13:00 CET ship the same day. If you're in a hurry, express shipping (1–2 days in the Nordics, 2–3 days to the US) is $24.95 at checkout. Standard shipping is free on orders over $75.${extra}`,
      },
    ],
  };
}

export function paymentMethods(ctx: ScriptContext): Script {
  const ask = ctx.rng.pick([
    'Can I pay with Klarna? I’d like to split the payment.',
    'Do you take PayPal?',
    'Can I pay in NOK or only dollars?',
  ]);
  const answer = ask.includes('Klarna')
    ? 'Yes! With Klarna you can pay in full after 30 days or split it into 3 interest-free instalments. Your order ships right away — it just shows as “pending” for a few minutes until Klarna confirms.'
    : ask.includes('PayPal')
      ? 'We don’t offer PayPal, sorry! You can pay with Visa, Mastercard, American Express, Apple Pay, Google Pay, Klarna, or Vipps if you’re in Norway.'
      : 'Prices on the store are shown in US dollars, but you can pay with a Norwegian card, Vipps or Klarna: the amount is converted to NOK at checkout by your bank or Klarna.';
  return {
    topic: 'payment',
    subject: 'Payment options',
    turns: [
      { role: 'customer', text: ask },
      {
        role: 'ai',
        tools: [
          searchPolicies('payment methods', [
            ['payment', 0],
            ['payment', 1],
          ]),
        ],
        text: answer,
      },
    ],
  };
}

export function doubleCharge(ctx: ScriptContext): Script | null {
  const order = ctx.orders.find((o) => o.financialStatus === 'paid');
  if (!order || !ctx.email) return null;
  const turns: Turn[] = [
    {
      role: 'customer',
      text: `I was charged twice for order ${order.name}!! I see two payments on my card. Email ${ctx.email}`,
    },
    {
      role: 'ai',
      tools: [lookupOrder(ctx, order.name, ctx.email), searchPolicies('charged twice', [['payment', 3]])],
      text: `I understand that's worrying${comma(ctx)}. Order ${order.name} was charged once. What you're most likely seeing is the card authorisation from checkout next to the final charge when the order shipped: the authorisation disappears by itself within a few business days.`,
    },
  ];
  if (ctx.rng.chance(0.55)) {
    const ticket = { category: 'Billing', priority: 'high', reason: 'customer_requested_human' } as const;
    turns.push(
      {
        role: 'customer',
        text: 'No, both say "completed", not pending. I want to talk to a real person about this.',
      },
      {
        role: 'ai',
        tools: [
          createTicket(
            ticket,
            `Possible double charge on order ${order.name}; customer reports two completed card payments.`,
          ),
        ],
        text: `Of course. I've created ticket #${TICKET} and our billing team will look at the payments and email you at ${ctx.email}. If it is a double charge, the extra payment is refunded right away.`,
      },
    );
    return {
      topic: 'double-charge',
      subject: `Charged twice for ${order.name}`,
      turns,
      ticket,
      staff: {
        reply: `${hi(ctx)}, I've checked with our payment provider: it was a duplicate charge. I've refunded the second payment.`,
        resolution:
          'The duplicate payment has been refunded; it can take up to 10 days to show on your card. Sorry for the trouble!',
      },
    };
  }
  turns.push({ role: 'customer', text: 'Ah ok, the first one says pending. Makes sense, thanks.' });
  return { topic: 'double-charge', subject: `Charged twice for ${order.name}`, turns };
}

export function discountCode(ctx: ScriptContext): Script {
  const code = ctx.rng.pick(['WELCOME10', 'FJORD15', 'WINTER20', 'NEWSLETTER10']);
  return {
    topic: 'discount',
    subject: 'Discount code not working',
    turns: [
      {
        role: 'customer',
        text: `My discount code ${code} doesn't work at checkout, it says "cannot be combined".`,
      },
      {
        role: 'ai',
        tools: [searchPolicies('discount code', [['payment', 4]])],
        text: `Sorry about the confusion! Discount codes can't be combined with each other, so if another code or an automatic sale discount is already applied, ${code} is rejected. Try removing the other discount first and then entering ${code} before you pay — codes can't be added after the order is placed.`,
      },
      {
        role: 'customer',
        text: 'There was an automatic 10% sale on the jacket. Ok, I will use my code on the socks instead.',
      },
      { role: 'ai', text: 'That works! Let me know if anything else comes up.' },
    ],
  };
}
