import Mark from 'mark.js/dist/mark.es6.js';
import { pageGlossaries } from '../src/content/page-glossaries';
import { createPageHighlighter } from '../src/content/page-highlighter';
import { pageTerms } from '../src/content/page-terms';
import { glossary } from '../src/glossary/data';
import type { GlossaryTerm } from '../src/glossary/schema';
import { userTermsOf } from '../src/glossary/user-terms';
import { createHighlighter } from '../src/highlight/highlighter';
import type { UserGlossary } from '../src/import/library';
import { previewGlossary } from '../src/import/read-file';
import { combinedPattern, createMatcher, type MatchableTerm } from '../src/match/matcher';
import { createSearch } from '../src/search/search';
import type { Density } from '../src/settings/settings';

/**
 * What the benchmark runs inside a real page (bench/run.bench.ts injects the IIFE build of
 * this file): the floor, the extension's own highlight pass, and mark.js the naive way.
 * Each call is meant for a fresh page load.
 */

/** The page's combined pattern, as the content script ships it (page-pattern.txt). */
const pageSource = combinedPattern(pageTerms);
/** The floor: every form on word boundaries. */
const floorPattern = new RegExp(pageSource, 'gu');

/**
 * Times `work`. The two marks around it let the runner read, from the browser's trace, how much
 * of that time the page's thread actually ran (its CPU time): on a shared machine the wall clock
 * also counts the moments other processes held the core.
 */
function timed<T>(work: () => T): { ms: number; result: T } {
  performance.mark('eaig-bench-start');
  const start = performance.now();
  const result = work();
  const ms = performance.now() - start;
  performance.mark('eaig-bench-end');
  return { ms, result };
}

/**
 * One TreeWalker pass over every text node running `pattern`, no DOM change: the combined
 * pattern (the floor), or the same without word boundaries, as the extension reads a page.
 */
function floor(pattern: RegExp) {
  return timed(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let matches = 0;
    const re = new RegExp(pattern);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      re.lastIndex = 0;
      const text = (n as Text).data;
      while (re.exec(text)) {
        matches++;
      }
    }
    return matches;
  });
}

/** The content script's highlighter, as the default settings (or `density`) shape it. */
function extensionPass(density: Density) {
  const highlighter = createPageHighlighter({ density, everydayWords: 'topic' });
  return timed(() => highlighter.highlight(document.body));
}

/**
 * The content script's pass (default settings) with the first `count` glossary terms known:
 * what reading the known set costs the highlight pass.
 */
function passWithKnown(count: number) {
  const known = new Set(glossary.terms.slice(0, count).map((t) => t.id));
  const highlighter = createPageHighlighter(
    { density: 'first', everydayWords: 'topic' },
    undefined,
    undefined,
    known,
  );
  return timed(() => highlighter.highlight(document.body));
}

/** A glossary of `count` generated terms as a user imports it (made-up two-word terms). */
function userGlossary(count: number): UserGlossary {
  const definitions = glossary.terms.map((t) => t.definition);
  return {
    id: 'generated',
    name: 'Generated',
    terms: generatedGlossary(count + glossary.terms.length)
      .slice(glossary.terms.length)
      .map((t, i) => ({
        id: t.id,
        term: t.forms[0] as string,
        definition: definitions[i % definitions.length] as string,
        forms: [...t.forms],
        related: [],
        everyday: false,
      })),
  };
}

/** The content script's highlighter as a page with the user's glossaries gets it. */
function highlighterWith(glossaries: readonly UserGlossary[]) {
  const user = userTermsOf(glossaries, glossary.terms);
  return createPageHighlighter(
    { density: 'every', everydayWords: 'topic' },
    undefined,
    undefined,
    undefined,
    user.extra,
  );
}

/**
 * The content script's pass (every occurrence) with a user glossary of `count` generated terms
 * switched on (0: the course's terms alone): what an imported glossary costs a page.
 */
function passWithGlossary(count: number) {
  const highlighter = highlighterWith(count ? [userGlossary(count)] : []);
  return timed(() => highlighter.highlight(document.body));
}

/** What a page does before its first pass once a glossary of `count` terms is read: ms. */
function prepareGlossary(count: number) {
  const glossaries = [userGlossary(count)];
  const start = performance.now();
  highlighterWith(glossaries);
  return performance.now() - start;
}

