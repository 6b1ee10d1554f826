// Builds the admin app and the widget when a bundle is missing or older than its sources, so `npm start`
// and `npm test` work on a fresh clone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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

const vite = path.join(root, 'node_modules/vite/bin/vite.js');
for (const bundle of bundles) {
  const output = path.join(root, bundle.file);
  const built = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
  const sources = bundle.sources.map((s) => path.join(root, s)).filter((s) => fs.existsSync(s));
  if (built >= Math.max(...sources.map(newestMtime))) continue;
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
