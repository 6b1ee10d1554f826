import { type SQL, sql } from 'drizzle-orm';
import { type Db, queryRows } from '../db/client.ts';
import { PRODUCT_SYNONYMS } from './product-synonyms.ts';
import { searchWords, stem } from './search-words.ts';
import type { ProductSummary } from './types.ts';

type ProductRow = {
  title: string;
  handle: string;
  description: string;
  price_cents: number;
  currency: string;
  image_url: string | null;
  inventory: number;
};

// Substring matching on one- or two-letter words would match nearly every description.
const MIN_SUBSTRING_LENGTH = 3;

/** Each query word with the words that may stand for it in the catalog. */
function searchTerms(query: string): string[][] {
  return searchWords(query).map((word) => {
    const base = stem(word);
    return [...new Set([base, ...(PRODUCT_SYNONYMS[base] ?? PRODUCT_SYNONYMS[word] ?? [])])];
  });
}

// Words are letters and digits only (searchWords), so they are safe as tsquery lexemes.
const prefixQuery = (alternatives: string[]) => `(${alternatives.map((a) => `${a}:*`).join(' | ')})`;

/** True when a field has any alternative of the term as a word prefix, or as a substring ("shell" in "hardshell"). */
function fieldMatch(field: SQL, alternatives: string[]): SQL {
  const substrings = alternatives
    .filter((a) => a.length >= MIN_SUBSTRING_LENGTH)
    .map((a) => sql` or ${field} ilike ${`%${a}%`}`);
  return sql`(to_tsvector('simple', ${field}) @@ to_tsquery('simple', ${prefixQuery(alternatives)})${sql.join(substrings)})`;
}

// A word in the title says more about a product than the same word in its tags, and tags more than the description.
const termScore = (alternatives: string[]) => sql`(case
  when ${fieldMatch(sql`title`, alternatives)} then 3
  when ${fieldMatch(sql`tag_text`, alternatives)} then 2
  when ${fieldMatch(sql`description`, alternatives)} then 1
  else 0 end)`;

const toSummary = (r: ProductRow): ProductSummary => ({
  title: r.title,
  handle: r.handle,
  description: r.description,
  priceCents: Number(r.price_cents),
  currency: r.currency,
  inStock: Number(r.inventory) > 0,
  imageUrl: r.image_url,
  url: `/products/${r.handle}`,
});

/**
 * The shop's demo products best matching the query: the highest sum of per-word scores first (a word in the
 * title counts most), then full-text rank, then in-stock first. No searchable words: the newest products.
 */
export async function searchDemoProducts(
  db: Db,
  shopId: string,
  query: string,
  limit: number,
): Promise<ProductSummary[]> {
  const terms = searchTerms(query);
  if (terms.length === 0) {
    const rows = await queryRows<ProductRow>(
      db,
      sql`select title, handle, description, price_cents, currency, image_url, inventory
        from store_products where shop_id = ${shopId}
        order by created_at desc, title limit ${limit}`,
    );
    return rows.map(toSummary);
  }
  const score = sql.join(terms.map(termScore), sql` + `);
  const anyTerm = terms.map(prefixQuery).join(' | ');
  const rows = await queryRows<ProductRow>(
    db,
    sql`select title, handle, description, price_cents, currency, image_url, inventory from (
        select p.*, ${score} as score,
          ts_rank(
            setweight(to_tsvector('simple', title), 'A')
              || setweight(to_tsvector('simple', tag_text), 'B')
              || setweight(to_tsvector('simple', description), 'C'),
            to_tsquery('simple', ${anyTerm})
          ) as rank
        from (
          select title, handle, description, price_cents, currency, image_url, inventory, created_at,
            array_to_string(tags, ' ') as tag_text
          from store_products where shop_id = ${shopId}
        ) p
      ) ranked
      where score > 0
      order by score desc, rank desc, (inventory > 0) desc, created_at desc, title
      limit ${limit}`,
  );
  return rows.map(toSummary);
}