/** The options page's import of a CSV of `count` terms: reading and checking it, ms. */
function importCsv(count: number) {
  const rows = userGlossary(count).terms.map(
    (t) => `${t.term},"${t.definition.replaceAll('"', '""')}",,${t.term} rate,generated,no`,
  );
  const bytes = new TextEncoder().encode(
    `term,definition,abbreviation,forms,category,everyday\n${rows.join('\n')}\n`,
  );
  const start = performance.now();
  const preview = previewGlossary('generated.csv', bytes);
  return { ms: performance.now() - start, terms: preview.terms.length, bytes: bytes.length };
}

/** mark.js called once per term, every form of it: how a first attempt would do it. */
function naive() {
  const marker = new Mark(document.body);
  return timed(() => {
    let marks = 0;
    for (const term of glossary.terms) {
      marker.mark([...term.forms], {
        accuracy: 'exactly',
        separateWordSearch: false,
        caseSensitive: false,
        exclude: ['script', 'style', 'textarea', 'input', 'code', 'pre', 'mark *'],
        done: (n: number) => {
          marks += n;
        },
      });
    }
    return marks;
  });
}

/** Appends `chars` characters of paragraphs about the course and highlights just them. */
function appended(chars: number) {
  const sample =
    'Responsible AI needs fairness, transparency and accountability; a DPIA checks privacy risks before model explainability is argued. ';
  const container = document.createElement('div');
  let text = '';
  while (text.length < chars) {
    const p = document.createElement('p');
    p.textContent = sample.repeat(4);
    text += p.textContent;
    container.append(p);
  }
  document.body.append(container);
  const highlighter = createPageHighlighter({ density: 'first', everydayWords: 'topic' });
  return timed(() => highlighter.highlight(container));
}

/** A short paragraph appended to the page, for the first-run measures. */
function appendParagraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.append(p);
  return p;
}

/** `job` timed twice in one page: its first time, and the same work again after. */
function twice(job: () => number) {
  const ms = job();
  return { ms, again: job() };
}

/**
 * One short paragraph appended and highlighted twice in a fresh page, by two highlighters:
 * the first time pays for the first run of the extension's code in the page (compiling it,
 * warming it up), the second shows what the same work costs after.
 */
const firstRun = () =>
  twice(() => {
    const p = appendParagraph(
      'Responsible AI needs a DPIA, fairness, transparency and accountability.',
    );
    const highlighter = createPageHighlighter({ density: 'first', everydayWords: 'topic' });
    return timed(() => highlighter.highlight(p)).ms;
  });

/** mark.js alone, the way the highlighter calls it, on a short paragraph: twice in a fresh page. */
const markFirstRun = () =>
  twice(() => {
    const word = appendParagraph('Responsible AI needs fairness.').firstChild;
    return timed(() =>
      new Mark([word] as unknown as HTMLElement[]).markRanges([{ start: 12, length: 2 }], {
        element: 'eaig-term',
      }),
    ).ms;
  });

/** A generated glossary of `count` terms: the 30 course terms plus made-up two-word terms. */
function generatedGlossary(count: number): MatchableTerm[] {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'te', 'vo', 'zi', 'pa', 'qui', 'dor'];
  const word = (n: number) => {
    let w = '';
    for (let x = n + 7; x > 0; x = Math.floor(x / syllables.length)) {
      w += syllables[x % syllables.length];
    }
    return w;
  };
  const extra = Array.from({ length: count - glossary.terms.length }, (_, i) => ({
    id: `generated-${i}`,
    forms: [`${word(i)} ${word(i * 31 + 5)}`],
  }));
  return [...(glossary.terms as GlossaryTerm[]), ...extra];
}

/**
 * The content script's way: the whole body in slices. Resolves with the slices' total time and
 * the long tasks (50 ms or more, as the browser counts them) seen meanwhile.
 */
async function sliced(userTerms = 0) {
  const long: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      long.push(entry.duration);
    }
  });
  observer.observe({ type: 'longtask' });
  const start = performance.now();
  // With a glossary of the user's, as the content script holds it: read, its matcher built in
  // slices, and only then the highlighter made.
  const glossaries = pageGlossaries(async () => (userTerms ? [userGlossary(userTerms)] : []));
  await new Promise<void>((there) => glossaries.ready(there) && there());
  const highlighter = createPageHighlighter(
    { density: 'first', everydayWords: 'topic' },
    undefined,
    undefined,
    undefined,
    glossaries.terms.extra,
  );
  const marks = await highlighter.highlightSoon(document.body);
  const ms = performance.now() - start;
  // Long-task entries arrive after the task: give the last one time to be reported.
  await new Promise((r) => setTimeout(r, 100));
  observer.disconnect();
  return { ms, marks, longTasks: long.length, longest: Math.max(0, ...long) };
}

