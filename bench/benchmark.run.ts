import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, it } from 'vitest';
import { SHOW_DELAY_MS } from '../src/content/interaction';
import { glossary } from '../src/glossary/data';
import { GLOSSARIES_KEY, glossaryKey } from '../src/import/library';
import { dayOf, knownItems } from '../src/progress/known';
import { CHROMIUM_PATH } from '../test/e2e/support/chromium';
import { openPopup } from '../test/e2e/support/driver';
import { grantedLaunchers } from '../test/e2e/support/launch';
import { type StaticServer, serveDirectory } from '../test/e2e/support/server';
import { ROOT, reportSkip, SHARED } from '../test/support/shared';
import {
  type Build,
  baselineRef,
  buildRevision,
  compareBuilds,
  pairedStartup,
  TOOLTIP_LOADS,
} from './builds';
import { firstHighlightTimes } from './first-highlight';
import { PDF_LOADS, PDF_PAGES, pdfReaderTimes } from './pdf-reader';
import { median, traceWhile } from './trace';

/**
 * `npm run bench`: what highlighting costs on real pages, as ratios to a floor measured in the
 * same browser run. Not a test: it asserts nothing about time, it reports and writes
 * BENCHMARKS.md. Each figure is the median of fresh page loads, page scripts removed.
 */

const PAGES_DIR = join(SHARED, 'pages');
/** Fresh loads per figure: CPU time varies by a few per cent between them, so 3 tell it. */
const LOADS = 3;
/** The largest pages the highlight pass is measured on, beside the AI posts. */
const LARGEST_PAGES = 6;
/**
 * Pages longer than this (in text characters) skip the naive mark.js column: a second or more
 * each, and the bench must stay under 5 minutes; the AI posts show the comparison well enough.
 */
const NAIVE_MAX_CHARS = 100_000;
const IN_PAGE = readFileSync(join(ROOT, 'dist/bench/in-page.js'), 'utf8');
const AI_PAGES = [
  'responsible-ai/fairlearn-fairness-in-machine-learning.html',
  'responsible-ai/impact-knowledge-distillation-model-interpretability.html',
  'responsible-ai/gdpr-regulation-2016-679.html',
  'responsible-ai/privacy-amplification.html',
  'responsible-ai/label-free-explainability.html',
  'responsible-ai/axiomatic_explanations.html',
];

let server: StaticServer;
/** The project's own fixtures: the heavy and hostile pages. */
let fixtures: StaticServer;
let browser: Browser;
/**
 * Every fresh page opens in this one context: each still gets a renderer process of its own
 * (nothing compiled in one load is reused by the next), and a tab costs half a new context.
 */
let pages: BrowserContext;
const lines: string[] = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};

const f1 = (n: number) => n.toFixed(1);

/** Where the bench's time goes, section by section: it is meant to be run, so it must be quick. */
const laps: Array<[string, number]> = [];
let lapStart = performance.now();
/** Starts a section of BENCHMARKS.md (the time since the last one goes to the last one). */
function heading(title: string): void {
  const now = performance.now();
  const last = laps.at(-1);
  if (last) {
    last[1] = now - lapStart;
  }
  laps.push([title.split(' (')[0] as string, 0]);
  lapStart = now;
  say(`## ${title}`);
}

type Method =
  | 'floor'
  | 'extension'
  | 'extensionEvery'
  | 'naive'
  | 'passWithGlossary'
  | 'knownTerms'
  | 'appended'
  | 'rewriteHighlighted'
  | 'rewritePlain'
  | 'liveHighlighted'
  | 'livePlain';

/**
 * The next fresh tab, opened while the one before loads: a new tab takes its own renderer
 * process, about 0.3 s to start, and the bench opens about two hundred.
 */
let spareTab: Promise<Page> | null = null;
async function newTab(): Promise<Page> {
  const page = await (spareTab ?? pages.newPage());
  spareTab = pages.newPage();
  // The tab measured is the one in front, as if the spare opened after it were not there.
  await page.bringToFront();
  return page;
}

