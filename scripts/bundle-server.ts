// Bundles the server (src/main.ts and its dependencies) into dist/server/main.js for `npm start`. Node 24's
// ESM loader leaves ~150 MB of start-up garbage resolving ~800 separate modules; one file starts at ~145 MB
// RSS instead of ~310 MB (bench: export).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
export const SERVER_BUNDLE = path.join(root, 'dist/server/main.js');

// Packages that find their own files beside them at run time (wasm, static assets, worker threads).
const EXTERNAL = ['@electric-sql/pglite', 'pg-native', '@fastify/swagger', '@fastify/swagger-ui', 'pino'];

export async function bundleServer(): Promise<void> {
  await build({
    entryPoints: [path.join(root, 'src/main.ts')],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external: EXTERNAL,
    // CommonJS dependencies call require(): the bundle is a module, so it gets one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'warning',
    plugins: [
      {
        // Our files find migrations, the built admin and the widget relative to themselves: each keeps its own URL.
        name: 'source-file-urls',
        setup(b) {
          b.onLoad({ filter: /\.ts$/ }, async (args) => {
            if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
            const text = await fs.promises.readFile(args.path, 'utf8');
            if (!text.includes('import.meta.url')) return undefined;
            const relative = path.relative(path.dirname(SERVER_BUNDLE), args.path).split(path.sep).join('/');
            const ownUrl = `new URL(${JSON.stringify(relative)}, import.meta.url).href`;
            return { contents: text.replaceAll('import.meta.url', ownUrl), loader: 'ts' };
          });
        },
      },
    ],
  });
}
