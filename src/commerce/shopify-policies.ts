import { htmlToText } from './html-text.ts';
import { rankPolicies } from './policy-search.ts';
import type { GraphqlRequest } from './shopify-graphql.ts';
import type { PolicySummary } from './types.ts';

const POLICIES_QUERY = `query SupportifyPolicies {
  shop { shopPolicies { type title body } }
}`;

type PolicyNode = { type: string; title: string; body: string };

/** Shopify's policy types in the demo store's kind words. */
const KINDS: Record<string, string> = {
  REFUND_POLICY: 'returns',
  SHIPPING_POLICY: 'shipping',
  PRIVACY_POLICY: 'privacy',
  TERMS_OF_SERVICE: 'terms-of-service',
  TERMS_OF_SALE: 'terms-of-sale',
  CONTACT_INFORMATION: 'contact',
  LEGAL_NOTICE: 'legal',
  SUBSCRIPTION_POLICY: 'subscription',
};

/** The kind for a Shopify policy type; unknown future types become "some-type". */
export const policyKind = (type: string) =>
  KINDS[type] ??
  type
    .toLowerCase()
    .replace(/_policy$/, '')
    .replace(/_/g, '-');

/** The shop's published policies as plain text, ranked for the query (all for an empty query). */
export async function searchShopifyPolicies(
  request: GraphqlRequest,
  query: string,
  limit: number,
): Promise<PolicySummary[]> {
  const data = await request<{ shop: { shopPolicies: PolicyNode[] } }>(POLICIES_QUERY);
  const policies = data.shop.shopPolicies
    .map((p) => ({ kind: policyKind(p.type), title: p.title, body: htmlToText(p.body ?? '') }))
    // A policy the merchant left empty has nothing to tell a customer.
    .filter((p) => p.body.length > 0);
  return rankPolicies(policies, query, limit);
}
