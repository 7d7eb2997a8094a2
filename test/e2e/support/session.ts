import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { ROOT } from '../../support/shared';
import type { ExtensionBrowser, PageDriver } from './driver';
import { type StaticServer, serveDirectory } from './server';

export interface Session {
  readonly browser: ExtensionBrowser;
  /** The address of a fixture page (`demo-article.html`, `hostile/…`) on the local server. */
  url(path: string): string;
}

/** One browser and the fixture server for a describe block, closed after it. */
export function useSession(
  launch: () => Promise<ExtensionBrowser>,
  setUp: (browser: ExtensionBrowser) => Promise<void> = async () => undefined,
): Session {
  let browser: ExtensionBrowser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveDirectory(join(ROOT, 'test/fixtures'));
    browser = await launch();
    await setUp(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get browser() {
      if (!browser) {
        throw new Error('The browser has not started');
      }
      return browser;
    },
    url(path) {
      if (!server) {
        throw new Error('The fixture server has not started');
      }
      return `${server.origin}/${path}`;
    },
  };
}

/** The body's text nodes as [parent tag, text]: equal only when the page's own split is back. */
export const textNodes = (page: PageDriver) =>
  page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const out: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      out.push(`${n.parentElement?.tagName}:${JSON.stringify((n as Text).data)}`);
    }
    return out;
  });

/** The same serialisation for the page's HTML as served, parsed without any extension. */
export const servedTextNodes = (page: PageDriver) =>
  page.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    const out: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      out.push(`${n.parentElement?.tagName}:${JSON.stringify((n as Text).data)}`);
    }
    return out;
  });
