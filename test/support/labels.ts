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

/** A highlight a reader expects: offset in the body's text, the text, the term's id. */
export type HighlightLabel = readonly [number, string, string];

/** Hand labels of highlights on ten responsible-AI pages (test/labels/highlights.json). */
export const HIGHLIGHT_LABELS: ReadonlyMap<string, readonly HighlightLabel[]> = new Map(
  Object.entries(
    (
      JSON.parse(readFileSync(join(ROOT, 'test/labels/highlights.json'), 'utf8')) as {
        pages: Record<string, HighlightLabel[]>;
      }
    ).pages,
  ),
);
