/** The demo store's catalog: Nordic Threads, Norwegian-flavoured outdoor clothing. Prices in USD cents. */

export type DemoProduct = {
  title: string;
  handle: string;
  description: string;
  priceCents: number;
  tags: string[];
  inventory: number;
};

export const STORE_URL = 'https://nordicthreads.example';

export const productUrl = (p: DemoProduct) => `${STORE_URL}/products/${p.handle}`;

export const DEMO_PRODUCTS: DemoProduct[] = [
  {
    title: 'Fjord Merino Base Layer Crew',
    handle: 'fjord-merino-base-layer-crew',
    description:
      '200 g/m² 100% merino wool crew that stays warm when damp and does not hold odours. Flatlock seams, slim fit. Sizes XS–XXL; between sizes, size up if you layer it under a fleece.',
    priceCents: 8900,
    tags: ['merino', 'base-layer', 'unisex', 'bestseller'],
    inventory: 64,
  },
  {
    title: 'Fjord Merino Base Layer Leggings',
    handle: 'fjord-merino-base-layer-leggings',
    description:
      'Matching 200 g/m² merino leggings with a soft wide waistband and ankle-length cut for ski boots. Machine wash cold on a wool cycle, dry flat.',
    priceCents: 7900,
    tags: ['merino', 'base-layer', 'unisex'],
    inventory: 41,
  },
  {
    title: 'Lofoten Insulated Parka',
    handle: 'lofoten-insulated-parka',
    description:
      'Our warmest city-to-mountain parka: 700-fill responsibly sourced down, waterproof 2-layer shell, detachable faux-fur hood trim and a two-way front zipper. Rated to about −25 °C. Runs true to size.',
    priceCents: 34900,
    tags: ['jacket', 'down', 'waterproof', 'women', 'winter'],
    inventory: 12,
  },
  {
    title: 'Trolltunga Hardshell Jacket',
    handle: 'trolltunga-hardshell-jacket',
    description:
      '3-layer waterproof, breathable hardshell (20,000 mm / 20,000 g) with taped seams, helmet-compatible hood, pit zips and water-resistant YKK AquaGuard zippers. Athletic fit: size up for thick mid-layers.',
    priceCents: 27900,
    tags: ['jacket', 'shell', 'waterproof', 'unisex', 'hiking'],
    inventory: 23,
  },
  {
    title: 'Preikestolen Softshell Jacket',
    handle: 'preikestolen-softshell-jacket',
    description:
      'Stretchy, wind-resistant softshell with a brushed inside and DWR finish for light showers. Two hand pockets and a chest pocket. Regular fit.',
    priceCents: 18900,
    tags: ['jacket', 'softshell', 'men', 'women', 'hiking'],
    inventory: 30,
  },
  {
    title: 'Senja Down Vest',
    handle: 'senja-down-vest',
    description:
      'Lightweight 650-fill down vest that packs into its own pocket. Great as a mid-layer under a shell or on its own on cool autumn days.',
    priceCents: 15900,
    tags: ['vest', 'down', 'unisex', 'packable'],
    inventory: 18,
  },
  {
    title: 'Hardanger Wool Sweater',
    handle: 'hardanger-wool-sweater',
    description:
      'Classic Norwegian knit in 100% Norwegian wool with a traditional star pattern across the yoke. Relaxed fit: most customers take their usual size. Hand wash or wool cycle.',
    priceCents: 16900,
    tags: ['sweater', 'wool', 'knitwear', 'unisex', 'bestseller'],
    inventory: 27,
  },
  {
    title: 'Setesdal Cardigan',
    handle: 'setesdal-cardigan',
    description:
      'Hand-finished lusekofte cardigan with pewter clasps, knitted from soft Norwegian wool in the traditional black-and-white Setesdal pattern. Small batch; restocks a few times a year.',
    priceCents: 19900,
    tags: ['cardigan', 'wool', 'knitwear', 'women', 'limited'],
    inventory: 0,
  },
  {
    title: 'Tromsø Fleece Half-Zip',
    handle: 'tromso-fleece-half-zip',
    description:
      'Warm 300-weight recycled polyester fleece with a half-length zipper and stand-up collar. Ideal mid-layer for skiing and winter hikes.',
    priceCents: 9900,
    tags: ['fleece', 'mid-layer', 'unisex', 'recycled'],
    inventory: 52,
  },
  {
    title: 'Jotunheimen Hiking Pants',
    handle: 'jotunheimen-hiking-pants',
    description:
      'Durable stretch hiking pants with reinforced knees, ventilation zips and a PFC-free water-repellent finish. Inseam 32" (regular) or 34" (long).',
    priceCents: 12900,
    tags: ['pants', 'hiking', 'men', 'women'],
    inventory: 36,
  },
  {
    title: 'Rondane Rain Pants',
    handle: 'rondane-rain-pants',
    description:
      'Fully waterproof 2.5-layer rain pants with full-length side zippers so you can pull them on over boots. Packs into its own pocket.',
    priceCents: 11900,
    tags: ['pants', 'rain', 'waterproof', 'unisex', 'packable'],
    inventory: 22,
  },
  {
    title: 'Svalbard Expedition Mittens',
    handle: 'svalbard-expedition-mittens',
    description:
      'Windproof shell mittens with a removable boiled-wool liner and long gauntlet cuffs. Built for the coldest days. Sizes S–XL.',
    priceCents: 6900,
    tags: ['mittens', 'accessories', 'winter', 'wool'],
    inventory: 15,
  },
  {
    title: 'Nordkapp Beanie',
    handle: 'nordkapp-beanie',
    description: 'Rib-knit merino beanie with a fold-up cuff. One size, soft enough not to itch.',
    priceCents: 3500,
    tags: ['beanie', 'accessories', 'merino', 'unisex'],
    inventory: 120,
  },
  {
    title: 'Lyngen Merino Neck Gaiter',
    handle: 'lyngen-merino-neck-gaiter',
    description: 'Seamless merino tube you can wear as a neck gaiter, headband or balaclava.',
    priceCents: 2900,
    tags: ['accessories', 'merino', 'unisex'],
    inventory: 88,
  },
  {
    title: 'Geiranger Hiking Socks (2-pack)',
    handle: 'geiranger-hiking-socks-2-pack',
    description:
      'Cushioned merino-blend hiking socks with a reinforced heel and toe. Sizes S (EU 35–38), M (39–42), L (43–46).',
    priceCents: 3200,
    tags: ['socks', 'merino', 'hiking', 'unisex'],
    inventory: 140,
  },
  {
    title: 'Vesterålen Wool Socks (3-pack)',
    handle: 'vesteralen-wool-socks-3-pack',
    description: 'Thick, warm everyday wool socks for the cabin, boots and cold floors.',
    priceCents: 4500,
    tags: ['socks', 'wool', 'unisex', 'gift'],
    inventory: 0,
  },
  {
    title: 'Bergen Rain Jacket',
    handle: 'bergen-rain-jacket',
    description:
      'A city rain jacket named after the rainiest city in Norway: waterproof, taped seams, hip length, with a hood that stays put in the wind. Regular fit.',
    priceCents: 14900,
    tags: ['jacket', 'rain', 'waterproof', 'women', 'men'],
    inventory: 44,
  },
  {
    title: 'Helgeland Flannel Shirt',
    handle: 'helgeland-flannel-shirt',
    description: 'Heavy brushed organic-cotton flannel in a muted check. Slightly boxy fit.',
    priceCents: 7900,
    tags: ['shirt', 'flannel', 'men', 'organic'],
    inventory: 33,
  },
  {
    title: 'Aurland Trail T-Shirt',
    handle: 'aurland-trail-t-shirt',
    description: 'Light merino–Tencel blend tee for hot hiking days: dries fast and stays fresh for days.',
    priceCents: 5900,
    tags: ['t-shirt', 'merino', 'hiking', 'unisex'],
    inventory: 71,
  },
  {
    title: 'Finnmark Thermal Boots',
    handle: 'finnmark-thermal-boots',
    description:
      'Insulated winter boots with a waterproof membrane, removable felt liner and grippy Arctic sole, comfortable to about −30 °C. Whole sizes only; if between sizes, go up one.',
    priceCents: 22900,
    tags: ['boots', 'footwear', 'winter', 'waterproof'],
    inventory: 0,
  },
  {
    title: 'Dovre Down Jacket',
    handle: 'dovre-down-jacket',
    description:
      'Warm 750-fill down jacket with a water-repellent ripstop shell, insulated hood and internal stash pocket. Men’s regular fit.',
    priceCents: 29900,
    tags: ['jacket', 'down', 'men', 'winter'],
    inventory: 9,
  },
  {
    title: 'Kjerag Climbing Shorts',
    handle: 'kjerag-climbing-shorts',
    description: 'Stretch canvas shorts with a gusseted crotch and chalk-bag loop.',
    priceCents: 6900,
    tags: ['shorts', 'climbing', 'unisex', 'summer'],
    inventory: 19,
  },
  {
    title: 'Sognefjord Windbreaker',
    handle: 'sognefjord-windbreaker',
    description: 'Featherlight 90 g windbreaker that packs into its chest pocket. Not waterproof.',
    priceCents: 11900,
    tags: ['jacket', 'wind', 'unisex', 'packable', 'running'],
    inventory: 26,
  },
  {
    title: 'Voss Ski Gloves',
    handle: 'voss-ski-gloves',
    description:
      'Waterproof insulated ski gloves with goat-leather palms and touchscreen-friendly fingertips.',
    priceCents: 7900,
    tags: ['gloves', 'accessories', 'ski', 'winter'],
    inventory: 38,
  },
  {
    title: 'Hemsedal Ski Jacket',
    handle: 'hemsedal-ski-jacket',
    description:
      'Insulated ski jacket with a powder skirt, helmet-compatible hood, RECCO reflector and a ski-pass pocket on the sleeve. Regular fit with room for a mid-layer.',
    priceCents: 38900,
    tags: ['jacket', 'ski', 'waterproof', 'insulated', 'winter'],
    inventory: 7,
  },
  {
    title: 'Trysil Ski Pants',
    handle: 'trysil-ski-pants',
    description: 'Insulated, waterproof ski pants with adjustable waist, scuff guards and inner leg gaiters.',
    priceCents: 24900,
    tags: ['pants', 'ski', 'waterproof', 'insulated', 'winter'],
    inventory: 0,
  },
  {
    title: 'Lillehammer Wool Scarf',
    handle: 'lillehammer-wool-scarf',
    description: 'Long lambswool scarf woven in Norway, fringed ends. 180 × 30 cm.',
    priceCents: 5500,
    tags: ['scarf', 'wool', 'accessories', 'gift'],
    inventory: 47,
  },
  {
    title: 'Ålesund Kids’ Rain Set',
    handle: 'alesund-kids-rain-set',
    description:
      'PVC-free rain jacket and bib pants for kids aged 2–10, with reflective details and adjustable suspenders.',
    priceCents: 8900,
    tags: ['kids', 'rain', 'waterproof'],
    inventory: 24,
  },
  {
    title: 'Femundsmarka Daypack 22L',
    handle: 'femundsmarka-daypack-22l',
    description: 'Water-resistant 22-litre daypack with a padded back panel, hydration sleeve and hip belt.',
    priceCents: 11900,
    tags: ['backpack', 'hiking', 'accessories'],
    inventory: 31,
  },
  {
    title: 'Runde Packable Puffer',
    handle: 'runde-packable-puffer',
    description:
      'Synthetic-insulated puffer that keeps warming when wet and packs into its hood. Women’s and men’s cuts, true to size.',
    priceCents: 17900,
    tags: ['jacket', 'insulated', 'packable', 'women', 'men'],
    inventory: 3,
  },
];

export function productByHandle(handle: string): DemoProduct {
  const product = DEMO_PRODUCTS.find((p) => p.handle === handle);
  if (!product) throw new Error(`no demo product ${handle}`);
  return product;
}

export function productByTitle(title: string): DemoProduct {
  const product = DEMO_PRODUCTS.find((p) => p.title === title);
  if (!product) throw new Error(`no demo product titled ${title}`);
  return product;
}
