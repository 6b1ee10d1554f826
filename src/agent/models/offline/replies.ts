import type { Lang } from './language.ts';
import { answerSentences } from './policy-answer.ts';

type Json = Record<string, unknown>;
const pick = (lang: Lang, en: string, no: string) => (lang === 'no' ? no : en);

// Building a NumberFormat costs far more than formatting: one per language and currency.
const formats = new Map<string, Intl.NumberFormat>();

function money(cents: unknown, currency: unknown, lang: Lang): string {
  const amount = typeof cents === 'number' ? cents / 100 : 0;
  const code = typeof currency === 'string' && /^[A-Z]{3}$/.test(currency) ? currency : 'USD';
  const key = `${lang}:${code}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang === 'no' ? 'nb-NO' : 'en-US', { style: 'currency', currency: code });
    formats.set(key, format);
  }
  return format.format(amount);
}

export const greeting = (lang: Lang) =>
  pick(lang, 'Hi! How can I help you today?', 'Hei! Hva kan jeg hjelpe deg med i dag?');

export const whatElse = (lang: Lang) =>
  pick(lang, 'Sure, what can I help you with?', 'Selvsagt, hva kan jeg hjelpe deg med?');

export const anythingElse = (lang: Lang) =>
  pick(lang, 'Is there anything else I can help you with?', 'Er det noe mer jeg kan hjelpe deg med?');

export const thanks = (lang: Lang) =>
  pick(
    lang,
    "You're welcome! Is there anything else I can help with?",
    'Bare hyggelig! Er det noe mer jeg kan hjelpe med?',
  );

/** Asks for what an order lookup still needs. */
export function askForOrderDetails(lang: Lang, missing: { orderNumber: boolean; email: boolean }): string {
  if (missing.orderNumber && missing.email) {
    return pick(
      lang,
      'I can check that for you. What is your order number (like #1004) and the email address you used for the order?',
      'Det kan jeg sjekke. Hva er ordrenummeret (for eksempel #1004) og e-postadressen du brukte på bestillingen?',
    );
  }
  if (missing.orderNumber) {
    return pick(
      lang,
      'Thanks! What is the order number (like #1004)?',
      'Takk! Hva er ordrenummeret (for eksempel #1004)?',
    );
  }
  return pick(
    lang,
    'Thanks! Which email address did you use for the order?',
    'Takk! Hvilken e-postadresse brukte du på bestillingen?',
  );
}

export const cannotHelp = (lang: Lang) =>
  pick(
    lang,
    "I'm sorry, I can't help with that myself. I can pass it on to a person from our team.",
    'Beklager, det kan jeg ikke hjelpe med selv. Jeg kan sende det videre til en av oss.',
  );

function orderText(result: Json, lang: Lang): string {
  if (result.found !== true) {
    if (typeof result.message === 'string' && /too many/i.test(result.message)) {
      return pick(
        lang,
        "I've looked up too many orders in this chat. Please try again later, or ask for a person.",
        'Jeg har slått opp for mange bestillinger i denne samtalen. Prøv igjen senere, eller be om å få snakke med en person.',
      );
    }
    return pick(
      lang,
      "I couldn't find an order with that order number and email address. Please check both and try again.",
      'Jeg fant ingen bestilling med det ordrenummeret og den e-postadressen. Sjekk begge og prøv igjen.',
    );
  }
  const o = (result.order ?? {}) as Json;
  const items = Array.isArray(o.lineItems)
    ? (o.lineItems as Json[]).map((l) => `${l.quantity} × ${l.title}`).join(', ')
    : '';
  const tracking = o.trackingNumber
    ? pick(lang, ` Tracking number: ${o.trackingNumber}.`, ` Sporingsnummer: ${o.trackingNumber}.`)
    : '';
  const status = `${said(PAYMENT, o.financialStatus, lang)}, ${said(SHIPPING, o.fulfillmentStatus, lang)}`;
  return pick(
    lang,
    `Order ${o.name}: ${status}. Total ${money(o.totalCents, o.currency, lang)}. Items: ${items}.${tracking}`,
    `Bestilling ${o.name}: ${status}. Totalt ${money(o.totalCents, o.currency, lang)}. Varer: ${items}.${tracking}`,
  );
}

// Order statuses in words (English, Norwegian); an unknown status is shown as it is.
const PAYMENT: Record<string, [string, string]> = {
  paid: ['paid', 'betalt'],
  pending: ['payment pending', 'betalingen venter'],
  refunded: ['refunded', 'refundert'],
  partially_refunded: ['partly refunded', 'delvis refundert'],
};
const SHIPPING: Record<string, [string, string]> = {
  fulfilled: ['shipped', 'sendt'],
  unfulfilled: ['not shipped yet', 'ikke sendt ennå'],
  partial: ['partly shipped', 'delvis sendt'],
};
const said = (words: Record<string, [string, string]>, status: unknown, lang: Lang) => {
  const known = typeof status === 'string' ? words[status] : undefined;
  return known ? known[lang === 'no' ? 1 : 0] : String(status ?? '').replaceAll('_', ' ');
};

function productsText(result: Json, lang: Lang): string {
  const products = Array.isArray(result.products) ? (result.products as Json[]) : [];
  if (products.length === 0) {
    return pick(
      lang,
      "I couldn't find any products matching that. Could you describe what you're looking for in another way?",
      'Jeg fant ingen produkter som passer. Kan du beskrive det du ser etter på en annen måte?',
    );
  }
  const lines = products.map((p) => {
    const stock = p.inStock ? pick(lang, 'in stock', 'på lager') : pick(lang, 'sold out', 'utsolgt');
    return `• ${p.title} — ${money(p.priceCents, p.currency, lang)} (${stock})`;
  });
  return `${pick(lang, 'Here is what I found:', 'Dette fant jeg:')}\n${lines.join('\n')}`;
}

function policiesText(result: Json, lang: Lang, question: string): string {
  const policies = Array.isArray(result.policies) ? (result.policies as Json[]) : [];
  const first = policies[0];
  if (!first) {
    return pick(
      lang,
      "I couldn't find a store policy about that. Would you like me to ask a person from our team?",
      'Jeg fant ingen retningslinjer om det. Vil du at jeg skal spørre en av oss?',
    );
  }
  const excerpt = answerSentences(String(first.excerpt ?? ''), question).join(' ');
  return pick(lang, `From our ${first.title}: ${excerpt}`, `Fra vår ${first.title}: ${excerpt}`);
}

function ticketText(result: Json, lang: Lang, reason: unknown): string {
  const n = result.ticketNumber;
  if (reason === 'fallback_mode') {
    return pick(
      lang,
      `Thanks for your message. A person from our team will follow up with you — your ticket number is #${n}.`,
      `Takk for meldingen. En av oss følger deg opp — saksnummeret ditt er #${n}.`,
    );
  }
  if (reason === 'ai_unable_to_solve') {
    return pick(
      lang,
      `I'm sorry, I can't solve this myself, so I've passed it to our team. Your ticket number is #${n}, and a person will follow up.`,
      `Beklager, dette kan jeg ikke løse selv, så jeg har sendt det videre. Saksnummeret ditt er #${n}, og en av oss tar kontakt.`,
    );
  }
  return pick(
    lang,
    `I've asked a person from our team to take over. Your ticket number is #${n}; they will reply here and by email if you left one.`,
    `Jeg har bedt en av oss om å ta over. Saksnummeret ditt er #${n}; de svarer her, og på e-post hvis du har oppgitt den.`,
  );
}

const resolvedText = (lang: Lang) =>
  pick(
    lang,
    "Great, I'm glad that's sorted! I've marked this chat as resolved. Have a lovely day!",
    'Så bra at det ordnet seg! Jeg har markert samtalen som løst. Ha en fin dag!',
  );

/** The answer after a tool ran, written from its result. */
export function afterTool(toolName: string, result: Json, input: Json, lang: Lang): string {
  switch (toolName) {
    case 'lookupOrder':
      return orderText(result, lang);
    case 'searchProducts':
      return productsText(result, lang);
    case 'searchPolicies':
      return policiesText(result, lang, typeof input.query === 'string' ? input.query : '');
    case 'createTicket':
      return ticketText(result, lang, input.reason);
    case 'markResolved':
      return resolvedText(lang);
    default:
      return cannotHelp(lang);
  }
}
