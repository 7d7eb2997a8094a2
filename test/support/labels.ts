import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './shared';

/** The pages of ../shared/pages labelled by hand as about AI (test/labels/about-ai.json). */
export const AI_PAGES: ReadonlySet<string> = new Set(
  (
    JSON.parse(readFileSync(join(ROOT, 'test/labels/about-ai.json'), 'utf8')) as {
      aboutAI: string[];
    }
  ).aboutAI,
);