/** A fresh load of `path` without its scripts, with the in-page bench injected. */
async function freshPage(path: string): Promise<Page> {
  const page = await newTab();
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (!url.startsWith(server.origin)) {
      return route.abort();
    }
    const type = route.request().resourceType();
    // Pictures, video and fonts change no text and no CPU time of a pass: not waiting for them
    // keeps a fresh load short (the bench makes over a hundred).
    if (type === 'image' || type === 'media' || type === 'font') {
      return route.abort();
    }
    if (type !== 'document') {
      return route.continue();
    }
    const response = await route.fetch();
    const html = (await response.text()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
    return route.fulfill({ response, body: html });
  });
  await page.goto(`${server.origin}/${path}`, { waitUntil: 'load' });
  await page.addScriptTag({ content: IN_PAGE });
  return page;
}

/** Milliseconds of one timed job: by the wall clock, and as CPU time of the page's thread. */
interface Timing {
  wall: number;
  cpu: number;
}

/** The medians of `method`'s timings over `loads` fresh loads of `path`. */
async function measure(path: string, method: Method, arg?: number, loads = LOADS): Promise<Timing> {
  const runs: Timing[] = [];
  for (let i = 0; i < loads; i++) {
    runs.push(await timedInPage(path, method, arg));
  }
  return { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) };
}

/**
 * The medians of each of `methods` over LOADS rounds of fresh loads of `path`, the methods
 * taking turns within each round: what the machine does meanwhile weighs on all of them alike.
 */
async function measureInTurns(
  path: string,
  methods: ReadonlyArray<Method | readonly [Method, number]>,
): Promise<Timing[]> {
  const runs = methods.map(() => [] as Timing[]);
  for (let i = 0; i < LOADS; i++) {
    for (const [m, method] of methods.entries()) {
      const [run, arg] = typeof method === 'string' ? [method] : method;
      runs[m]?.push(await timedInPage(path, run, arg));
    }
  }
  return runs.map((r) => ({
    wall: median(r.map((t) => t.wall)),
    cpu: median(r.map((t) => t.cpu)),
  }));
}

/**
 * One fresh load of `path` running `run`: its timed part as the page clocked it, and as the
 * browser's trace saw the page's thread run between the two marks around it (`timed()` in
 * in-page.ts). Only the user-timing category is traced, so tracing costs next to nothing.
 */
async function timedInPage(path: string, run: Method, arg?: number): Promise<Timing> {
  const page = await freshPage(path);
  let answer: { ms: number } | undefined;
  const events = await traceWhile(page, 'blink.user_timing', async () => {
    answer = await evaluateRun<{ ms: number } | undefined>(page, run, arg);
  });
  await page.close();
  const threadTime = (name: string) =>
    events.find((e) => e.name === name && e.tts !== undefined)?.tts;
  const start = threadTime('eaig-bench-start');
  const end = threadTime('eaig-bench-end');
  return {
    wall: answer?.ms ?? Number.NaN,
    // Thread timestamps are in microseconds.
    cpu: start !== undefined && end !== undefined ? (end - start) / 1000 : Number.NaN,
  };
}

/** `run`'s answer in each of `LOADS` fresh loads of `path`. */
async function inFreshPages<T>(path: string, run: string, arg?: number): Promise<T[]> {
  const answers: T[] = [];
  for (let i = 0; i < LOADS; i++) {
    answers.push(await inPage<T>(path, run, arg));
  }
  return answers;
}

/**
 * The popup's keystrokes typed in fresh pages: each keystroke's median over the pages, so one
 * moment another process held the core does not make a keystroke the slowest; then the median
 * and the slowest of those.
 */
function popupKeystrokes(
  runs: ReadonlyArray<{ keystrokes: Array<{ query: string; ms: number }>; indexMs: number }>,
) {
  const typed = (runs[0]?.keystrokes ?? []).map(({ query }, i) => ({
    query,
    ms: median(runs.map((r) => r.keystrokes[i]?.ms ?? Number.NaN)),
  }));
  const slowest = typed.reduce((a, b) => (b.ms > a.ms ? b : a), { query: '', ms: 0 });
  return {
    ms: median(typed.map((k) => k.ms)),
    slowest: slowest.ms,
    slowestQuery: slowest.query,
    keystrokes: typed.length,
    indexMs: median(runs.map((r) => r.indexMs)),
  };
}

