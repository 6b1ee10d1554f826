import { searchWords } from './search-words.ts';
import type { GraphqlRequest } from './shopify-graphql.ts';
import { amountToCents, type ShopifyMoney } from './shopify-money.ts';
import type { ProductSummary } from './types.ts';

const PRODUCTS_QUERY = `query SupportifyProducts($first: Int!, $query: String!, $sortKey: ProductSortKeys!, $reverse: Boolean!) {
  products(first: $first, query: $query, sortKey: $sortKey, reverse: $reverse) {
    nodes {
      title
      handle
      description
      onlineStoreUrl
      totalInventory
      tracksInventory
      featuredImage { url }
      priceRangeV2 { minVariantPrice { amount currencyCode } }
    }
  }
}`;

type ProductNode = {
  title: string;
  handle: string;
  description: string;
  onlineStoreUrl: string | null;
  totalInventory: number | null;
  tracksInventory: boolean | null;
  featuredImage: { url: string } | null;
  priceRangeV2: { minVariantPrice: ShopifyMoney };
};

// Draft and archived products are not for sale: never recommend them.
const ACTIVE = 'status:active';

/**
 * Search strings for a shopper's words, strictest first: all words, then any word. The words are letters and
 * digits only with AND/OR/NOT dropped (searchWords), so no field filter, quote, group or operator survives.
 */
export function productSearches(query: string): string[] {
  const words = searchWords(query);
  if (words.length === 0) return [];
  const all = `${ACTIVE} ${words.join(' ')}`;
  return words.length === 1 ? [all] : [all, `${ACTIVE} (${words.join(' OR ')})`];
}

/** An Admin API product as a ProductSummary. */
export function toProductSummary(p: ProductNode): ProductSummary {
  const price = p.priceRangeV2.minVariantPrice;
  return {
    title: p.title,
    handle: p.handle,
    description: p.description,
    priceCents: amountToCents(price.amount),
    currency: price.currencyCode,
    // A product that does not track inventory is always sellable, though its count reads 0.
    inStock: p.tracksInventory === false || (p.totalInventory ?? 0) > 0,
    imageUrl: p.featuredImage?.url ?? null,
    url: p.onlineStoreUrl ?? `/products/${p.handle}`,
  };
}

/** Active products matching the query by Shopify's relevance; the newest ones for an empty query. */
export async function searchShopifyProducts(
  request: GraphqlRequest,
  query: string,
  limit: number,
): Promise<ProductSummary[]> {
  const run = async (search: string, sortKey: string, reverse: boolean) => {
    const data = await request<{ products: { nodes: ProductNode[] } }>(PRODUCTS_QUERY, {
      first: limit,
      query: search,
      sortKey,
      reverse,
    });
    return data.products.nodes.map(toProductSummary);
  };
  const searches = productSearches(query);
  if (searches.length === 0) return run(ACTIVE, 'CREATED_AT', true);
  for (const search of searches) {
    const found = await run(search, 'RELEVANCE', false);
    if (found.length > 0) return found;
  }
  return [];
}
