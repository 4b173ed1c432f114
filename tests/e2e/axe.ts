import type { Page } from '@playwright/test';
import type { AxeResults, Result } from 'axe-core';
import { createRequire } from 'node:module';

// @axe-core/playwright needs Node 22: axe-core's own bundle is injected into the page instead.
const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** One violation as a person fixing it wants to read it: the rule, how bad, where, and why. */
function describe(violation: Result): string {
  const nodes = violation.nodes.map((node) => {
    const where = node.target.map((t) => (Array.isArray(t) ? t.join(' >> ') : String(t))).join(' ');
    const why = (node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ').trim();
    return `    at ${where}\n      ${why}`;
  });
  return [`${violation.id} (${violation.impact ?? 'no impact given'}): ${violation.help}`, ...nodes].join('\n');
}

/**
 * Runs axe-core on the page as it stands and returns its violations, each as
 * readable text (rule id, impact, the target selectors and axe's failure
 * summary), so a failing `expect(...).toEqual([])` says what to fix.
 *
 * @example expect(await axeViolations(page)).toEqual([]);
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  );
  return results.violations.map(describe);
}