async function inPage<T>(path: string, run: string, arg?: number): Promise<T> {
  const page = await freshPage(path);
  const value = await evaluateRun<T>(page, run, arg);
  await page.close();
  return value;
}

function evaluateRun<T>(page: Page, run: string, arg?: number): Promise<T> {
  return page.evaluate(
    ([name, a]) =>
      (window as unknown as { eaigBench: Record<string, (x?: number) => T> }).eaigBench[
        name as string
      ]?.(a as number | undefined) as T,
    [run, arg] as const,
  );
}

beforeAll(async () => {
  server = await serveDirectory(PAGES_DIR);
  fixtures = await serveDirectory(join(ROOT, 'test/fixtures'));
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  pages = await browser.newContext();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await fixtures?.close();
});

const hasPages = existsSync(PAGES_DIR);
if (!hasPages) {
  reportSkip('the benchmark (it measures the real pages)', PAGES_DIR);
}

it.skipIf(!hasPages)(
  'benchmark',
  async () => {
    const started = performance.now();
    const all = ['readability', 'responsible-ai'].flatMap((d) =>
      readdirSync(join(PAGES_DIR, d))
        .filter((f) => f.endsWith('.html'))
        .map((f) => `${d}/${f}`),
    );
    // The largest pages by text, read by the browser's own parser (markup size misleads), all
    // in one page: a fresh load each would cost the bench minutes.
    const sizes = await textLengths(all);
    sizes.sort((a, b) => b[1] - a[1]);
    const largest = sizes.slice(0, LARGEST_PAGES).map(([p]) => p);
    const textOf = new Map(sizes);

    heading(`Highlight pass on real pages (Chromium, median of ${LOADS} fresh loads)`);
    say();
    say(
      '"first" is the first occurrence of each term (the calm density), "every" every occurrence. Milliseconds of CPU time of the page\'s thread, read from the browser\'s trace: the wall clock on these shared machines also counts the moments other processes held the core (its figures are in the next table). The three are measured in turns, load for load, so a busy moment of the machine weighs on all three alike. The naive mark.js column comes from one load: a comparison, not a target (it is not run on pages over 100,000 characters: a second or more each, and the bench is kept under 5 minutes).',
    );
    say();
    say(
      '| page | text chars | floor | first | every | naive mark.js | first / floor | every / floor | naive / floor |',
    );
    say('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    const ratios = {
      cpu: { first: [] as number[], every: [] as number[] },
      wall: { first: [] as number[], every: [] as number[] },
    };
    const wallRows: string[] = [];
    const floors = new Map<string, number>();
    // The AI pages add what the largest do not already cover (the GDPR page is both).
    const aiPages = AI_PAGES.filter((p) => !largest.includes(p));
    const measured = [];
    for (const path of [...largest, ...aiPages]) {
      const [floor, first, every] = await measureInTurns(path, [
        'floor',
        'extension',
        'extensionEvery',
      ]);
      measured.push({
        path,
        floor: floor as Timing,
        first: first as Timing,
        every: every as Timing,
        // Comparisons, not targets: one load tells a 20x-200x ratio well enough; mark.js the
        // naive way takes seconds on the largest pages, and is left out there.
        naive:
          (textOf.get(path) ?? 0) > NAIVE_MAX_CHARS
            ? null
            : await measure(path, 'naive', undefined, 1),
      });
    }
    for (const { path, floor, first, every, naive } of measured) {
      floors.set(path, floor.cpu);
      for (const clock of ['cpu', 'wall'] as const) {
        ratios[clock].first.push(first[clock] / floor[clock]);
        ratios[clock].every.push(every[clock] / floor[clock]);
      }
      say(
        `| ${path} | ${textOf.get(path)} | ${f1(floor.cpu)} | ${f1(first.cpu)} | ${f1(every.cpu)} | ${naive ? f1(naive.cpu) : 'not run'} | ${f1(first.cpu / floor.cpu)}x | ${f1(every.cpu / floor.cpu)}x | ${naive ? `${f1(naive.cpu / floor.cpu)}x` : '-'} |`,
      );
      wallRows.push(
        `| ${path} | ${f1(floor.wall)} | ${f1(first.wall)} | ${f1(every.wall)} | ${f1(first.wall / floor.wall)}x | ${f1(every.wall / floor.wall)}x |`,
      );
    }
    say();
    say(
      `Median first / floor: ${f1(median(ratios.cpu.first))}x (target: at most 2x). Median every / floor: ${f1(median(ratios.cpu.every))}x (target: at most 3x).`,
    );
    say();
    say('The same loads by the wall clock (ms):');
    say();
    say('| page | floor | first | every | first / floor | every / floor |');
    say('|---|---:|---:|---:|---:|---:|');
    for (const row of wallRows) {
      say(row);
    }
    say();
    say(
      `Median first / floor: ${f1(median(ratios.wall.first))}x. Median every / floor: ${f1(median(ratios.wall.every))}x.`,
    );
    say();

    const aiFloors = aiPages.map((p) => floors.get(p) ?? Number.NaN);
    const firstRun = await firstRunCost(AI_PAGES[0] as string, 'firstRun');
    const markRun = await firstRunCost(AI_PAGES[0] as string, 'markFirstRun');
    say(
      `On the small AI pages the floor is ${f1(Math.min(...aiFloors))} to ${f1(Math.max(...aiFloors))} ms, and a fixed cost weighs on the ratio there: highlighting one short paragraph in a fresh page takes ${f1(firstRun.ms)} ms (wall clock) the first time and ${f1(firstRun.again)} ms the second; mark.js alone, wrapping one word, ${f1(markRun.ms)} ms the first time and ${f1(markRun.again)} ms the second (medians of ${LOADS} loads of ${AI_PAGES[0]}). The difference is the first run of the code in a page (compiling and warming it up), paid once per page; the floor's few lines pay next to nothing of it.`,
    );
    say();

    heading('Long tasks while the content script highlights, in slices');
    say();
    say('| page | marks | total ms | tasks of 50 ms or more | longest |');
    say('|---|---:|---:|---:|---:|');
    const slicedOn = async (page: Page, label: string, userTerms = 0) => {
      const r = await page.evaluate(
        (count) =>
          (
            window as unknown as {
              eaigBench: {
                sliced(
                  count: number,
                ): Promise<{ ms: number; marks: number; longTasks: number; longest: number }>;
              };
            }
          ).eaigBench.sliced(count),
        userTerms,
      );
      await page.close();
      say(`| ${label} | ${r.marks} | ${f1(r.ms)} | ${r.longTasks} | ${f1(r.longest)} |`);
    };
    for (const path of largest.slice(0, 3)) {
      await slicedOn(await freshPage(path), path);
    }
    // Its matcher built in slices before the first pass, the glossary read and joined in one go.
    const withGlossary = AI_PAGES[1] as string;
    await slicedOn(
      await freshPage(withGlossary),
      `${withGlossary}, with a glossary of ${STORED_TERMS.toLocaleString('en')} terms of the user's`,
      STORED_TERMS,
    );
    // The heavy fixtures build themselves with their own scripts: loaded as they are.
    for (const file of ['many-elements.html', 'deep.html', 'mutations.html']) {
      const page = await pages.newPage();
      await page.goto(`${fixtures.origin}/heavy/${file}`, { waitUntil: 'load' });
      await page.addScriptTag({ content: IN_PAGE });
      await slicedOn(page, `test/fixtures/heavy/${file}`);
    }
    say();

    heading('Text appended later (highlighting only the new subtree)');
    say();
    say('| appended chars | CPU ms | ms per 10k chars |');
    say('|---:|---:|---:|');
    for (const chars of [1_000, 10_000, 100_000]) {
      const ms = (await measure('readability/001.html', 'appended', chars)).cpu;
      say(`| ${chars} | ${f1(ms)} | ${f1((ms / chars) * 10_000)} |`);
    }
    say();

    heading('A page rewriting 10,000 highlighted text nodes at once');
    say();
    // One load each: setting up 20,000 highlights takes seconds, and the ratio is tens of times.
    const plain = await measure('readability/001.html', 'rewritePlain', 10_000, 1);
    const rewritten = await measure('readability/001.html', 'rewriteHighlighted', 10_000, 1);
    say(
      `The page's own rewrite of 10,000 nodes (one task; one load each): ${f1(plain.cpu)} ms without highlights; ${f1(rewritten.cpu)} ms with 20,000 highlights in them, which go in one pass when the page's mutation records arrive (${f1(rewritten.cpu / plain.cpu)}x).`,
    );
    say();

    heading('A live container the page re-renders every 100 ms');
    say();
    const seconds = 4;
    // One load each: the figure is already an average over its seconds.
    const still = await measure('readability/001.html', 'livePlain', seconds, 1);
    const live = await measure('readability/001.html', 'liveHighlighted', seconds, 1);
    say(
      `100 paragraphs replaced every 100 ms for ${seconds} s on a real article (one load each): the page's thread ran ${f1(still.cpu / seconds)} ms a second without the extension, ${f1(live.cpu / seconds)} ms a second with it (${f1((live.cpu - still.cpu) / seconds)} ms a second ours). After three rescans in a row the container waits twice as long each time, up to 5 s (src/highlight/batch.ts); its stale highlights still go at once.`,
    );
    say();

    const aiPage = AI_PAGES[1] as string;
    heading('Known terms');
    say();
    const [known0, known25] = (
      await measureInTurns(aiPage, [
        ['knownTerms', 0],
        ['knownTerms', KNOWN_COUNT],
      ])
    ).map((t) => t.cpu) as [number, number];
    say(
      `The content script's pass on ${aiPage} with no term known: ${f1(known0)} ms; with ${KNOWN_COUNT} of the 30 known (not highlighted): ${f1(known25)} ms (${f1(known25 / known0)}x). Start-up and the first tooltip with ${KNOWN_COUNT} terms known stored: the last row of the table under "Sizes and start-up".`,
    );
    say();

    heading(`A glossary of ${STORED_TERMS.toLocaleString('en')} terms of your own`);
    say();
    const imports = await inFreshPages<{ ms: number; terms: number; bytes: number }>(
      STARTUP_PAGE,
      'importCsv',
      STORED_TERMS,
    );
    const prepared = await inFreshPages<number>(STARTUP_PAGE, 'prepareGlossary', STORED_TERMS);
    const [courseOnly, withOwn] = (
      await measureInTurns(aiPage, [
        ['passWithGlossary', 0],
        ['passWithGlossary', STORED_TERMS],
      ])
    ).map((t) => t.cpu) as [number, number];
    const keys = popupKeystrokes(
      await inFreshPages<{ keystrokes: Array<{ query: string; ms: number }>; indexMs: number }>(
        STARTUP_PAGE,
        'searchKeystrokes',
        STORED_TERMS,
      ),
    );
    const csvKB = (imports[0]?.bytes ?? 0) / 1024;
    say(
      `Generated made-up two-word terms, each with one of the course's definitions (Chromium; wall clock, median of ${LOADS} fresh pages, except the passes: CPU time, as above). Start-up with the glossary stored: the last row of the table under "Sizes and start-up".`,
    );
    say();
    say('| what | time | target |');
    say('| --- | ---: | --- |');
    say(
      `| import: a CSV of ${f1(csvKB)} KB read and every row checked (the options page's preview, ${imports[0]?.terms ?? 0} terms) | ${f1(median(imports.map((i) => i.ms)))} ms | under 2,000 ms |`,
    );
    say(
      `| a page, once the glossary is read: its terms and the matcher made (a character trie above 1,000 forms) | ${f1(median(prepared))} ms | - |`,
    );
    say(
      `| highlight pass on ${aiPage}, every occurrence, the course's terms alone | ${f1(courseOnly)} ms | - |`,
    );
    say(
      `| the same pass with the ${STORED_TERMS.toLocaleString('en')} terms too | ${f1(withOwn)} ms (${f1(withOwn / courseOnly)}x) | at most 2x |`,
    );
    say(
      `| popup search, ${keys.keystrokes} keystrokes (a typo, two words, an abbreviation), each the median of ${LOADS} fresh popups: median | ${keys.ms.toFixed(2)} ms | - |`,
    );
    say(
      `| popup search: the slowest keystroke ("${keys.slowestQuery}") | ${keys.slowest.toFixed(2)} ms | under 16 ms |`,
    );
    say(
      `| popup: the search index of all the terms (built in slices of 200 terms while the popup is open; the course's search answers meanwhile) | ${f1(keys.indexMs)} ms | - |`,
    );
    say();

    heading('Sizes and start-up');
    say();
    say(
      `Popup, navigation to first render: ${f1(await popupFirstRender())} ms (median of ${LOADS}).`,
    );
    say();
    await contentScriptCosts();
    say();
    say(pdfReaderSize());
    say();
    const pdf = await pdfReaderTimes(pages);
    say(
      `The PDF reader on a ${PDF_PAGES}-page PDF (Chromium, median of ${PDF_LOADS} loads each, the three taking turns), from navigation:`,
    );
    say();
    say('| page | until | time | ratio |');
    say('| --- | --- | ---: | ---: |');
    say(`| the reader | its first highlight | ${f1(pdf.reader)} ms | - |`);
    say(
      `| pdf.js alone (bench/pdf-alone: the same viewer components driven by the same code, no glossary, served by the test server) | its first text layer | ${f1(pdf.alone)} ms | reader ${f1(pdf.reader / pdf.alone)}x (target: at most 1.5x) |`,
    );
    say(
      `| the reader with highlighting off (what the highlighting itself adds) | its first text layer | ${f1(pdf.readerOff)} ms | reader ${f1(pdf.reader / pdf.readerOff)}x |`,
    );
    say();
    heading('When the first highlights come (Chromium and Firefox ESR, the built extension)');
    say();
    say(
      "From the page's DOMContentLoaded to its first highlight, as the page itself saw it (median of 3 loads). A page showing no sign of server rendering is highlighted once parsed (target: at most 300 ms), whatever its images do; one showing a sign waits for its load event and an idle moment, its hydration done (src/content/hydration.ts).",
    );
    say();
    say('| browser | page | first highlight after parsing | load event after parsing |');
    say('| --- | --- | ---: | ---: |');
    for (const row of await firstHighlightTimes()) {
      say(
        `| ${row.browser} | ${row.what} | ${f1(row.afterParsed)} ms | ${f1(row.loadAfterParsed)} ms |`,
      );
    }
    say();

    heading('Time the bench took');
    say();
    say(
      `${f1((performance.now() - started) / 60_000)} minutes in all (\`npm run bench\`, builds excluded), section by section:`,
    );
    say();
    say('| section | seconds |');
    say('| --- | ---: |');
    for (const [title, ms] of laps.slice(0, -1)) {
      say(`| ${title} | ${f1(ms / 1000)} |`);
    }
    say();

    const chromiumVersion = execFileSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).trim();
    const machine = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}; ${chromiumVersion}`;
    writeFileSync(
      join(ROOT, 'BENCHMARKS.md'),
      `# Benchmarks\n\nWritten by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}.\nMachine: ${machine}.\n\nThe floor is one TreeWalker pass over every text node running the glossary's combined\npattern, changing nothing; "extension" is the extension's own highlight pass (the same code\nas the content script); "naive" is mark.js called once per term. Timed work is measured twice:\nby the page's clock, and as the CPU time of the page's thread between two marks in the\nbrowser's trace. On these shared machines the wall clock varies by a third or more between runs\nof the same code (other processes take the core); the CPU time within a few per cent. Ratios\nand targets below use the CPU time unless a table says otherwise.\n\n${lines.join('\n')}\n`,
    );
  },
  3_600_000,
);

