import { printTable, writeResult } from './results.ts';

/** One headline figure of a benchmark, with its target when the issue sets one. */
export type Headline = {
  suite: string;
  measure: string;
  value: number;
  unit: string;
  /** The figure must be at most (`max`) or at least (`min`) this. */
  target?: { max: number } | { min: number };
};

const headlines: Headline[] = [];

export function addHeadline(headline: Headline): void {
  headlines.push(headline);
}

const meets = (h: Headline) =>
  !h.target ? '' : 'max' in h.target ? h.value <= h.target.max : h.value >= h.target.min;

/** The summary table of every suite that ran, also written to bench/results/summary.json. */
export function printSummary(log: (s: string) => void, seconds: number): void {
  if (headlines.length === 0) return;
  const rows = headlines.map((h) => ({
    suite: h.suite,
    measure: h.measure,
    value: `${h.value} ${h.unit}`,
    target: !h.target ? '-' : 'max' in h.target ? `≤ ${h.target.max}` : `≥ ${h.target.min}`,
    met: h.target ? (meets(h) ? 'yes' : 'NO') : '-',
  }));
  const file = writeResult('summary', {
    seconds,
    headlines: headlines.map((h) => ({ ...h, met: h.target ? meets(h) : null })),
    at: new Date().toISOString(),
  });
  log(`\nsummary (${Math.round(seconds)} s, ${file})`);
  printTable(rows);
}
