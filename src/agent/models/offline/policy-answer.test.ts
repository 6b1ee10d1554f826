import { describe, expect, it } from 'vitest';
import { answerSentences, questionWords, sentences } from './policy-answer.ts';

const SHIPPING = [
  'All orders ship from our warehouse in Oslo, Norway. Orders placed before 13:00 CET leave the same day.',
  'Free standard shipping on orders over $75. Below that, standard shipping is $12.95 to the US.',
  'Typical delivery times: Sweden, Denmark and Finland 2–4 business days, and the US and Canada 5–8 business days. Express shipping is availabl',
].join('\n\n');

describe('policy answers', () => {
  it('splits an excerpt into whole sentences, leaving out a cut-off end', () => {
    const list = sentences(SHIPPING);
    expect(list).toHaveLength(5);
    expect(list.at(-1)).toMatch(/^Typical delivery times/);
  });

  it('reads Norwegian questions with the policy’s English words', () => {
    expect(questionWords('Hvor lang tid tar frakten til Sverige?')).toEqual(['shipping', 'sweden', 'day']);
    expect(questionWords('Sender dere til USA?')).toEqual(['delivery', 'ship', 'unitedstate']);
  });

  it('tells the country US from the pronoun us', () => {
    expect(questionWords('How long does shipping to the US take?')).toContain('unitedstate');
    expect(questionWords('Can you send us a label?')).not.toContain('unitedstate');
  });

  it('picks the sentences that answer the question, in their order', () => {
    expect(answerSentences(SHIPPING, 'Do you ship to Sweden?')).toEqual([
      'All orders ship from our warehouse in Oslo, Norway.',
      'Typical delivery times: Sweden, Denmark and Finland 2–4 business days, and the US and Canada 5–8 business days.',
    ]);
    expect(answerSentences(SHIPPING, 'How much is shipping to the US?', 1)).toEqual([
      'Below that, standard shipping is $12.95 to the US.',
    ]);
  });

  it('falls back to the first sentences when nothing matches', () => {
    expect(answerSentences(SHIPPING, 'zzz')).toEqual(sentences(SHIPPING).slice(0, 2));
    expect(answerSentences('', 'anything')).toEqual([]);
  });
});