/** How many known terms the figures with known terms are taken with. */
const KNOWN_COUNT = 25;

/** How many terms the user's glossary stored for the start-up figures has. */
const STORED_TERMS = 5_000;

/**
 * storage.sync holding KNOWN_COUNT known terms, as the extension writes them (not the
 * tooltip fixture's hovered term, bias, which must stay highlighted to be hovered), and
 * storage.local a glossary of STORED_TERMS terms, switched on.
 */
function progressStored(): Build['stored'] {
  const ids = glossary.terms.map((t) => t.id).filter((id) => id !== 'bias');
  const terms = Array.from({ length: STORED_TERMS }, (_, i) => ({
    id: `term-${i}`,
    term: `Stored term ${i}`,
    definition: 'A definition long enough to weigh what a real one weighs in storage.',
    forms: [`Stored term ${i}`],
    related: [],
    everyday: false,
  }));
  return {
    sync: knownItems(new Map(ids.slice(0, KNOWN_COUNT).map((id) => [id, dayOf(new Date())]))),
    local: {
      [GLOSSARIES_KEY]: [
        {
          id: 'stored',
          name: 'Stored',
          enabled: true,
          added: dayOf(new Date()),
          terms: STORED_TERMS,
        },
      ],
      [glossaryKey('stored')]: { terms },
    },
  };
}

