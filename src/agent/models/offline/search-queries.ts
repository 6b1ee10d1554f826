const STOP_WORDS = new Set(
  `do you have sell carry any a an the some i im i'm am looking for in stock available is are what which price of
   how much does cost costs please can could would like want need me my to buy get there your har dere noen en et
   ser etter jeg vil gjerne ha på lager pris hva koster kan finnes selger hei hi hello`.split(/\s+/),
);

// Norwegian product words (any inflection) as the catalog's English, as a model would translate them.
const NORWEGIAN_PRODUCTS: Array<[RegExp, string]> = [
  [/^ullgenser/, 'wool sweater'],
  [/^(genser|strikkegenser)/, 'sweater'],
  [/^(strikkejakke|kofte)/, 'cardigan'],
  [/^regnjakke/, 'rain jacket'],
  [/^dunjakke/, 'down jacket'],
  [/^(jakke|jakka)/, 'jacket'],
  [/^(vinterstøvl|støvl|sko$)/, 'boots'],
  [/^vott/, 'mittens'],
  [/^hansk/, 'gloves'],
  [/^ullsokk/, 'wool socks'],
  [/^sokk/, 'socks'],
  [/^lue/, 'beanie'],
  [/^skjerf/, 'scarf'],
  [/^(bukse|bukser)/, 'pants'],
  [/^regnbukse/, 'rain pants'],
  [/^skjorte/, 'shirt'],
  [/^(ryggsekk|sekk)/, 'backpack'],
  [/^ull$/, 'wool'],
];

/** The words of a product question that name what the customer wants (Norwegian ones in English). */
export function productQuery(text: string): string {
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !STOP_WORDS.has(w))
    .map((w) => NORWEGIAN_PRODUCTS.find(([pattern]) => pattern.test(w))?.[1] ?? w);
  return words.join(' ').slice(0, 100) || text.slice(0, 100);
}

// The English name of a policy topic a Norwegian-only question is about, so any store's search finds it.
const TOPICS: Array<[RegExp, RegExp, string]> = [
  [
    /\b(return|refund|exchang)/i,
    /\b(retur|angrerett|bytt|refusjon|reklamasjon|garanti)/i,
    'returns exchange',
  ],
  [/\b(ship|deliver|postage|customs|duties)/i, /\b(frakt|lever|send(?:e|er|es)\b|toll|porto)/i, 'shipping'],
  [/\b(pay|klarna|vipps|invoice|card)/i, /\b(betal|faktura|kort)/i, 'payment'],
];

/** The policy question as a search: the customer's words, plus the English topic a Norwegian question names. */
export function policyQuery(text: string): string {
  const question = text.replace(/\s+/g, ' ').trim().slice(0, 150);
  const topics = TOPICS.filter(([english, norwegian]) => norwegian.test(text) && !english.test(text)).map(
    ([, , topic]) => topic,
  );
  return topics.length ? `${question} (${topics.join(', ')})` : question;
}
