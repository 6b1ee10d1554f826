import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ADMIN_DIST = fileURLToPath(new URL('../../dist/admin', import.meta.url));
const WIDGET = fileURLToPath(new URL('../../dist/widget/widget.js', import.meta.url));

const gzipped = (file: string) => gzipSync(fs.readFileSync(file)).length;

/**
 * What the browser downloads before the admin can draw anything (index.html's module script, its
 * modulepreloads and stylesheets), gzipped as a server would send them; every lazy chunk besides; the
 * widget script a storefront loads.
 */
export function measureBundles() {
  const html = fs.readFileSync(path.join(ADMIN_DIST, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const initial = refs.map((ref) => path.join(ADMIN_DIST, ref));
  const initialJs = initial.filter((f) => f.endsWith('.js'));
  const initialCss = initial.filter((f) => f.endsWith('.css'));
  const assets = fs
    .readdirSync(path.join(ADMIN_DIST, 'assets'))
    .map((f) => path.join(ADMIN_DIST, 'assets', f));
  const lazyJs = assets.filter((f) => f.endsWith('.js') && !initialJs.includes(f));
  const sum = (files: string[]) => files.reduce((n, f) => n + gzipped(f), 0);
  const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;
  return {
    adminInitialJsKb: kb(sum(initialJs)),
    adminInitialCssKb: kb(sum(initialCss)),
    adminLazyJsKb: kb(sum(lazyJs)),
    adminLargestLazyChunkKb: kb(Math.max(0, ...lazyJs.map(gzipped))),
    widgetJsKb: kb(gzipped(WIDGET)),
    target: { adminInitialJsKb: 250 },
  };
}