/** A short page: start-up is the same on any page, and a short one adds little else. */
const STARTUP_PAGE = 'readability/001.html';
/**
 * Start-up is a few milliseconds and one load differs from the next by one or two: more
 * loads than elsewhere, for a median steady enough to hold a 1 ms budget against.
 */
const STARTUP_LOADS = 20;

/**
 * What the PDF reader adds to the package: Mozilla's pdf.js (library and viewer components, its
 * worker, the viewer's stylesheet). Only the reader's page loads them; no web page does.
 */
function pdfReaderSize(): string {
  const assets = join(ROOT, 'dist/chrome/assets');
  const files = readdirSync(assets).filter((f) => /^(pdfjs-|pdf\.worker\.min-)/.test(f));
  const kB = (f: string) => readFileSync(join(assets, f)).length / 1024;
  const gzipKB = (f: string) => gzipSync(readFileSync(join(assets, f))).length / 1024;
  const all = readdirSync(join(ROOT, 'dist/chrome'), { recursive: true, encoding: 'utf8' })
    .map((f) => join(ROOT, 'dist/chrome', f))
    .filter((f) => statSync(f).isFile());
  const total = all.reduce((sum, f) => sum + statSync(f).size, 0) / 1024;
  const pdfKB = files.reduce((sum, f) => sum + kB(f), 0);
  return `The PDF reader's pdf.js (${files.join(', ')}): ${f1(pdfKB)} KB, ${f1(files.reduce((sum, f) => sum + gzipKB(f), 0))} KB gzip, of the package's ${f1(total)} KB unpacked (${f1((100 * pdfKB) / total)}%). Only the reader's page loads it: the content script and the popup are the sizes above.`;
}

