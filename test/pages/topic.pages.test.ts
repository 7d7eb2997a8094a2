// @vitest-environment jsdom
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createPageHighlighter } from '../../src/content/page-highlighter';
import { AI_PAGES } from '../support/labels';
import { reportSkip, SHARED } from '../support/shared';

/**
 * The topic rule against hand labels: which of the real pages are about AI
 * (test/labels/about-ai.json). Each page is parsed and read by the content script's own
 * highlighter, as it would be in a browser; the rule must agree with the labels on at least
 * 95% of the pages.
 */

const PAGES_DIR = join(SHARED, 'pages');
const hasPages = existsSync(PAGES_DIR);
if (!hasPages) {
  reportSkip('the topic rule against hand labels', PAGES_DIR);
}

it.skipIf(!hasPages)(
  'decides which pages are about AI as a reader would, on at least 95% of them',
  () => {
    const pages = ['readability', 'responsible-ai'].flatMap((dir) =>
      readdirSync(join(PAGES_DIR, dir))
        .filter((f) => f.endsWith('.html'))
        .map((f) => `${dir}/${f}`),
    );
    const labelled = AI_PAGES;
    for (const page of labelled) {
      expect(pages, `label for a missing page`).toContain(page);
    }
    const wrong: string[] = [];
    let truePositives = 0;
    for (const page of pages) {
      const html = readFileSync(join(PAGES_DIR, page), 'utf8');
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const highlighter = createPageHighlighter({ density: 'first', everydayWords: 'topic' });
      highlighter.highlight(doc.body);
      highlighter.clear();
      const decided = highlighter.aboutAI;
      const expected = labelled.has(page);
      if (decided === expected && expected) {
        truePositives++;
      }
      if (decided !== expected) {
        wrong.push(`${page}: decided ${decided}, labelled ${expected}`);
      }
    }
    const accuracy = 1 - wrong.length / pages.length;
    console.log(
      `Topic rule on ${pages.length} hand-labelled pages: accuracy ${accuracy.toFixed(3)}, ` +
        `${truePositives} of ${labelled.size} pages about AI found.` +
        (wrong.length ? `\nDisagreements:\n  ${wrong.join('\n  ')}` : ''),
    );
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  },
  600_000,
);
