import { describe, expect, it } from 'vitest';
import { toContainsPattern, toTsquery } from './search-terms.ts';

describe('toTsquery', () => {
  it('turns words into prefix terms joined by AND', () => {
    expect(toTsquery('Refund  my order!')).toBe('refund:* & my:* & order:*');
  });
  it('keeps letters from any language and drops tsquery syntax', () => {
    expect(toTsquery("blåbær & 'x' | !")).toBe('blåbær:* & x:*');
  });
  it('keeps an email whole, as the parser does', () => {
    expect(toTsquery(' Ingrid.Johansen@Example.com ')).toBe("'ingrid.johansen@example.com':*");
  });
  it('strips quotes from an email-like entry', () => {
    expect(toTsquery("a'b@c.d")).toBe("'ab@c.d':*");
  });
  it('returns null when nothing searchable is left', () => {
    expect(toTsquery(' &|! ')).toBeNull();
  });
});

describe('toContainsPattern', () => {
  it('escapes LIKE wildcards', () => {
    expect(toContainsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