/**
 * The popup's search over a glossary of `count` terms, typed a key at a time as a reader types
 * (with a typo and a two-word query): milliseconds per keystroke, the slowest and the median.
 */
function searchKeystrokes(count: number) {
  const terms = generatedGlossary(count).map((t, i) => {
    const real = glossary.terms.find((g) => g.id === t.id);
    return (
      real ?? {
        ...(glossary.terms[i % glossary.terms.length] as GlossaryTerm),
        id: t.id,
        term: t.forms[0] as string,
        forms: [...t.forms],
      }
    );
  });
  const indexStart = performance.now();
  const search = createSearch(terms);
  const indexMs = performance.now() - indexStart;
  const keystrokes: Array<{ query: string; ms: number }> = [];
  for (const query of ['explainabilty', 'decision making', 'dpia', 'kalo mine']) {
    for (let n = 1; n <= query.length; n++) {
      keystrokes.push({
        query: query.slice(0, n),
        ms: timed(() => search.search(query.slice(0, n))).ms,
      });
    }
  }
  return { keystrokes, indexMs };
}

/**
 * A page that rewrites `count` text nodes in one task (a framework re-rendering a long list),
 * highlighted with every occurrence or not at all: from the first write until the page's and
 * the extension's mutation work is done (the observer runs before the next task).
 */
async function rewriteMany(count: number, highlighted: boolean) {
  const list = document.createElement('div');
  for (let i = 0; i < count; i++) {
    const p = document.createElement('p');
    p.textContent = `Bias and fairness in item ${i}.`;
    list.append(p);
  }
  document.body.replaceChildren(list);
  const nodes = [...list.querySelectorAll('p')].map((p) => p.firstChild as Text);
  const highlighter = createHighlighter(createMatcher(glossary.terms), { density: 'every' });
  if (highlighted) {
    highlighter.highlight(document.body);
  }
  performance.mark('eaig-bench-start');
  const start = performance.now();
  nodes.forEach((node, i) => {
    node.data = `Rewritten item ${i}.`;
  });
  await new Promise((resolve) => setTimeout(resolve, 0));
  const ms = performance.now() - start;
  performance.mark('eaig-bench-end');
  const left = highlighter.marks.length;
  highlighter.clear();
  return { ms, left };
}

/**
 * A live container (scores, prices, a feed) whose 100 paragraphs the page replaces every
 * 100 ms for `seconds`, on the real page, with the content script's highlighter watching or
 * not: the page thread's time over the whole run, to read per second.
 */
async function liveContainer(seconds: number, highlighted: boolean) {
  const live = document.createElement('div');
  document.body.append(live);
  const render = (tick: number) => {
    live.innerHTML = Array.from(
      { length: 100 },
      (_, i) => `<p>Tick ${tick}, row ${i}: bias, fairness and privacy in a live score.</p>`,
    ).join('');
  };
  render(0);
  const highlighter = createPageHighlighter({ density: 'every', everydayWords: 'always' });
  const initial = highlighted ? await highlighter.highlightSoon(document.body) : 0;
  performance.mark('eaig-bench-start');
  const start = performance.now();
  for (let tick = 1; tick <= seconds * 10; tick++) {
    render(tick);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const ms = performance.now() - start;
  performance.mark('eaig-bench-end');
  highlighter.clear();
  return { ms, initial };
}

const bench = {
  sliced,
  liveHighlighted: (seconds: number) => liveContainer(seconds, true),
  livePlain: (seconds: number) => liveContainer(seconds, false),
  rewriteHighlighted: (count: number) => rewriteMany(count, true),
  rewritePlain: (count: number) => rewriteMany(count, false),
  floor: () => floor(floorPattern),
  extension: () => extensionPass('first'),
  extensionEvery: () => extensionPass('every'),
  naive,
  appended,
  firstRun,
  markFirstRun,
  passWithGlossary,
  prepareGlossary,
  importCsv,
  knownTerms: passWithKnown,
  searchKeystrokes,
};

(window as unknown as { eaigBench: typeof bench }).eaigBench = bench;
