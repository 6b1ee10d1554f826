/** An order as the agent may show it to the customer who placed it. */
export type OrderSummary = {
  name: string;
  email: string;
  customerName: string;
  createdAt: string;
  financialStatus: string;
  fulfillmentStatus: string;
  totalCents: number;
  currency: string;
  lineItems: Array<{ title: string; quantity: number; priceCents: number }>;
  trackingNumber: string | null;
  trackingUrl: string | null;
};

export type ProductSummary = {
  title: string;
  handle: string;
  description: string;
  priceCents: number;
  currency: string;
  inStock: boolean;
  imageUrl: string | null;
  url: string;
};

export type PolicySummary = { kind: string; title: string; body: string };

/**
 * Where store data comes from: the demo store in our database, or a shop's Shopify Admin API.
 * Implementations never filter by customer: authorization is the tools' job.
 */
export type CommerceSource = {
  /** The order with this name ("#1001" or "1001"), or null. */
  findOrderByName(name: string): Promise<OrderSummary | null>;
  /** Products matching a free-text query, best first. */
  searchProducts(query: string, limit: number): Promise<ProductSummary[]>;
  /** Store policies (returns, shipping, payment, …) matching a query, best first; all when query is empty. */
  searchPolicies(query: string, limit: number): Promise<PolicySummary[]>;
};
