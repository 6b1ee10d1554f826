/** Percentile (nearest-rank) of a list of numbers, in the list's unit. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export type Summary = { p50: number; p95: number; p99: number; n: number };

export function summarize(values: number[]): Summary {
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    p99: round(percentile(values, 99)),
    n: values.length,
  };
}
