import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

/** Every `NAME=` line in .env.example, commented out or not. */
function documented(): Set<string> {
  const text = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
  return new Set([...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
}

/** The keys of config.ts's zod schema, and every `env.NAME` read anywhere in src/ (tests aside). */
function read(): Set<string> {
  const names = new Set<string>();
  const config = fs.readFileSync(path.join(root, 'src/config.ts'), 'utf8');
  const schema = /const ZConfig = z\.object\(\{([\s\S]*?)\n\}\);/.exec(config)?.[1] ?? '';
  for (const m of schema.matchAll(/^\s{2}([A-Z][A-Z0-9_]*):/gm)) names.add(m[1]);
  const files = fs.readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' });
  for (const file of files.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const text = fs.readFileSync(path.join(root, 'src', file), 'utf8');
    for (const m of text.matchAll(/\benv\.([A-Z][A-Z0-9_]*)\b/g)) names.add(m[1]);
    for (const m of text.matchAll(/\benv\[['"]([A-Z][A-Z0-9_]*)['"]\]/g)) names.add(m[1]);
  }
  return names;
}

describe('.env.example', () => {
  it('documents every setting the server reads', () => {
    const used = read();
    // The parse must find the schema: a refactor that hides it should fail here, not pass silently.
    expect(used.size).toBeGreaterThan(15);
    expect(used).toContain('DATABASE_URL');
    expect(used).toContain('OPENAI_API_KEY');
    const missing = [...used].filter((name) => !documented().has(name));
    expect(missing).toEqual([]);
  });
});
