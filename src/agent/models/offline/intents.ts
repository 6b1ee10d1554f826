export type Intent =
  | 'human'
  | 'yes'
  | 'ack'
  | 'resolved'
  | 'thanks'
  | 'greeting'
  | 'order'
  | 'policy'
  | 'product'
  | 'unknown';

const HUMAN =
  /\b(human|real person|a person|live agent|an agent|representative|someone (?:real|from)|speak (?:to|with)|talk (?:to|with)|customer service|menneske|ekte person|en person|snakke med|prate med|kundeservice|kundebehandler|en ansatt)\b/i;
const RESOLVED =
  /\b(that (?:solved|fixed|answered|helped|worked)|(?:problem|issue|it)(?:'s| is)? (?:solved|resolved|fixed|sorted)|all (?:good|sorted) now|that'?s all i needed|(?:no,? )?(?:thanks,? )?that'?s all\b|nei,? (?:takk,? )?det var alt|det var alt|det løste|det hjalp|problemet er løst|løst nå|det ordnet seg|det fungerte)/i;
/** A written order number like "#1004" or "# 1004". */
const ORDER_REF = /#\s?\d{3,}/;
/** Asking where an order is, rather than about the store's rules. */
const ORDER_STATUS =
  /\b(where(?:'s| is) my|track|tracking|status|shipped yet|has (?:my|it) (?:order )?(?:shipped|arrived)|(?:hasn'?t|not|never) (?:arrived|received|come)|when will (?:my|it)|hvor er|når kommer|sporing\w*|spore|levert|kommet|mottatt)\b/i;
const ORDER_NOUN = /\b(orders?|package|parcel|shipment|bestilling\w*|ordre\w*|pakke\w*|sendingen)\b/i;
/** The store's rules: returns, exchanges, shipping, payment (English, and Norwegian word beginnings). */
const POLICY =
  /\b(return(?:s|ed|ing)?|refund\w*|exchang\w*|ship(?:s|ping)?|deliver(?:y|ies)?|ship to|postage|customs|duties|payment|pay|paying|klarna|vipps|invoice|polic(?:y|ies)|warranty|retur\w*|angrerett\w*|bytt\w*|refusjon\w*|frakt\w*|levering\w*|send(?:e|er|es) (?:dere |du )?til|toll\w*|betal\w*|faktura\w*|garanti\w*)\b/i;
const PRODUCT =
  /\b(do you (?:have|sell|carry)|looking for|in stock|available|price|cost|size|sizes|recommend|product|sweaters?|jackets?|boots?|socks?|hats?|gloves?|wool|fleece|parka|shell|mittens?|beanies?|scarf|har dere|selger dere|ser etter|på lager|pris|størrelse|anbefale|sko|(?:strikke|ull|regn|dun|vinter|tur)?(?:genser|jakke|sokk|lue|vott|støvl|skjerf|bukse)\w*|ull\w*|hva koster|koster|pris\w*)\b/i;
const THANKS =
  /^\s*(?:(?:ok(?:ay)?|great|perfect|awesome|nice|super|supert|flott|perfekt|fint|kjempebra|no|nei)[\s,!.]+)?(?:thanks|thank you|thx|ty|cheers|takk|tusen takk|mange takk)(?:\s+(?:so much|a lot|very much|again|for (?:the|your) help|for hjelpen|skal du ha|så mye|igjen))*[\s!.,:)]*$/i;
/** "ok", "got it": nothing to do but to ask whether there is more. */
const ACKNOWLEDGED =
  /^\s*(?:ok(?:ay)?|alright|all right|got it|i see|cool|great|perfect|nice|supert|flott|perfekt|greit|ok da|skjønner|den er grei|fint)[\s!.,:)]*$/i;
/** A plain yes: to an offer of a person it is a request for one. */
const YES = /^\s*(?:yes|yeah|yep|sure|please do|yes,? please|ja|ja takk|ja,? gjerne|gjerne|jo)[\s!.,]*$/i;
const GREETING =
  /^\s*(?:hi|hello|hey|good (?:morning|afternoon|evening)|hei|heisann|hallo|god (?:morgen|dag|kveld))(?:\s+there)?[\s!.,?]*(?:(?:i )?(?:have|got) a (?:quick )?question|(?:can|could) you help(?: me)?|i need (?:some )?help|jeg har et (?:lite )?spørsmål|kan du hjelpe(?: meg)?|jeg trenger hjelp|(?:is )?any(?:one|body) (?:there|here)|er det noen (?:der|her))?[\s!.,?]*$/i;

/** The customer's intent in one message, by keyword rules (English and Norwegian). */
export function classifyIntent(text: string): Intent {
  if (HUMAN.test(text)) return 'human';
  if (RESOLVED.test(text)) return 'resolved';
  // "Where is my order?" is about an order; "Can I pay for my order with Vipps?" is about the rules.
  if (ORDER_REF.test(text) || ORDER_STATUS.test(text)) return 'order';
  if (POLICY.test(text)) return 'policy';
  if (ORDER_NOUN.test(text)) return 'order';
  if (PRODUCT.test(text)) return 'product';
  if (THANKS.test(text)) return 'thanks';
  if (YES.test(text)) return 'yes';
  if (ACKNOWLEDGED.test(text)) return 'ack';
  if (GREETING.test(text)) return 'greeting';
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

/** A number on its own ("1004", "it's 1004"): an order number when it answers our question for one. */
export function extractBareNumber(text: string): string | null {
  const numbers = text.replace(/\S+@\S+/g, ' ').match(/(?<![\d.,-])\d{3,10}(?!\d)(?![.,-]\d)/g);
  return numbers?.length === 1 ? `#${numbers[0]}` : null;
}

/** The last email address in the text. */
export function extractEmail(text: string): string | null {
  const matches = text.match(/[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}/gi);
  return matches?.at(-1)?.replace(/[.]+$/, '') ?? null;
}

export { policyQuery, productQuery } from './search-queries.ts';
export { categorize, prioritize } from './ticket-fields.ts';
