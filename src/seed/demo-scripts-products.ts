/** Conversation scripts about products: sizing, materials, stock, care, gift ideas. */
import { productByHandle, productUrl } from './demo-catalog.ts';
import { comma, type Script, type ScriptContext, searchProducts, usd } from './demo-tools.ts';

type Sizing = { handle: string; ask: string; answer: string };

const SIZING: Sizing[] = [
  {
    handle: 'trolltunga-hardshell-jacket',
    ask: "I'm 182 cm, 80 kg and usually wear a medium. Which size should I get in the Trolltunga Hardshell? I'd like to wear a fleece under it.",
    answer:
      'The Trolltunga Hardshell has an athletic fit, so with a fleece underneath I’d recommend going up one size: a large. If you mostly wear it over a thin base layer, your usual medium will fit closer to the body.',
  },
  {
    handle: 'hardanger-wool-sweater',
    ask: 'Does the Hardanger sweater run big or small? I’m between S and M.',
    answer:
      'The Hardanger Wool Sweater has a relaxed fit and most customers take their usual size. If you’re between S and M and like a snug look, go for S; for the classic roomy Norwegian-sweater look, take M.',
  },
  {
    handle: 'finnmark-thermal-boots',
    ask: "I'm a 42.5 EU in sneakers — what size Finnmark boots should I order?",
    answer:
      'The Finnmark Thermal Boots come in whole sizes only, and we recommend going up when you are between sizes, so a 43 would be right for you. Heads-up: they are currently out of stock, so you may want to use the “notify me” button on the product page.',
  },
  {
    handle: 'lofoten-insulated-parka',
    ask: 'How does the Lofoten parka fit? I usually wear EU 38 / US 8 and want room for a sweater.',
    answer:
      'The Lofoten Insulated Parka runs true to size and is cut with room for a sweater underneath, so your usual size (M for EU 38 / US 8) should be perfect.',
  },
  {
    handle: 'jotunheimen-hiking-pants',
    ask: 'Do the Jotunheimen pants come in a long leg? I’m 193 cm.',
    answer:
      'Yes! The Jotunheimen Hiking Pants come with a 32" regular or a 34" long inseam. At 193 cm the 34" long is the one I’d pick.',
  },
  {
    handle: 'fjord-merino-base-layer-crew',
    ask: 'Is the merino base layer tight? I want to wear it for running and skiing.',
    answer:
      'The Fjord Merino Base Layer Crew has a slim fit, which is what you want for running and skiing: it sits close to the skin so it can move moisture away. Take your usual size; size up only if you prefer it looser for layering under a fleece.',
  },
  {
    handle: 'geiranger-hiking-socks-2-pack',
    ask: 'What size socks for EU 44?',
    answer: 'For EU 44, the Geiranger Hiking Socks in size L (EU 43–46) are the right ones.',
  },
];

export function sizing(ctx: ScriptContext): Script {
  const s = ctx.rng.pick(SIZING);
  const product = productByHandle(s.handle);
  const query = product.title.split(' ').slice(0, 2).join(' ').toLowerCase();
  return {
    topic: 'sizing',
    subject: `Sizing question: ${product.title}`,
    turns: [
      { role: 'customer', text: s.ask },
      {
        role: 'ai',
        tools: [searchProducts(query, [product])],
        text: `${s.answer} Here it is: ${productUrl(product)} (${usd(product.priceCents)}). And if the size isn’t right, exchanges are free within 30 days.`,
      },
    ],
  };
}

type Question = { ask: string; query: string; handles: string[]; answer: string; follow?: [string, string] };

