// What `npm start` runs after building, as node arguments: the browser tests and the benchmarks start the
// product exactly this way (bundle and Node flags), from one place, package.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Node's arguments from the `start` script's last command (`node <flags> dist/server/main.js start`). */
export function startArgs(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const [node, ...args] = String(pkg.scripts.start).split('&&').at(-1)!.trim().split(/\s+/);
  if (node !== 'node')
    throw new Error(`package.json start script does not end in a node command: ${pkg.scripts.start}`);
  // Paths are the project's: absolute, so any working directory works.
  return args.map((a) => (a.endsWith('.js') || a.endsWith('.ts') ? path.join(root, a) : a));
}
