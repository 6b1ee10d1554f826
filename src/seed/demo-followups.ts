/** Second questions customers often add once their first one is answered. */
import { productByHandle, productUrl } from './demo-catalog.ts';
import { type ScriptContext, searchPolicies, searchProducts, type Turn, usd } from './demo-tools.ts';

type FollowUp = (ctx: ScriptContext) => Turn[];

const ENGLISH: FollowUp[] = [
  () => [
    { role: 'customer', text: 'Also, how long does shipping to Norway take?' },
    {
      role: 'ai',
      tools: [searchPolicies('shipping time norway', [['shipping', 2]])],
      text: 'Within Norway delivery takes 1–3 business days with Posten/Bring, and orders placed before 13:00 CET ship the same day.',
    },
  ],
  () => [
    { role: 'customer', text: 'And can I pay with Klarna?' },
    {
      role: 'ai',
      tools: [searchPolicies('klarna', [['payment', 1]])],
      text: 'Yes! You can pay in full after 30 days or split it into 3 interest-free instalments with Klarna.',
    },
  ],
  () => [
    { role: 'customer', text: "What's your return policy if it doesn't fit?" },
    {
      role: 'ai',
      tools: [searchPolicies('return policy', [['returns', 0]])],
      text: 'You can return or exchange unworn items with the tags on within 30 days of delivery. Returns are free within the Nordics, and the first exchange per order is free everywhere.',
    },
  ],
  () => [
    { role: 'customer', text: 'Is shipping free?' },
    {
      role: 'ai',
      tools: [searchPolicies('free shipping', [['shipping', 1]])],
      text: 'Standard shipping is free on orders over $75. Below that it’s $7.95 within the Nordics and $12.95 to the US, the UK and the rest of Europe.',
    },
  ],
  (ctx) => {
    const beanie = productByHandle('nordkapp-beanie');
    return [
      { role: 'customer', text: ctx.rng.pick(['Do you have a warm hat too?', 'Do you sell beanies?']) },
      {
        role: 'ai',
        tools: [searchProducts('beanie', [beanie])],
        text: `We do: the ${beanie.title} (${usd(beanie.priceCents)}) is a soft rib-knit merino beanie, one size, and it’s in stock: ${productUrl(beanie)}`,
      },
    ];
  },
  () => [
    { role: 'customer', text: 'Do you ship to Iceland?' },
    {
      role: 'ai',
      tools: [searchPolicies('shipping europe', [['shipping', 2]])],
      text: 'Yes, we ship to Iceland like the rest of Europe: standard delivery takes 4–7 business days. Import VAT may be charged by the carrier on delivery.',
    },
  ],
];

const NORWEGIAN: FollowUp[] = [
  () => [
    { role: 'customer', text: 'Hva er returfristen forresten?' },
    {
      role: 'ai',
      tools: [searchPolicies('returfrist', [['returns', 0]])],
      text: 'Du kan returnere eller bytte ubrukte varer med lappen på innen 30 dager etter levering, og retur er gratis i Norden.',
    },
  ],
  () => [
    { role: 'customer', text: 'Er frakten gratis?' },
    {
      role: 'ai',
      tools: [searchPolicies('gratis frakt', [['shipping', 1]])],
      text: 'Ja, standardfrakt er gratis på bestillinger over $75. Under det koster frakten $7.95 i Norden.',
    },
  ],
  () => [
    { role: 'customer', text: 'Kan jeg betale med Klarna?' },
    {
      role: 'ai',
      tools: [searchPolicies('klarna', [['payment', 1]])],
      text: 'Ja! Med Klarna kan du betale hele beløpet etter 30 dager eller dele det opp i 3 rentefrie avdrag.',
    },
  ],
];

/** A follow-up question and its answer, in the customer's language. */
export function followUp(ctx: ScriptContext): Turn[] {
  return ctx.rng.pick(ctx.norwegian ? NORWEGIAN : ENGLISH)(ctx);
}
