// Builds the admin app, the widget and the server bundle when one is missing or older than its sources, so
// `npm start` and `npm test` work on a fresh clone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleServer, SERVER_BUNDLE } from './bundle-server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
// Each bundle: its built file, its sources and its Vite config.
const bundles = [
  {
    file: 'dist/admin/index.html',
    sources: ['web/admin', 'package-lock.json'],
    config: 'web/admin/vite.config.ts',
  },
  {
    file: 'dist/widget/widget.js',
    sources: ['web/widget', 'package-lock.json'],
    config: 'web/widget/vite.config.ts',
  },
];

function newestMtime(p: string): number {
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(path.join(p, entry)));
  }
  return newest;
}

/** Whether the built file is missing or older than any of its sources (paths from the project root). */
function isStale(file: string, sources: string[]): boolean {
  const built = fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
  const present = sources.map((s) => path.join(root, s)).filter((s) => fs.existsSync(s));
  return built < Math.max(...present.map(newestMtime));
}

const vite = path.join(root, 'node_modules/vite/bin/vite.js');
for (const bundle of bundles) {
  if (!isStale(path.join(root, bundle.file), bundle.sources)) continue;
  process.stdout.write(`Building ${path.dirname(bundle.config)}…\n`);
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', bundle.config, '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// The server imports the widget's demo page from web/.
if (isStale(SERVER_BUNDLE, ['src', 'web/widget/demo', 'package-lock.json', 'scripts/bundle-server.ts'])) {
  process.stdout.write('Bundling the server…\n');
  await bundleServer();
}
