/**
 * axe-core in the page under test: injected through the DevTools protocol (the app's CSP
 * forbids inline scripts, which is right), run with its default rules (WCAG 2.x A and AA and
 * best practices), and summed up as « rule ×nodes (impact) » lines for a readable failure.
 */
import axe from 'axe-core';
import type { Page } from 'playwright-core';

export interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: number;
  help: string;
  targets: string[];
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    const runner = (window as unknown as { axe: typeof axe }).axe;
    const result = await runner.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? null,
      nodes: violation.nodes.length,
      help: violation.help,
      targets: violation.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    }));
  });
}

/** « color-contrast ×12 (serious) » for each violation. */
export function describeViolations(violations: AxeViolation[]): string[] {
  return violations.map(
    (v) => `${v.id} ×${v.nodes} (${v.impact ?? '?'}): ${v.help} — ${v.targets.join(' | ')}`,
  );
}
