import fs from 'node:fs';

export type DemoProductTile = {
  title: string;
  handle: string;
  priceCents: number;
  currency: string;
  tags: string[];
  inStock: boolean;
};

export type DemoPageInput = { shopName: string; widgetKey: string; products: DemoProductTile[] };

const STYLES = fs.readFileSync(new URL('./demo-page.css', import.meta.url), 'utf8');

/** Text safe inside HTML element content and quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(
    /[&<>"'`]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' })[c] ?? c,
  );
}

function formatPrice(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

// A stable colour per product, so the tiles look designed without image files.
function hueOf(handle: string): number {
  let hash = 0;
  for (const c of handle) hash = (hash * 31 + c.charCodeAt(0)) % 360;
  return hash;
}

function renderTile(p: DemoProductTile): string {
  const label = p.tags.find((t) => !['unisex', 'men', 'women', 'bestseller'].includes(t)) ?? 'Nordic';
  return `<li class="tile">
      <div class="tile-art" style="--hue: ${hueOf(p.handle)}" aria-hidden="true"><span>${escapeHtml(label)}</span></div>
      <h3 class="tile-title">${escapeHtml(p.title)}</h3>
      <p class="tile-meta"><span class="tile-price">${escapeHtml(formatPrice(p.priceCents, p.currency))}</span>${
        p.inStock ? '' : ' <span class="tile-sold-out">Sold out</span>'
      }</p>
    </li>`;
}

/**
 * A pretend storefront for the demo shop with the chat widget embedded exactly as a store would embed
 * it. Every interpolated value is escaped; no inline scripts (the page's CSP is `script-src 'self'`).
 */
export function renderDemoPage({ shopName, widgetKey, products }: DemoPageInput): string {
  const shop = escapeHtml(shopName);
  const tiles = products.map(renderTile).join('\n    ');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${shop} — demo storefront</title>
  <link rel="icon" type="image/svg+xml" href="/favicon.svg">
  <style>${STYLES}</style>
</head>
<body>
  <p class="demo-note">Demo storefront for Supportify. The chat button in the bottom-right corner is the widget.</p>
  <header class="site-header">
    <a class="logo" href="/demo">${shop}</a>
    <nav aria-label="Main"><a href="/demo">Women</a><a href="/demo">Men</a><a href="/demo">Knitwear</a><a href="/demo">Outerwear</a></nav>
  </header>
  <main>
    <section class="hero">
      <p class="eyebrow">Winter collection</p>
      <h1>Warm layers for long northern winters</h1>
      <p class="lede">Merino, Norwegian wool and down, made to last. Questions about sizes, orders or returns? Ask us in the chat.</p>
      <ul class="try">
        <li>Try: “Do you have wool sweaters?”</li>
        <li>“What is your return policy?”</li>
        <li>“Where is my order?”</li>
      </ul>
    </section>
    <section aria-labelledby="bestsellers">
      <h2 id="bestsellers" class="section-title">Bestsellers</h2>
      <ul class="tiles">
    ${tiles}
      </ul>
    </section>
  </main>
  <footer class="site-footer">© ${shop} · Free shipping over $150 · 30-day returns</footer>
  <script src="/widget.js" data-widget-key="${escapeHtml(widgetKey)}" async></script>
</body>
</html>
`;
}
