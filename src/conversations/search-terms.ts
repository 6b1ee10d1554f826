/** Splits a search box entry into words for a prefix full-text query (`word:* & other:*`), or null. */
export function toPrefixTsquery(q: string): string | null {
  const words = q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}

/** A LIKE pattern matching the text anywhere, with LIKE's wildcards escaped. */
export function toContainsPattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
