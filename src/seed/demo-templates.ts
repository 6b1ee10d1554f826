/** Which conversation scripts the demo draws from, and how often. */
import {
  askForHuman,
  fallbackMode,
  greetingOnly,
  physicalStore,
  stuckParcel,
  thanks,
} from './demo-scripts-misc.ts';
import { frakt, menneske, ordreStatus, refusjon, retur, storrelse, vipps } from './demo-scripts-norwegian.ts';
import {
  brokenZipper,
  changeAddress,
  damagedItem,
  orderStatus,
  refundStatus,
  wrongOrderNumber,
} from './demo-scripts-orders.ts';
import {
  discountCode,
  doubleCharge,
  exchange,
  paymentMethods,
  returnRequest,
  shippingTime,
} from './demo-scripts-policies.ts';
import { giftIdeas, productQuestion, restock, sizing, woolCare } from './demo-scripts-products.ts';
import type { Script, ScriptContext, TicketCategory } from './demo-tools.ts';
import type { Rng } from './random.ts';

export type Template = {
  build: (ctx: ScriptContext) => Script | null;
  weight: number;
  /** Only in live chats (widget, api), never by email. */
  chatOnly?: boolean;
};

export const ENGLISH_TEMPLATES: Template[] = [
  { build: orderStatus, weight: 30 },
  { build: wrongOrderNumber, weight: 4 },
  { build: refundStatus, weight: 4 },
  { build: damagedItem, weight: 3 },
  { build: brokenZipper, weight: 1 },
  { build: changeAddress, weight: 3 },
  { build: returnRequest, weight: 9 },
  { build: exchange, weight: 3 },
  { build: shippingTime, weight: 9 },
  { build: paymentMethods, weight: 6 },
  { build: doubleCharge, weight: 2 },
  { build: discountCode, weight: 3 },
  { build: sizing, weight: 8 },
  { build: productQuestion, weight: 10 },
  { build: restock, weight: 4 },
  { build: woolCare, weight: 2 },
  { build: giftIdeas, weight: 2 },
  { build: askForHuman, weight: 4 },
  { build: thanks, weight: 4 },
  { build: greetingOnly, weight: 3, chatOnly: true },
  { build: physicalStore, weight: 2 },
  { build: stuckParcel, weight: 3 },
];

export const NORWEGIAN_TEMPLATES: Template[] = [
  { build: ordreStatus, weight: 8 },
  { build: retur, weight: 2 },
  { build: vipps, weight: 4 },
  { build: storrelse, weight: 3 },
  { build: frakt, weight: 4 },
  { build: menneske, weight: 1 },
  { build: refusjon, weight: 2 },
];

export { fallbackMode };

function pickTemplate(rng: Rng, templates: Template[]): Template {
  const total = templates.reduce((sum, t) => sum + t.weight, 0);
  let r = rng.next() * total;
  for (const t of templates) {
    r -= t.weight;
    if (r < 0) return t;
  }
  return templates[templates.length - 1];
}

/** A script that fits the customer (some need an order or an email); product questions always fit. */
export function chooseScript(ctx: ScriptContext, email: boolean, tickets: boolean): Script {
  const templates = (ctx.norwegian ? NORWEGIAN_TEMPLATES : ENGLISH_TEMPLATES).filter(
    (t) => !(email && t.chatOnly),
  );
  for (let attempt = 0; attempt < 30; attempt++) {
    const script = pickTemplate(ctx.rng, templates).build(ctx);
    if (script && (tickets || !script.ticket)) return script;
  }
  return ctx.norwegian ? storrelse(ctx) : productQuestion(ctx);
}

/** The ticket category a topic falls under (for tickets opened after a bad rating). */
export function topicCategory(topic: string): TicketCategory {
  if (/order|address|damaged|zipper/.test(topic)) return 'Order issue';
  if (/return|exchange|refund/.test(topic)) return 'Return request';
  if (/shipping|parcel|store/.test(topic)) return 'Shipping';
  if (/payment|charge|discount/.test(topic)) return 'Billing';
  if (/sizing|product|restock|care|gift/.test(topic)) return 'Product question';
  return 'Other';
}
