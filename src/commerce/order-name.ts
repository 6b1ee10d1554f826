// Digits only, so nothing a customer types can reach a query as search syntax or SQL.
const ORDER_NAME = /^#?(\d{1,10})$/;

/** "#1004", "1004" or " #1004 " as the canonical "#1004"; null for anything else. */
export function normalizeOrderName(input: string): string | null {
  const match = ORDER_NAME.exec(input.trim());
  return match ? `#${match[1]}` : null;
}
