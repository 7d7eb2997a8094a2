import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/shared';
import { type PageDriver, setHighlighting, setStoredSettings } from './support/driver';
import { FIRST_HIGHLIGHT_PROBE, firstHighlight } from './support/first-highlight';
import { BROWSERS, grantedLaunchers } from './support/launch';
import { type StaticServer, serveDirectory } from './support/server';
import { useSession } from './support/session';

/**
 * Framework apps that replace, insert, reorder and remove paragraphs of course terms every
 * 100 ms for 10 s (test/frameworks, built by `npm run build:fixtures`): with the extension
 * their visible text equals the same app's without it at every step, and neither React nor
 * Vue logs an error or a warning, hydration included.
 *
 * The run without the extension is the same app at the same time in a window of its own, on
 * `localhost`, a site where the reader paused highlighting; and the apps run side by side, ten
 * windows at once. What is compared is each step's text, not its timing, so a busy machine
 * slows the runs without changing what they record: the file takes one minute, not four.
 */

/** The test server under another name: another site, the one highlighting is paused on. */
const PAUSED_HOST = 'localhost';

const APPS = [
  'react.html',
  'vue.html',
  'react-ssr.html',
  // Server-rendered, with a bundle that arrives 1.5 s late: the server's text is on screen,
  // and could be highlighted, long before hydration, which must not see a highlight.
  'react-ssr-late.html',
  'vue-ssr-late.html',
];

interface Run {
  /** The app's visible text after each of its changes, as the app itself recorded it. */
  texts: string[];
  errors: string[];
  warnings: string[];
}

/** Waits for the app to finish its changes (it fails the test if it never does). */
async function runApp(page: PageDriver): Promise<Run> {
  await page.waitFor(() => (window as unknown as { appDone?: boolean }).appDone, 20_000);
  return {
    texts: await page.evaluate(() => (window as unknown as { appTexts: string[] }).appTexts),
    errors: page.errors(),
    warnings: page.warnings(),
  };
}

describe.each(BROWSERS)('framework apps in %s', (name) => {
  const session = useSession(grantedLaunchers[name]);
  let apps: StaticServer;
  /** The fixtures, each page telling when its first highlight came. */
  let probed: StaticServer;
  beforeAll(async () => {
    apps = await serveDirectory(join(ROOT, 'dist/fixtures/frameworks'), undefined, {
      lateMs: 1_500,
      probe: FIRST_HIGHLIGHT_PROBE,
    });
    probed = await serveDirectory(join(ROOT, 'test/fixtures'), undefined, {
      probe: FIRST_HIGHLIGHT_PROBE,
    });
    await setStoredSettings(session.browser, { enabled: true, pausedSites: [PAUSED_HOST] });
  });
  // No switching highlighting back on at the end: the session's browser closes with the file.
  afterAll(async () => {
    await apps?.close();
    await probed?.close();
  });

  it.concurrent.each(APPS)(
    '%s reads the same with highlights as without',
    async (app) => {
      const address = `${apps.origin}/${app}`;
      const [without, page] = await Promise.all([
        session.browser.open(address.replace('127.0.0.1', PAUSED_HOST), { ownWindow: true }),
        session.browser.open(address, { ownWindow: true }),
      ]);
      // The extension really is at work on the app while it changes.
      await page.waitFor(() => document.querySelector('#root [data-glossary-term]'), 5_000);
      const [plain, highlighted] = await Promise.all([runApp(without), runApp(page)]);
      const marksAtEnd = await page.evaluate(
        () => document.querySelectorAll('#root [data-glossary-term]').length,
      );
      // Paused: its run ended with highlights on the other page, none on it.
      const marksWithout = await without.evaluate(
        () => document.querySelectorAll('[data-glossary-term]').length,
      );
      await Promise.all([without.close(), page.close()]);

      expect(marksWithout).toBe(0);
      expect(plain.texts.length).toBeGreaterThan(90);
      expect(highlighted.texts).toEqual(plain.texts);
      expect(highlighted.errors).toEqual([]);
      expect(highlighted.warnings).toEqual(plain.warnings);
      expect(marksAtEnd).toBeGreaterThan(0);
    },
    60_000,
  );

  it('highlights a plain article as soon as it is parsed, before its slow images', async () => {
    await setHighlighting(session.browser, true);
    // Its two images are held back 4 s: opening it waits for its load event.
    const page = await session.browser.open(`${probed.origin}/held-images.html`);
    const seen = await firstHighlight(page);
    await page.close();
    expect(seen.images).toBe(2);
    // No image had come when the first highlight did, and the load event came seconds after
    // it: the highlights did not wait for the page to load. (How soon after parsing they come
    // is measured by `npm run bench`, not here.)
    expect(seen.imagesLoaded).toBe(0);
    expect(seen.beforeLoad).toBe(true);
    expect(seen.loadAfterParsed).toBeGreaterThan(3_000);
  });

  it('waits for a late server-rendered app to hydrate before its first highlight', async () => {
    await setHighlighting(session.browser, true);
    const page = await session.browser.open(`${apps.origin}/react-ssr-late.html`);
    const seen = await firstHighlight(page);
    const { bundleAt, parsedAt } = await page.evaluate(() => {
      const bundle = performance
        .getEntriesByType('resource')
        .find((r) => r.name.includes('react-client')) as PerformanceResourceTiming | undefined;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { bundleAt: bundle?.responseEnd, parsedAt: nav.domContentLoadedEventStart };
    });
    await page.close();
    expect(bundleAt).toBeGreaterThan(parsedAt + 1_000);
    // The app's bundle came 1.5 s after its text; the first highlight only after it.
    expect(seen.afterParsed).toBeGreaterThan((bundleAt as number) - parsedAt);
  });
});
