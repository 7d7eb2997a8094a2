// @vitest-environment jsdom
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createPageHighlighter } from '../../src/content/page-highlighter';
import { AI_PAGES, DOMAIN_PAGES } from '../support/labels';
import { reportSkip, SHARED } from '../support/shared';

/**
 * The domain rule against hand labels (test/labels/topic.json): which of the real pages are in
 * the course's domain, and, for comparison, which are about AI. Each page is parsed and read
 * by the content script's own highlighter, as it would be in a browser; the rule must agree
 * with the domain labels on at least 95% of the pages, and find every page labelled in the
 * domain that is not about AI (data protection, privacy law, surveillance).
 */

const PAGES_DIR = join(SHARED, 'pages');
const hasPages = existsSync(PAGES_DIR);
if (!hasPages) {
  reportSkip('the domain rule against hand labels', PAGES_DIR);
}

function agreement(decided: ReadonlyMap<string, boolean>, labelled: ReadonlySet<string>) {
  const wrong = [...decided]
    .filter(([page, yes]) => yes !== labelled.has(page))
    .map(([page, yes]) => `${page}: decided ${yes}, labelled ${labelled.has(page)}`);
  const found = [...labelled].filter((page) => decided.get(page)).length;
  return { accuracy: 1 - wrong.length / decided.size, wrong, found };
}

it.skipIf(!hasPages)(
  "decides which pages are in the course's domain as a reader would, on at least 95% of them",
  () => {
    const pages = ['readability', 'responsible-ai'].flatMap((dir) =>
      readdirSync(join(PAGES_DIR, dir))
        .filter((f) => f.endsWith('.html'))
        .map((f) => `${dir}/${f}`),
    );
    for (const page of [...DOMAIN_PAGES, ...AI_PAGES]) {
      expect(pages, `label for a missing page`).toContain(page);
    }
    // The labels agree with themselves: every page about AI is in the domain.
    expect([...AI_PAGES].filter((page) => !DOMAIN_PAGES.has(page))).toEqual([]);
    const decided = new Map<string, boolean>();
    for (const page of pages) {
      const html = readFileSync(join(PAGES_DIR, page), 'utf8');
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const highlighter = createPageHighlighter({ density: 'first', everydayWords: 'topic' });
      highlighter.highlight(doc.body);
      highlighter.clear();
      decided.set(page, highlighter.inDomain === true);
    }
    const domain = agreement(decided, DOMAIN_PAGES);
    const ai = agreement(decided, AI_PAGES);
    console.log(
      `Domain rule on ${pages.length} hand-labelled pages: agrees with "in the course's domain?" on ${(domain.accuracy * 100).toFixed(1)}% (${domain.found} of ${DOMAIN_PAGES.size} found), with "about AI?" on ${(ai.accuracy * 100).toFixed(1)}%.` +
        (domain.wrong.length ? `\nDisagreements:\n  ${domain.wrong.join('\n  ')}` : ''),
    );
    expect(domain.accuracy).toBeGreaterThanOrEqual(0.95);
    const outsideAI = [...DOMAIN_PAGES].filter((page) => !AI_PAGES.has(page));
    expect(outsideAI.filter((page) => !decided.get(page))).toEqual([]);
  },
  600_000,
);
