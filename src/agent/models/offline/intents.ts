export type Intent =
  | 'human'
  | 'resolved'
  | 'thanks'
  | 'greeting'
  | 'order'
  | 'policy'
  | 'product'
  | 'unknown';

// Order matters: the first rule that matches wins.
const RULES: Array<[Intent, RegExp]> = [
  [
    'human',
    /\b(human|real person|a person|live agent|an agent|representative|someone (?:real|from)|speak (?:to|with)|talk (?:to|with)|customer service|menneske|ekte person|en person|snakke med|prate med|kundeservice|kundebehandler|en ansatt)\b/i,
  ],
  [
    'resolved',
    /\b(that (?:solved|fixed|answered|helped)|(?:problem|issue|it)(?:'s| is)? (?:solved|resolved|fixed|sorted)|all (?:good|sorted) now|that'?s all i needed|det løste|det hjalp|problemet er løst|løst nå|det ordnet seg)\b/i,
  ],
  [
    'order',
    /(#\s?\d{3,}|\b(order|orders|tracking|track|package|parcel|shipment|delivered|where is my|bestilling|ordre|pakke|pakken|sporing|sendingen)\b)/i,
  ],
  [
    'policy',
    /\b(return|returns|refund|exchange|shipping|delivery|deliver|ship to|postage|payment|pay|klarna|vipps|invoice|policy|retur|returnere|bytte|refusjon|frakt|levering|leveringstid|betaling|betale|faktura)\b/i,
  ],
  [
    'product',
    /\b(do you (?:have|sell|carry)|looking for|in stock|available|price|cost|size|sizes|recommend|product|sweater|jacket|boots|socks|hat|gloves|wool|fleece|parka|shell|har dere|ser etter|på lager|pris|størrelse|anbefale|genser|jakke|sko|sokker|lue|votter|ull)\b/i,
  ],
  ['thanks', /^\s*(thanks|thank you|thx|ty|cheers|great,? thanks|takk|tusen takk|takk skal du ha)[\s!.]*$/i],
  [
    'greeting',
    /^\s*(hi|hello|hey|good (?:morning|afternoon|evening)|hei|heisann|hallo|god (?:morgen|dag|kveld))[\s!.,]*(there)?[\s!.]*$/i,
  ],
];

/** The customer's intent in one message, by keyword rules (English and Norwegian). */
export function classifyIntent(text: string): Intent {
  for (const [intent, pattern] of RULES) if (pattern.test(text)) return intent;
  return 'unknown';
}

/** The last order number written like "#1004", "order 1004" or "ordre 1004". */
export function extractOrderNumber(text: string): string | null {
  const matches = [
    ...text.matchAll(
      /(?:#\s?|\b(?:order|ordre|bestilling|nr\.?|number|nummer)\s*(?:no\.?|nr\.?|number|#)?\s*)(\d{3,10})\b/gi,
    ),
  ];
  const last = matches.at(-1);
  return last ? `#${last[1]}` : null;
}

/** The last email address in the text. */
export function extractEmail(text: string): string | null {
  const matches = text.match(/[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}/gi);
  return matches?.at(-1)?.replace(/[.]+$/, '') ?? null;
}

const STOP_WORDS = new Set(
  `do you have sell carry any a an the some i im i'm am looking for in stock available is are what which price of
   how much does cost costs please can could would like want need me my to buy get there your har dere noen en et
   ser etter jeg vil gjerne ha på lager pris hva koster kan finnes selger`.split(/\s+/),
);

/** The words of a product question that name what the customer wants. */
export function productQuery(text: string): string {
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !STOP_WORDS.has(w));
  return words.join(' ').slice(0, 100) || text.slice(0, 100);
}

export type TicketCategory =
  | 'Return request'
  | 'Order issue'
  | 'Shipping'
  | 'Product question'
  | 'Billing'
  | 'Other';

/** A ticket category from keywords (the offline model's stand-in for an LLM's judgement). */
export function categorize(text: string): TicketCategory {
  if (/\b(return|refund|exchange|retur|refusjon|bytte)\b/i.test(text)) return 'Return request';
  if (/\b(charged|charge|payment|invoice|billing|klarna|vipps|card|betaling|faktura|trukket)\b/i.test(text))
    return 'Billing';
  if (/\b(shipping|delivery|customs|courier|frakt|levering|toll)\b/i.test(text)) return 'Shipping';
  if (
    /(#\s?\d{3,}|\b(order|package|parcel|damaged|broken|missing|wrong item|bestilling|ordre|pakke|ødelagt)\b)/i.test(
      text,
    )
  ) {
    return 'Order issue';
  }
  if (/\b(size|product|sweater|jacket|boots|wool|material|størrelse|genser|jakke)\b/i.test(text))
    return 'Product question';
  return 'Other';
}

/** Ticket priority from urgency words. */
export function prioritize(text: string): 'low' | 'medium' | 'high' | 'urgent' {
  if (
    /\b(urgent|asap|immediately|fraud|stolen|charged twice|lawyer|haster|svindel|trukket to ganger)\b/i.test(
      text,
    )
  )
    return 'urgent';
  if (
    /\b(angry|unacceptable|terrible|broken|damaged|never arrived|still not|sint|uakseptabelt|ødelagt|aldri kommet)\b/i.test(
      text,
    )
  ) {
    return 'high';
  }
  return 'medium';
}