const QUESTIONS: Question[] = [
  {
    ask: 'Is the Bergen rain jacket actually waterproof or just water resistant? I live on the west coast…',
    query: 'bergen rain jacket',
    handles: ['bergen-rain-jacket'],
    answer:
      'It’s fully waterproof with taped seams — it’s named after Bergen for a reason! The hood is designed to stay put in the wind too. For long hikes in heavy rain, the 3-layer Trolltunga Hardshell breathes better, but for city and everyday use the Bergen is perfect.',
  },
  {
    ask: "What's your warmest jacket? I'm moving to Tromsø and it gets to -20.",
    query: 'winter jacket',
    handles: ['lofoten-insulated-parka', 'dovre-down-jacket', 'hemsedal-ski-jacket'],
    answer:
      'For −20 °C I’d look at the Lofoten Insulated Parka (700-fill down, waterproof shell, rated to about −25 °C) or the Dovre Down Jacket (750-fill, men’s fit). If you also ski, the Hemsedal Ski Jacket is insulated and has a powder skirt. Welcome to the north!',
    follow: [
      'Is the Lofoten one ok for men too?',
      'The Lofoten is cut for women, but plenty of men size up into it. For a men’s fit with similar warmth, the Dovre Down Jacket is the better choice.',
    ],
  },
  {
    ask: 'Do you have rain gear for kids? My daughter is 4.',
    query: 'kids rain',
    handles: ['alesund-kids-rain-set'],
    answer:
      'Yes — the Ålesund Kids’ Rain Set (jacket and bib pants) fits ages 2–10, is PVC-free and has reflective details. For a 4-year-old, size 98/104 usually fits with room to grow.',
  },
  {
    ask: 'Is the Hardanger sweater itchy? I have sensitive skin.',
    query: 'hardanger sweater',
    handles: ['hardanger-wool-sweater', 'fjord-merino-base-layer-crew'],
    answer:
      'The Hardanger is knitted from traditional Norwegian wool, which is warm and hard-wearing but can feel a little scratchy on very sensitive skin. Many customers wear a merino layer underneath, like the Fjord Merino Base Layer Crew, which is very soft.',
  },
  {
    ask: 'Does the Trolltunga jacket have waterproof zippers? My old shell leaked through the zipper.',
    query: 'trolltunga hardshell',
    handles: ['trolltunga-hardshell-jacket'],
    answer:
      'It does: the Trolltunga Hardshell uses water-resistant YKK AquaGuard zippers on the front, pockets and pit zips, plus taped seams, so leaking at the zipper shouldn’t happen.',
  },
  {
    ask: 'Which backpack do you recommend for day hikes? Does it fit a hydration bladder?',
    query: 'backpack',
    handles: ['femundsmarka-daypack-22l'],
    answer:
      'The Femundsmarka Daypack 22L is our go-to for day hikes: water-resistant, padded back panel, hip belt, and yes, it has a hydration sleeve for a bladder up to 2 litres.',
  },
  {
    ask: 'Is the Sognefjord windbreaker good for rain?',
    query: 'sognefjord windbreaker',
    handles: ['sognefjord-windbreaker', 'bergen-rain-jacket'],
    answer:
      'The Sognefjord is a featherlight windbreaker and is not waterproof — it handles a light drizzle at most. For rain, the Bergen Rain Jacket is the one to get.',
  },
  {
    ask: 'What is the difference between the Runde puffer and the Senja vest?',
    query: 'packable',
    handles: ['runde-packable-puffer', 'senja-down-vest'],
    answer:
      'The Runde Packable Puffer is a full jacket with synthetic insulation that stays warm even when wet. The Senja Down Vest is sleeveless 650-fill down: lighter and warmer for its weight, but best kept dry. Both pack into their own pocket or hood. Note the Runde is almost sold out — only a few left.',
  },
];

export function productQuestion(ctx: ScriptContext): Script {
  const q = ctx.rng.pick(QUESTIONS);
  const products = q.handles.map(productByHandle);
  const script: Script = {
    topic: 'product-question',
    subject: 'Question about a product',
    turns: [
      { role: 'customer', text: q.ask },
      { role: 'ai', tools: [searchProducts(q.query, products)], text: q.answer },
    ],
  };
  if (q.follow && ctx.rng.chance(0.7)) {
    script.turns.push({ role: 'customer', text: q.follow[0] }, { role: 'ai', text: q.follow[1] });
  }
  return script;
}

