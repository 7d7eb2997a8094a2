// @vitest-environment jsdom
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPageHighlighter } from '../../src/content/page-highlighter';
import { TERM_ATTRIBUTE } from '../../src/highlight/wrap';
import type { Density } from '../../src/settings/settings';
import { DATA_PROTECTION_LABELS, HIGHLIGHT_LABELS, type HighlightLabel } from '../support/labels';
import { reportSkip, SHARED } from '../support/shared';

/**
 * Precision and recall of the highlights against hand labels (test/labels/highlights.json):
 * the course terms a reader expects highlighted on ten responsible-AI pages, and on three
 * pages about data protection and privacy (the GDPR among them). Each page is
 * parsed and highlighted by the content script's own highlighter with the default settings
 * for everyday words, in both densities: every occurrence against every label, the first
 * occurrence of each term against each term's first label.
 */

const PAGES_DIR = join(SHARED, 'pages');
const hasPages = existsSync(PAGES_DIR);
if (!hasPages) {
  reportSkip('precision and recall against hand-labelled highlights', PAGES_DIR);
}

const key = (l: HighlightLabel) => `${l[0]}:${l[1]}:${l[2]}`;

/** The page's highlights as labels are written: offset in the body's text, text, term. */
function highlightsOf(body: HTMLElement): HighlightLabel[] {
  const found: HighlightLabel[] = [];
  const walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  let offset = 0;
  let previous: { mark: Element; end: number } | null = null;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const mark = n.parentElement?.closest(`[${TERM_ATTRIBUTE}]`);
    if (mark) {
      const term = mark.getAttribute(TERM_ATTRIBUTE) ?? '';
      const last = found.at(-1);
      // A term split by the page's markup is one highlight in several elements.
      if (last && previous && previous.end === offset && last[2] === term) {
        found[found.length - 1] = [last[0], last[1] + n.data, term];
      } else {
        found.push([offset, n.data, term]);
      }
      previous = { mark, end: offset + n.data.length };
    }
    offset += n.data.length;
  }
  return found;
}

const firstOfEachTerm = (labels: readonly HighlightLabel[]) =>
  labels.filter((l, i) => labels.findIndex((o) => o[2] === l[2]) === i);

function score(density: Density, pages: ReadonlyMap<string, readonly HighlightLabel[]>) {
  let truePositives = 0;
  let highlighted = 0;
  let expected = 0;
  const lines: string[] = [];
  for (const [page, all] of pages) {
    const html = readFileSync(join(PAGES_DIR, page), 'utf8');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const text = doc.body.textContent ?? '';
    for (const [at, said] of all) {
      expect(text.slice(at, at + said.length), `${page} changed at ${at}`).toBe(said);
    }
    const highlighter = createPageHighlighter({ density, everydayWords: 'topic' });
    highlighter.highlight(doc.body);
    const found = highlightsOf(doc.body);
    highlighter.clear();
    const labels = density === 'every' ? all : firstOfEachTerm(all);
    const wanted = new Set(labels.map(key));
    const hits = found.filter((f) => wanted.has(key(f)));
    const got = new Set(found.map(key));
    const extra = found.filter((f) => !wanted.has(key(f)));
    const missed = labels.filter((l) => !got.has(key(l)));
    truePositives += hits.length;
    highlighted += found.length;
    expected += labels.length;
    lines.push(
      `  ${page}: ${hits.length} of ${labels.length} labels, ${found.length} highlights` +
        (extra.length
          ? `; not labelled: ${extra.map((e) => `"${e[1]}"@${e[0]}`).join(', ')}`
          : '') +
        (missed.length ? `; missed: ${missed.map((m) => `"${m[1]}"@${m[0]}`).join(', ')}` : ''),
    );
  }
  const precision = highlighted ? truePositives / highlighted : 1;
  const recall = expected ? truePositives / expected : 1;
  console.log(
    `Highlights against hand labels, ${density === 'every' ? 'every occurrence' : 'first occurrence'}: ` +
      `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} ` +
      `(${truePositives} right of ${highlighted} highlights, ${expected} labels)\n${lines.join('\n')}`,
  );
  return { precision, recall };
}

describe.each([
  // The AI pages are what readers of the course read most: held to the highest bar.
  { group: 'the AI pages', labels: HIGHLIGHT_LABELS, every: [0.98, 0.95], first: [0.98, 0.95] },
  // The GDPR styles its section and article titles as paragraphs, and its first
  // "transparency" is the law's own clarity; the ACLU post's byline names its "Speech, Privacy,
  // and Technology Project" before the article says privacy. Those highlights are ones a
  // reader would not want, and with one highlight per term they stand where the wanted one
  // would: 5 of 7 in all, where the rule of pages "about AI" gave 1 of the GDPR's 6 terms.
  {
    group: 'the data-protection pages',
    labels: DATA_PROTECTION_LABELS,
    every: [0.85, 0.95],
    first: [0.7, 0.7],
  },
])('on $group', ({ labels, every, first }) => {
  it.skipIf(!hasPages)('highlights every occurrence a reader expects, and little else', () => {
    const { precision, recall } = score('every', labels);
    expect(precision).toBeGreaterThanOrEqual(every[0] as number);
    expect(recall).toBeGreaterThanOrEqual(every[1] as number);
  });

  it.skipIf(!hasPages)('highlights the first occurrence of each term a reader expects', () => {
    const { precision, recall } = score('first', labels);
    expect(precision).toBeGreaterThanOrEqual(first[0] as number);
    expect(recall).toBeGreaterThanOrEqual(first[1] as number);
  });
});
