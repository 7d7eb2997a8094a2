import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromiumContext } from '../test/e2e/support/chromium';
import { ROOT } from '../test/support/shared';
import { median, quantile, traceWhile } from './trace';

/**
 * What every page pays for the content script, for the build in `dist/chrome` and, when
 * `BENCH_BASELINE` names a git revision, for that revision built in the same run: measured
 * side by side, load after load, so both meet the same machine.
 */

export interface Build {
  readonly label: string;
  /** A built Chromium extension (the folder holding manifest.json). */
  readonly dir: string;
  /** What its storage holds before the first load (terms the user knows, a glossary). */
  readonly stored?: {
    readonly sync?: Readonly<Record<string, unknown>>;
    readonly local?: Readonly<Record<string, unknown>>;
  };
  /** Only its start-up is measured: its tooltips run the same code as another build's. */
  readonly startupOnly?: boolean;
}

export interface BuildFigures {
  readonly label: string;
  readonly gzipKB: number;
  readonly kB: number;
  /** Median CPU time of the page's thread evaluating the content script. */
  readonly startupMs: number;
  /** The middle half of those loads (first and third quartile): how far one load is from another. */
  readonly startupSpread: readonly [number, number];
  /** Every load's start-up, round by round (the builds took turns within each round). */
  readonly startupRuns: readonly number[];
  /** Median time from the pointer entering a term to its tooltip shown, placed, on screen. */
  readonly hoverMs: number;
  /** The same from a click on a term (no hover delay: the tooltip opens pinned at once). */
  readonly clickMs: number;
}

