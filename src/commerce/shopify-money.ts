/** A Shopify MoneyV2 value: a decimal string amount and an ISO currency code. */
export type ShopifyMoney = { amount: string; currencyCode: string };

/** A decimal amount string ("169.9") as hundredths (16990), exactly, without floating-point error. */
export function amountToCents(amount: string): number {
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(amount.trim());
  if (!match) throw new Error(`not a money amount: ${JSON.stringify(amount.slice(0, 40))}`);
  const [, sign, whole, fraction = ''] = match;
  const padded = fraction.padEnd(3, '0');
  // Half up on the third decimal, for currencies Shopify reports with three.
  const cents = Number(whole) * 100 + Number(padded.slice(0, 2)) + (Number(padded[2]) >= 5 ? 1 : 0);
  return sign ? -cents : cents;
}
