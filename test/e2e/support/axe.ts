import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PageDriver } from './driver';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** An axe-core scan of the page as it is now: the rules broken, with the elements breaking them. */
export async function axeViolations(page: PageDriver): Promise<string[]> {
  await page.addScript(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}