/**
 * What every page pays for the content script (size, start-up) and what the first hover
 * waits for, for this build and a baseline revision (the hand-built card's unless
 * BENCH_BASELINE names another) built and measured in the same run, load for load.
 */
async function contentScriptCosts(): Promise<void> {
  const ref = baselineRef();
  const baseline = ref ? buildRevision(ref) : null;
  try {
    const thisBuild = { label: 'this build', dir: join(ROOT, 'dist/chrome') };
    const builds = [
      ...(baseline ? [baseline.build] : []),
      thisBuild,
      {
        ...thisBuild,
        label: `this build, ${KNOWN_COUNT} terms known, a glossary of ${STORED_TERMS.toLocaleString('en')} terms stored`,
        stored: progressStored(),
        startupOnly: true,
      },
    ];
    const figures = await compareBuilds(
      builds,
      {
        startup: `${server.origin}/${STARTUP_PAGE}`,
        hover: `${fixtures.origin}/tooltip.html`,
        term: '#intro [data-glossary-term="bias"]',
      },
      STARTUP_LOADS,
    );
    say(
      `Content script, and what it costs a page (Chromium, median of ${STARTUP_LOADS} fresh loads for the start-up and ${TOOLTIP_LOADS} for the tooltips, the builds taking turns; the row with stored progress and a stored glossary is measured for its start-up only, its tooltips being this build's). Start-up: CPU time evaluating the script on ${STARTUP_PAGE}, before any highlighting. First hover: from the pointer entering a term on a fresh test/fixtures/tooltip.html to the first frame with its tooltip open and placed, the ${SHOW_DELAY_MS} ms hover delay included; first click: the same from a click, which opens the tooltip at once. Frames come every 16.7 ms.`,
    );
    say();
    say(
      '| build | size | gzip | start-up (CPU) | start-up, middle half of the loads | first hover to tooltip visible | first click to tooltip visible |',
    );
    say('| --- | --- | --- | --- | --- | --- | --- |');
    for (const f of figures) {
      say(
        `| ${f.label} | ${f1(f.kB)} KB | ${f1(f.gzipKB)} KB | ${f1(f.startupMs)} ms | ${f1(f.startupSpread[0])} to ${f1(f.startupSpread[1])} ms | ${Number.isNaN(f.hoverMs) ? 'not measured' : `${f1(f.hoverMs)} ms (${f1(f.hoverMs - SHOW_DELAY_MS)} ms after the delay)`} | ${Number.isNaN(f.clickMs) ? 'not measured' : `${f1(f.clickMs)} ms`} |`,
      );
    }
    say();
    const [before, after] = figures.length === 3 ? figures : [];
    if (before && after) {
      const paired = pairedStartup(before, after);
      say(
        `Against ${before.label}: ${f1(after.gzipKB - before.gzipKB)} KB gzip; start-up ${f1(paired.median)} ms, the median of the ${STARTUP_LOADS} differences load for load (their middle half ${f1(paired.spread[0])} to ${f1(paired.spread[1])} ms; the difference of the two medians above is ${f1(after.startupMs - before.startupMs)} ms). Budget: at most 34 KB gzip, start-up at most 1 ms more.`,
      );
      const withKnown = figures[2];
      if (withKnown) {
        const [low, high] = after.startupSpread;
        say();
        say(
          `With ${KNOWN_COUNT} terms known and a glossary of ${STORED_TERMS.toLocaleString('en')} terms stored the script evaluates the same code (the known set is read afterwards, in a promise; the glossary only once the page is to be highlighted): ${f1(withKnown.startupMs - after.startupMs)} ms against this build, where one load of the same build differs from another by up to ${f1(high - low)} ms in the middle half (${withKnown.startupMs >= low && withKnown.startupMs <= high ? 'inside' : 'outside'} it).`,
        );
      }
    } else {
      say(
        'Budget: at most 34 KB gzip. No baseline was built in this run (`BENCH_BASELINE=none`, or a checkout without its revision).',
      );
    }
  } finally {
    baseline?.remove();
  }
}

