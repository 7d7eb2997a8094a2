import { join } from 'node:path';
import { FIRST_HIGHLIGHT_PROBE, firstHighlight } from '../test/e2e/support/first-highlight';
import { BROWSERS, grantedLaunchers } from '../test/e2e/support/launch';
import { serveDirectory } from '../test/e2e/support/server';
import { ROOT } from '../test/support/shared';
import { median } from './trace';

/**
 * When the first highlights come, in both browsers with the built extension: from the page's
 * DOMContentLoaded to its first highlight, as the page itself saw it (the probe the test
 * server puts in every page). A plain article whose images take 4 s should not wait for
 * them; a server-rendered app whose bundle comes 1.5 s late should wait for its hydration.
 */

/** Each page, and where it is served from. */
const PAGES = [
  { page: 'held-images.html', what: 'plain article, images held back 4 s', from: 'fixtures' },
  {
    page: 'react-ssr-late.html',
    what: 'React 19, server-rendered, bundle 1.5 s late',
    from: 'apps',
  },
  { page: 'vue-ssr-late.html', what: 'Vue 3, server-rendered, bundle 1.5 s late', from: 'apps' },
] as const;

/** The figure for a page that waits on purpose is seconds: a few loads tell it well enough. */
const LOADS = 3;

export interface FirstHighlightRow {
  readonly browser: string;
  readonly what: string;
  /** Median ms from DOMContentLoaded to the first highlight. */
  readonly afterParsed: number;
  /** Median ms from DOMContentLoaded to the load event. */
  readonly loadAfterParsed: number;
}

export async function firstHighlightTimes(): Promise<FirstHighlightRow[]> {
  const servers = {
    fixtures: await serveDirectory(join(ROOT, 'test/fixtures'), undefined, {
      probe: FIRST_HIGHLIGHT_PROBE,
    }),
    apps: await serveDirectory(join(ROOT, 'dist/fixtures/frameworks'), undefined, {
      lateMs: 1_500,
      probe: FIRST_HIGHLIGHT_PROBE,
    }),
  };
  // The two browsers at once: each spends most of its time waiting for held-back responses,
  // and each has its own connections, so neither's images queue behind the other's.
  const perBrowser = async (name: (typeof BROWSERS)[number]): Promise<FirstHighlightRow[]> => {
    const rows: FirstHighlightRow[] = [];
    const browser = await grantedLaunchers[name]();
    try {
      for (const { page, what, from } of PAGES) {
        const runs = [];
        for (let i = 0; i < LOADS; i++) {
          const tab = await browser.open(`${servers[from].origin}/${page}`);
          runs.push(await firstHighlight(tab));
          await tab.close();
        }
        rows.push({
          browser: name,
          what,
          afterParsed: median(runs.map((r) => r.afterParsed)),
          loadAfterParsed: median(runs.map((r) => r.loadAfterParsed)),
        });
      }
    } finally {
      await browser.close();
    }
    return rows;
  };
  try {
    return (await Promise.all(BROWSERS.map(perBrowser))).flat();
  } finally {
    await servers.fixtures.close();
    await servers.apps.close();
  }
}
