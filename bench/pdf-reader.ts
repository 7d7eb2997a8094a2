import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromiumContext } from '../test/e2e/support/chromium';
import { serveDirectory } from '../test/e2e/support/server';
import { makePdf } from '../test/support/pdf';
import { ROOT } from '../test/support/shared';
import { median } from './trace';

/**
 * The PDF reader's cost: from navigation to the first highlighted page of a 100-page PDF in
 * the reader, against pdf.js alone (bench/pdf-alone: the same viewer components, driven by the
 * same src/pdf-reader/viewer.ts, without the glossary) to the first page's text layer drawn.
 * Both in Chromium, taking turns load for load; each page notes the moment itself.
 */

export const PDF_PAGES = 100;
export const PDF_LOADS = 3;
const PDF_DIR = join(ROOT, 'dist/bench-pdf');
const PDF_FILE = 'hundred-pages.pdf';

/** A page of prose about the course's subjects, as a paper would have: 40 lines. */
function pageLines(n: number): string[] {
  const sentences = [
    `Section ${n}. Responsible AI asks for model explainability and for`,
    'sound data governance across the whole life of a system.',
    'A Data Protection Impact Assessment comes before any processing',
    'of personal data at scale, and an AI impact assessment before',
    'a model decides anything about a person. Fairness and bias are',
    'measured on the data the model will meet, not on a benchmark.',
    'The team writes down who is accountable for each decision, and',
    'how a customer can ask for a human to look at it again.',
  ];
  return Array.from({ length: 40 }, (_, i) => sentences[i % sentences.length] as string);
}

export interface PdfReaderTimes {
  /** Median ms from navigation to the first highlight in the reader. */
  readonly reader: number;
  /** Median ms from navigation to the first text layer drawn by pdf.js alone. */
  readonly alone: number;
  /** Median ms from navigation to the first text layer in the reader, highlighting off. */
  readonly readerOff: number;
}

/** Notes, in the page itself, when `selector` first matches: the init script runs first. */
const probe = (selector: string) => `
  window.eaigFirst = new Promise((resolve) => {
    const seen = () => document.querySelector(${JSON.stringify(selector)});
    new MutationObserver((_, observer) => {
      if (seen()) {
        observer.disconnect();
        resolve(performance.now());
      }
    }).observe(document, { childList: true, subtree: true });
  });`;

async function timeTo(context: BrowserContext, url: string, selector: string): Promise<number> {
  const page: Page = await context.newPage();
  // pdf.js draws at the page's width: the same width, the same pixels to draw.
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.addInitScript(probe(selector));
  await page.goto(url, { waitUntil: 'commit' });
  // A page that never gets there fails the bench instead of stalling it.
  const ms = await page.evaluate(
    () =>
      Promise.race([
        (window as unknown as { eaigFirst: Promise<number> }).eaigFirst,
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('not drawn in 30 s')), 30_000),
        ),
      ]) as Promise<number>,
  );
  await page.close();
  return ms;
}

/** `plain`: a context without the extension, for pdf.js alone. */
export async function pdfReaderTimes(plain: BrowserContext): Promise<PdfReaderTimes> {
  writeFileSync(
    join(PDF_DIR, PDF_FILE),
    makePdf(Array.from({ length: PDF_PAGES }, (_, i) => pageLines(i + 1))),
  );
  const server = await serveDirectory(PDF_DIR);
  const { context, worker } = await launchChromiumContext(join(ROOT, 'dist/chrome'), {
    grantedSites: ['http://127.0.0.1/*'],
  });
  try {
    const id = new URL(worker.url()).host;
    const file = `${server.origin}/${PDF_FILE}`;
    const readerUrl = `chrome-extension://${id}/src/pdf-reader/index.html?${new URLSearchParams({ file })}`;
    const highlighting = (enabled: boolean) =>
      worker.evaluate(
        (on) =>
          (
            globalThis as unknown as { chrome: typeof import('webextension-polyfill') }
          ).chrome.storage.sync.set({ enabled: on }),
        enabled,
      );
    const reader: number[] = [];
    const alone: number[] = [];
    const readerOff: number[] = [];
    for (let i = 0; i < PDF_LOADS; i++) {
      alone.push(
        await timeTo(plain, `${server.origin}/index.html?file=/${PDF_FILE}`, '.textLayer span'),
      );
      await highlighting(false);
      readerOff.push(await timeTo(context, readerUrl, '.textLayer span'));
      await highlighting(true);
      reader.push(await timeTo(context, readerUrl, '.textLayer [data-glossary-term]'));
    }
    return { reader: median(reader), alone: median(alone), readerOff: median(readerOff) };
  } finally {
    await context.close();
    await server.close();
  }
}