/** The same short job twice in each of `LOADS` fresh pages: its first time and its second. */
/** Each page's text length as an HTML parser reads it, scripts and styles left out. */
async function textLengths(paths: readonly string[]): Promise<Array<[string, number]>> {
  const page = await pages.newPage();
  // Any address of the server: the fetches below are then same-origin. No page script runs.
  await page.goto(`${server.origin}/`);
  const lengths = await page.evaluate(async (all) => {
    const out: Array<[string, number]> = [];
    for (const path of all) {
      const html = await (await fetch(`/${path}`)).text();
      const doc = new DOMParser().parseFromString(html, 'text/html');
      for (const el of doc.querySelectorAll('script, style, noscript, template')) {
        el.remove();
      }
      out.push([path, doc.body?.textContent?.length ?? 0]);
    }
    return out;
  }, paths);
  await page.close();
  return lengths;
}

async function firstRunCost(
  path: string,
  run: 'firstRun' | 'markFirstRun',
): Promise<{ ms: number; again: number }> {
  const runs = await inFreshPages<{ ms: number; again: number } | undefined>(path, run);
  return {
    ms: median(runs.map((r) => r?.ms ?? Number.NaN)),
    again: median(runs.map((r) => r?.again ?? Number.NaN)),
  };
}

async function popupFirstRender(): Promise<number> {
  const extension = await grantedLaunchers.chromium();
  const runs: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const popup = await openPopup(extension);
    runs.push(
      await popup.evaluate(
        () => performance.getEntriesByName('eaig-popup-rendered')[0]?.startTime ?? Number.NaN,
      ),
    );
    await popup.close();
  }
  await extension.close();
  return median(runs);
}
