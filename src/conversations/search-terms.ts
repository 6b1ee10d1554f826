const EMAIL_LIKE = /^[^\s@]+@[^\s@]+$/;

/**
 * Turns a search box entry into a `simple`-config tsquery: an email-like entry is one lexeme (the
 * parser keeps emails whole); otherwise each word is a prefix term (`word:* & other:*`). Null if
 * nothing searchable is left.
 */
export function toTsquery(q: string): string | null {
  const trimmed = q.trim().toLowerCase();
  if (EMAIL_LIKE.test(trimmed)) {
    const lexeme = trimmed.replace(/[^\p{L}\p{N}@._+-]/gu, '');
    return lexeme ? `'${lexeme}':*` : null;
  }
  const words = trimmed
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(' & ') : null;
}

/** A LIKE pattern matching the text anywhere, with LIKE's wildcards escaped. */
export function toContainsPattern(q: string): string {
  return `%${q
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
