// axe-core in the browser tests: inject its source into the page, run every rule, keep what fails badly.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export type AxeImpact = 'minor' | 'moderate' | 'serious' | 'critical';

export type AxeViolation = {
  id: string;
  impact: AxeImpact | null;
  help: string;
  /** Each failing element: its CSS selector path and axe's summary of what to fix. */
  nodes: Array<{ target: string; summary: string }>;
};

/** Runs axe-core on the page as it is now and answers every violation (all rules, all impacts). */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  // The admin's CSP (script-src 'self') refuses an inline <script>, so the source is evaluated through the
  // DevTools protocol instead, which a page's CSP does not govern; the product's policy stays as shipped.
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type Axe = {
      run: (
        context: Document,
        options: { resultTypes: string[] },
      ) => Promise<{
        violations: Array<{
          id: string;
          impact?: AxeImpact | null;
          help: string;
          nodes: Array<{ target: unknown[]; failureSummary?: string }>;
        }>;
      }>;
    };
    const axe = (window as unknown as { axe: Axe }).axe;
    const results = await axe.run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' | '),
        summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      })),
    }));
  });
}

/** Only the violations that block people: serious and critical. */
export const blocking = (violations: AxeViolation[]) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

/** One line per violation and finding (elements failing the same way are counted, the first one named). */
export function describeViolations(violations: AxeViolation[]): string {
  const lines: string[] = [];
  for (const v of violations) {
    const bySummary = Map.groupBy(v.nodes, (n) => n.summary);
    for (const [summary, nodes] of bySummary) {
      const more = nodes.length > 1 ? ` (and ${nodes.length - 1} more)` : '';
      lines.push(`  [${v.impact}] ${v.id} (${v.help}) at ${nodes[0].target}${more}: ${summary}`);
    }
  }
  return lines.join('\n');
}
