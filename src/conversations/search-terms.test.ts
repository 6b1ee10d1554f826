import { describe, expect, it } from 'vitest';
import { toContainsPattern, toPrefixTsquery } from './search-terms.ts';

describe('toPrefixTsquery', () => {
  it('turns words into prefix terms joined by AND', () => {
    expect(toPrefixTsquery('Refund  my order!')).toBe('refund:* & my:* & order:*');
  });
  it('keeps letters from any language and drops tsquery syntax', () => {
    expect(toPrefixTsquery("blåbær & 'x' | !")).toBe('blåbær:* & x:*');
  });
  it('returns null when nothing searchable is left', () => {
    expect(toPrefixTsquery(' &|! ')).toBeNull();
  });
});

describe('toContainsPattern', () => {
  it('escapes LIKE wildcards', () => {
    expect(toContainsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