/** Pants, socks and boots are plural. */
const isAre = (title: string) => (/(Pants|Socks|Boots|Mittens|Gloves|Shorts)\b/.test(title) ? 'are' : 'is');

const RESTOCK: Array<[string, string, string | null]> = [
  [
    'setesdal-cardigan',
    'When will the Setesdal cardigan be back in stock? I want it in M.',
    'hardanger-wool-sweater',
  ],
  ['finnmark-thermal-boots', 'Are the Finnmark boots coming back before Christmas?', null],
  [
    'trysil-ski-pants',
    'The Trysil ski pants say sold out — will you get more in size L?',
    'rondane-rain-pants',
  ],
  [
    'vesteralen-wool-socks-3-pack',
    'Do you restock the Vesterålen wool socks? They were the best gift last year.',
    'geiranger-hiking-socks-2-pack',
  ],
];

export function restock(ctx: ScriptContext): Script {
  const [handle, ask, altHandle] = ctx.rng.pick(RESTOCK);
  const product = productByHandle(handle);
  const alt = altHandle ? productByHandle(altHandle) : null;
  const answer = `You're right, the ${product.title} ${isAre(product.title)} out of stock at the moment${comma(ctx)}. We don't have a confirmed restock date yet, but you can click “Notify me when available” on ${productUrl(product)} and you'll get an email as soon as ${product.title.includes('(') || isAre(product.title) === 'are' ? 'they are' : 'it is'} back.${alt ? ` In the meantime, the ${alt.title} (${usd(alt.priceCents)}) ${isAre(alt.title)} in stock.` : ''}`;
  return {
    topic: 'restock',
    subject: `${product.title} restock?`,
    turns: [
      { role: 'customer', text: ask },
      {
        role: 'ai',
        tools: [searchProducts(product.title.toLowerCase(), [product, ...(alt ? [alt] : [])])],
        text: answer,
      },
    ],
  };
}

export function woolCare(ctx: ScriptContext): Script {
  const product = productByHandle(
    ctx.rng.pick(['hardanger-wool-sweater', 'fjord-merino-base-layer-crew', 'lillehammer-wool-scarf']),
  );
  return {
    topic: 'care',
    subject: `How to wash the ${product.title}`,
    turns: [
      { role: 'customer', text: `How do I wash the ${product.title}? I'm scared it will shrink.` },
      {
        role: 'ai',
        tools: [searchProducts(product.title.toLowerCase(), [product])],
        text: 'Good question! Wool needs surprisingly little washing: airing it out overnight usually removes odours. When it does need a wash, use the wool or hand-wash cycle at 30 °C max with a wool detergent, skip the fabric softener, and dry it flat on a towel — never in the tumble dryer. That keeps it from shrinking or felting.',
      },
    ],
  };
}

export function giftIdeas(ctx: ScriptContext): Script {
  const products = [
    'lillehammer-wool-scarf',
    'nordkapp-beanie',
    'lyngen-merino-neck-gaiter',
    'geiranger-hiking-socks-2-pack',
  ].map(productByHandle);
  const list = products.map((p) => `${p.title} (${usd(p.priceCents)})`).join(', ');
  return {
    topic: 'gift',
    subject: 'Gift ideas',
    turns: [
      {
        role: 'customer',
        text: ctx.rng.pick([
          'Any gift ideas under $60 for my dad? He loves hiking.',
          'I need a small gift for a colleague, something cosy. Budget around $50.',
        ]),
      },
      {
        role: 'ai',
        tools: [searchProducts('gift', products)],
        text: `Here are a few favourites under $60: ${list}. The merino beanie and the hiking socks are the most popular gifts, and shipping is free on orders over $75.`,
      },
      { role: 'customer', text: 'Can the recipient exchange it if the size is wrong?' },
      {
        role: 'ai',
        text: 'Absolutely. Unworn items can be returned or exchanged within 30 days of delivery, and one exchange per order is free. Just keep the tags on. (Worn socks can’t be returned, so only open them once you’re sure!)',
      },
    ],
  };
}
