import { describe, expect, it } from 'vitest';
import { htmlToText } from '../src/commerce/html-text.ts';
import { normalizeOrderName } from '../src/commerce/order-name.ts';
import { searchWords, stem } from '../src/commerce/search-words.ts';
import { retryAfterMs, throttleDelayMs } from '../src/commerce/shopify-graphql.ts';
import { amountToCents } from '../src/commerce/shopify-money.ts';

describe('commerce text helpers', () => {
  it('normalises order names and rejects everything else', () => {
    expect(['#1004', '1004', ' #1004 ', '#0001'].map(normalizeOrderName)).toEqual([
      '#1004',
      '#1004',
      '#1004',
      '#0001',
    ]);
    for (const bad of ['', '#', '# 1004', '1004a', '#1004#', '12345678901', '٣٤', '1004\n1005']) {
      expect(normalizeOrderName(bad), bad).toBeNull();
    }
  });

  it('turns money amounts into cents exactly', () => {
    expect(['0', '19.99', '169.9', '1699.00', '0.07', '-5.5', '1.005', '12.344'].map(amountToCents)).toEqual([
      0, 1999, 16990, 169900, 7, -550, 101, 1234,
    ]);
    expect(() => amountToCents('1e3')).toThrow(/money amount/);
  });

  it('keeps only plain words of a query', () => {
    expect(searchWords('Do you have any WOOL sweaters? title:"x" OR (tag:y) AND NOT -z')).toEqual([
      'wool',
      'sweaters',
      'title',
      'tag',
    ]);
    expect(searchWords('Har dere ullgensere på lager?')).toEqual(['ullgensere', 'lager']);
    expect(
      searchWords('a b c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc dd ee ff gg hh ii'),
    ).toHaveLength(8);
    expect(['sweaters', 'accessories', 'dress', 'gas', 'boots'].map(stem)).toEqual([
      'sweater',
      'accessori',
      'dress',
      'gas',
      'boot',
    ]);
  });

  it('turns policy HTML into readable text', () => {
    expect(
      htmlToText(
        '<style>p{}</style><h1>Frakt</h1><p>Vi sender med <a href="https://posten.no">Posten</a>&nbsp;&amp; Bring.</p>' +
          '<!-- note --><p>Gratis&nbsp;frakt&hellip;<br/>over 750&nbsp;kr</p><p>&lt;b&gt; &#65; &#x42; &#0; &bogus;</p>',
      ),
    ).toBe('Frakt\n\nVi sender med Posten & Bring.\n\nGratis frakt…\nover 750 kr\n\n<b> A B &#0; &bogus;');
  });

  it('reads Retry-After in seconds or as a date', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(retryAfterMs('2', now)).toBe(2000);
    expect(retryAfterMs('0.5', now)).toBe(500);
    expect(retryAfterMs('Wed, 01 Jan 2025 00:00:03 GMT', now)).toBe(3000);
    expect(retryAfterMs(null, now)).toBeNull();
    expect(retryAfterMs('soon', now)).toBeNull();
  });

  it('waits for the points a throttled query is short of', () => {
    const status = (currentlyAvailable: number, restoreRate = 50) => ({
      requestedQueryCost: 100,
      throttleStatus: { maximumAvailable: 1000, currentlyAvailable, restoreRate },
    });
    expect(throttleDelayMs(status(0))).toBe(2000);
    expect(throttleDelayMs(status(75))).toBe(500);
    expect(throttleDelayMs(status(100))).toBe(20);
    expect(throttleDelayMs(status(10, 0))).toBeNull();
    expect(throttleDelayMs(undefined)).toBeNull();
  });
});