/** Builds `ref` for Chromium in a temporary worktree; returns its dist/chrome and a cleanup. */
export function buildRevision(ref: string): { build: Build; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'eaig-baseline-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, stdio: 'pipe' });
  git('worktree', 'add', '--detach', dir, ref);
  const remove = () => {
    git('worktree', 'remove', '--force', dir);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // Same installed packages: the lockfile is what the revisions share.
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    // The production build, as `npm run build` makes it: vitest's NODE_ENV ('test') would give
    // an older revision's build the development code of its libraries.
    execFileSync('npx', ['vite', 'build', '--mode', 'chrome', '--logLevel', 'error'], {
      cwd: dir,
      stdio: 'pipe',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  } catch (error) {
    remove();
    throw error;
  }
  const sha = git('rev-parse', '--short', ref).toString().trim();
  const named = sha.startsWith(ref) ? sha : `${ref} (${sha})`;
  const label = ref === HAND_BUILT_CARD ? `${named}, hand-built card` : named;
  return { build: { label, dir: join(dir, 'dist/chrome') }, remove };
}

const contentScriptOf = (build: Build) => join(build.dir, 'src/content/index.js');

/** Rounds that also open the first tooltip (start-up, a few milliseconds, takes them all). */
export const TOOLTIP_LOADS = 4;

/**
 * Long enough after `load` for a content script injected at `document_idle` (the baseline's)
 * to have run: the browser runs those right after the load event at the latest. A load where
 * it was not seen says so (NaN) rather than passing unnoticed. (400 ms until the bench took
 * over 5 minutes; no load went unseen at 250.)
 */
const STARTUP_SETTLE_MS = 250;

/**
 * The content script's start-up in one fresh load of `address`: the CPU time the page's thread
 * spends evaluating it (compiling it, building the matcher, wiring its listeners), read from
 * the browser's trace. Every page a reader opens pays it, whether or not anything is highlighted.
 */
async function startupOnce(context: BrowserContext, address: string): Promise<number> {
  const page = await context.newPage();
  const events = await traceWhile(page, 'devtools.timeline', async () => {
    await page.goto(address, { waitUntil: 'load' });
    await page.waitForTimeout(STARTUP_SETTLE_MS);
  });
  await page.close();
  // The page's main thread is the one that parsed it; the extension's script is named there.
  const parse = events.find((e) => e.name === 'ParseHTML');
  const ours = events.filter(
    (e) =>
      e.name === 'EvaluateScript' &&
      e.ph === 'X' &&
      e.pid === parse?.pid &&
      e.tid === parse?.tid &&
      JSON.stringify(e.args ?? {}).includes('chrome-extension://'),
  );
  return ours.length ? ours.reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0) / 1000 : Number.NaN;
}

/**
 * The first tooltip of a fresh page: from the pointer entering the term (the page's own
 * `mouseover`), or from the click on it, to the first frame in which the tooltip is open and
 * placed (visible). A hover waits out the hover delay, as the reader lives it; a click opens
 * at once, so whatever the tooltip waits for shows there.
 */
async function firstTooltipOnce(
  context: BrowserContext,
  address: string,
  term: string,
  how: 'mouseover' | 'click',
): Promise<number> {
  const page: Page = await context.newPage();
  try {
    await page.goto(address, { waitUntil: 'load' });
    await page.waitForSelector(term, { timeout: 10_000 });
    await page.evaluate((type) => {
      const probe = new Promise<number>((resolve) => {
        let start: number | undefined;
        const begin = (event: Event) => {
          if (start !== undefined || !(event.target as Element).closest?.('[data-glossary-term]')) {
            return;
          }
          start = performance.now();
          const tick = () => {
            // Builds before the tooltip host's random name (5c92e2e) call it <eaig-tooltip>.
            const host = document.querySelector('[data-eaig-tooltip], eaig-tooltip');
            const shown =
              host?.matches(':popover-open') && getComputedStyle(host).visibility === 'visible';
            if (shown) {
              resolve(performance.now() - (start as number));
            } else {
              requestAnimationFrame(tick);
            }
          };
          requestAnimationFrame(tick);
        };
        document.addEventListener(type, begin, true);
      });
      (window as unknown as { tooltipProbe: Promise<number> }).tooltipProbe = probe;
    }, how);
    await (how === 'click' ? page.click(term) : page.hover(term));
    // A tooltip that never shows is a figure of its own (NaN), not a bench that never ends.
    return await page.evaluate(() =>
      Promise.race([
        (window as unknown as { tooltipProbe: Promise<number> }).tooltipProbe,
        new Promise<number>((resolve) => setTimeout(() => resolve(Number.NaN), 10_000)),
      ]),
    );
  } finally {
    await page.close();
  }
}

/**
 * How much later `after` starts up than `before`, load for load: the median, and the middle
 * half, of the differences within each round. Loads of one round meet the same moment of a
 * shared machine, so the pairs cancel much of what moves both.
 */
export function pairedStartup(
  before: BuildFigures,
  after: BuildFigures,
): { median: number; spread: readonly [number, number] } {
  const differences = after.startupRuns.map((ms, i) => ms - (before.startupRuns[i] ?? Number.NaN));
  return {
    median: median(differences),
    spread: [quantile(differences, 0.25), quantile(differences, 0.75)],
  };
}

/**
 * Start-up and first tooltips for each build, `loads` times, the builds taking turns within each
 * round. A load where the script was not seen says so (NaN) rather than shifting the median.
 */
export async function compareBuilds(
  builds: readonly Build[],
  pages: { startup: string; hover: string; term: string },
  loads: number,
): Promise<BuildFigures[]> {
  const contexts: BrowserContext[] = [];
  try {
    for (const build of builds) {
      const { context, worker } = await launchChromiumContext(build.dir, {
        grantedSites: ['http://127.0.0.1/*'],
      });
      contexts.push(context);
      if (build.stored) {
        await worker.evaluate(async ({ sync, local }) => {
          const { storage } = (
            globalThis as unknown as { chrome: typeof import('webextension-polyfill') }
          ).chrome;
          await storage.sync.set(sync ?? {});
          await storage.local.set(local ?? {});
        }, build.stored);
      }
    }
    const startup = builds.map(() => [] as number[]);
    const hover = builds.map(() => [] as number[]);
    const click = builds.map(() => [] as number[]);
    for (let round = 0; round < loads; round++) {
      // Each round starts with another build, so none is always first or last after the others.
      const order = contexts.map((_, i) => (i + round) % contexts.length);
      for (const i of order) {
        const context = contexts[i] as BrowserContext;
        startup[i]?.push(await startupOnce(context, pages.startup));
        // The tooltip's figures are tens and hundreds of milliseconds: fewer loads tell them.
        if (round < TOOLTIP_LOADS && !builds[i]?.startupOnly) {
          hover[i]?.push(await firstTooltipOnce(context, pages.hover, pages.term, 'mouseover'));
          click[i]?.push(await firstTooltipOnce(context, pages.hover, pages.term, 'click'));
        }
      }
    }
    return builds.map((build, i) => {
      const script = readFileSync(contentScriptOf(build));
      const runs = startup[i] ?? [];
      return {
        label: build.label,
        kB: script.length / 1024,
        gzipKB: gzipSync(script).length / 1024,
        startupMs: runs.some(Number.isNaN) ? Number.NaN : median(runs),
        startupSpread: [quantile(runs, 0.25), quantile(runs, 0.75)],
        startupRuns: runs,
        hoverMs: median(hover[i] ?? []),
        clickMs: median(click[i] ?? []),
      };
    });
  } finally {
    for (const context of contexts) {
      await context.close();
    }
  }
}

/**
 * The last build whose tooltip card was built by hand with DOM calls, before the Preact card and
 * its lazy loading: what the content script's size and start-up are compared with unless
 * `BENCH_BASELINE` names another revision.
 */
export const HAND_BUILT_CARD = '5c92e2e';

/**
 * The revision to compare with: `BENCH_BASELINE`, else the hand-built card's; none when
 * `BENCH_BASELINE=none` or when this checkout does not hold the revision (a shallow clone).
 */
export function baselineRef(): string | null {
  const ref = process.env.BENCH_BASELINE?.trim() || HAND_BUILT_CARD;
  if (ref === 'none') {
    return null;
  }
  if (!existsSync(join(ROOT, '.git'))) {
    console.warn(`No baseline: ${ROOT} is not a git checkout, so ${ref} cannot be built.`);
    return null;
  }
  try {
    execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  } catch {
    console.warn(`No baseline: this checkout does not hold ${ref} (a shallow clone?).`);
    return null;
  }
  return ref;
}
