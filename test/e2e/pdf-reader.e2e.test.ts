import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readerPath } from '../../src/pdf-reader/address';
import { expectCourseDefinition } from '../support/course';
import { makePdf } from '../support/pdf';
import { reportSkip, SHARED } from '../support/shared';
import {
  badgeOf,
  openPopupFor,
  type PageDriver,
  sendShortcut,
  setStoredSettings,
  until,
} from './support/driver';
import { BROWSERS, grantedLaunchers } from './support/launch';
import { type StaticServer, serveDirectory } from './support/server';
import { useSession } from './support/session';

/**
 * The glossary's PDF reader, opened from the popup on a tab that shows a PDF, as a reader
 * would: the PDFs are written here from text of our own.
 */

const LINES = [
  'Responsible AI starts with model explainability and sound data',
  'governance, checked in a Data Protection Impact Assessment and',
  'an AI impact assess-',
  'ment. Nothing else on this page is a course term.',
];

/** The user password of the protected test PDF. */
const PASSWORD = 'glossary';

/** A chapter of a real book (../shared/pdfs), where present. */
const BOOKS_DIR = join(SHARED, 'pdfs');
const BOOK_CHAPTER = 'fairmlbook-legitimacy.pdf';
const hasBookPdfs = existsSync(join(BOOKS_DIR, BOOK_CHAPTER));
if (!hasBookPdfs) {
  reportSkip('the PDF reader on a real book chapter', join(BOOKS_DIR, BOOK_CHAPTER));
}

let dir: string;
let pdfs: StaticServer;
let books: StaticServer | undefined;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'eaig-pdf-'));
  writeFileSync(join(dir, 'article.pdf'), makePdf([LINES, ['A second page about fairness.']]));
  writeFileSync(join(dir, 'scan.pdf'), makePdf([[], []]));
  // Twelve pages, the last with a term no other page has: far below what pdf.js draws first.
  writeFileSync(
    join(dir, 'long.pdf'),
    makePdf([
      LINES,
      ...Array.from({ length: 10 }, (_, i) => [`Page ${i + 2} has nothing of the course.`]),
      ['The last page asks for algorithmic accountability.'],
    ]),
  );
  writeFileSync(
    join(dir, 'secret.pdf'),
    makePdf([LINES], 'A protected document', { password: PASSWORD }),
  );
  writeFileSync(join(dir, 'broken.pdf'), Buffer.from('%PDF-1.4\nthis is not a PDF at all\n'));
  pdfs = await serveDirectory(dir);
  books = hasBookPdfs ? await serveDirectory(BOOKS_DIR) : undefined;
});
afterAll(async () => {
  await pdfs?.close();
  await books?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The terms highlighted on the document's first page (pdf.js may draw the next one too). */
const firstPageTerms = (page: PageDriver) =>
  page.evaluate(() =>
    [
      ...document.querySelectorAll('.page[data-page-number="1"] .textLayer [data-glossary-term]'),
    ].map((m) => m.getAttribute('data-glossary-term')),
  );

describe.each(BROWSERS)('%s: the PDF reader', (name) => {
  const session = useSession(grantedLaunchers[name]);

  /** The tab showing `file` in the browser's viewer, then in the reader through the popup. */
  async function openInReader(file: string): Promise<PageDriver> {
    const tab = await session.browser.open(`${pdfs.origin}/${file}`);
    const popup = await openPopupFor(session.browser, tab);
    await popup.waitFor(() => document.querySelector('.pdf-reader button'));
    await popup.click('.pdf-reader button');
    await tab.waitFor(() => location.pathname.endsWith('/src/pdf-reader/index.html'));
    return tab;
  }

  it('opens a PDF from the popup and highlights its terms, also across lines', async () => {
    const reader = await openInReader('article.pdf');
    await reader.waitFor(
      () => document.querySelectorAll('.textLayer [data-glossary-term]').length >= 3,
    );
    // The text layer is a span a line: a term over two lines ("data" / "governance") is
    // marked in each, as one term.
    await reader.waitFor(() => document.querySelector('.textLayer [data-glossary-term="dpia"]'));
    expect([...new Set(await firstPageTerms(reader))]).toEqual([
      'responsible-ai',
      'model-explainability',
      'data-governance',
      'dpia',
      'ai-impact-assessment',
    ]);
    // A term over two lines, and one a line's end hyphenates, are each marked as one term.
    const overLines = await reader.evaluate(() =>
      ['data-governance', 'dpia', 'ai-impact-assessment'].map((id) =>
        [...document.querySelectorAll(`.textLayer [data-glossary-term="${id}"]`)]
          .map((m) => m.textContent)
          .join(''),
      ),
    );
    expect(overLines).toEqual([
      'data\ngovernance',
      'Data Protection Impact Assessment',
      'AI impact assess-\nment',
    ]);
    expect(await reader.evaluate(() => document.title)).toBe('Test document');
    await reader.hover('.textLayer [data-glossary-term="model-explainability"]');
    await until(
      async () => (await reader.readTooltip())?.text.includes('Model Explainability'),
      'the tooltip',
    );
    expectCourseDefinition((await reader.readTooltip())?.definition, 'Model Explainability');
    await reader.close();
    // The one request the extension made: the document, fetched again by the reader. (The
    // Firefox driver sees only pages it opened as extension pages, not this tab's.)
    const requests = session.browser.extensionRequests();
    if (name === 'chromium') {
      expect(requests.length).toBeGreaterThan(0);
    }
    expect(requests.filter((r) => !r.endsWith(`${pdfs.origin}/article.pdf`))).toEqual([]);
  });

  it('lists its terms in the popup, goes to one, moves between them by key, counts them', async () => {
    const reader = await openInReader('article.pdf');
    await reader.waitFor(() => document.querySelector('.textLayer [data-glossary-term="dpia"]'));
    const popup = await openPopupFor(session.browser, reader);
    await popup.waitFor(() => document.querySelectorAll('.on-page button').length >= 5);
    // The first page's terms first; its second page's may follow, drawn or not yet.
    expect(
      await popup.evaluate(() =>
        [...document.querySelectorAll('.on-page button')].slice(0, 5).map((b) => b.textContent),
      ),
    ).toEqual([
      'Responsible AI ×1',
      'Model Explainability ×1',
      'Data Governance ×1',
      'Data Protection Impact Assessment ×1',
      'AI Impact Assessment ×1',
    ]);
    // The PDF's site is the one its pause switch names; site access is not the reader's.
    expect(await popup.evaluate(() => document.querySelector('.site-switch')?.textContent)).toBe(
      'Highlight on 127.0.0.1',
    );
    expect(await popup.evaluate(() => document.querySelector('p.site')?.textContent)).toMatch(
      /open in the glossary's reader/,
    );
    // Five terms on the first page, six once pdf.js draws the second ahead ("fairness").
    const shown = () =>
      reader.evaluate(
        () =>
          new Set(
            [...document.querySelectorAll('.textLayer [data-glossary-term]')].map((m) =>
              m.getAttribute('data-glossary-term'),
            ),
          ).size,
      );
    await until(async () => {
      const badge = await badgeOf(session.browser, reader);
      const count = await shown();
      return count >= 5 && badge === String(count);
    }, 'the badge to count the terms shown');

    await popup.click('.on-page li:nth-child(4) button');
    await until(
      async () => (await reader.readTooltip())?.text.includes('Data Protection Impact Assessment'),
      'the tooltip of the term chosen in the popup',
    );
    await popup.close();
    await reader.press('Escape');
    await until(async () => (await reader.readTooltip()) === null, 'the tooltip to close');

    // The shortcuts: from the first term on, one term after another.
    await sendShortcut(session.browser, reader, 1);
    await until(
      async () => (await reader.readTooltip())?.text.includes('Responsible AI'),
      'the first term by key',
    );
    await sendShortcut(session.browser, reader, 1);
    await until(
      async () => (await reader.readTooltip())?.text.includes('Model Explainability'),
      'the next term by key',
    );

    // Highlights change nothing a reader copies: the selection reads as the document's lines.
    const copied = await reader.evaluate(() => {
      const layer = document.querySelector('.page[data-page-number="1"] .textLayer');
      const selection = getSelection();
      selection?.selectAllChildren(layer as Element);
      return selection?.toString();
    });
    expect(copied?.split('\n').map((line) => line.trim())).toEqual(expect.arrayContaining(LINES));
    await reader.close();
  });

  it('lists the terms of pages not drawn yet with their page, and goes to one', async () => {
    const reader = await openInReader('long.pdf');
    await reader.waitFor(() => document.querySelector('.textLayer [data-glossary-term="dpia"]'));
    // Not drawn: nothing of the last page is on the reader's page.
    expect(
      await reader.evaluate(() =>
        document.querySelector('.page[data-page-number="12"] .textLayer'),
      ),
    ).toBeNull();
    const popup = await openPopupFor(session.browser, reader);
    const later = '.on-page li:last-child button';
    await popup.waitFor(
      () =>
        document.querySelector('.on-page li:last-child button')?.textContent ===
        'Algorithmic Accountability p. 12',
    );
    expect(
      await popup.evaluate((s) => document.querySelector(s)?.getAttribute('aria-label'), later),
    ).toBe('Algorithmic Accountability p. 12: go to its page in the document');
    // The first page's terms, highlighted, come before it.
    expect(
      await popup.evaluate(() =>
        [...document.querySelectorAll('.on-page button')].slice(0, 2).map((b) => b.textContent),
      ),
    ).toEqual(['Responsible AI ×1', 'Model Explainability ×1']);

    await popup.click(later);
    await until(
      async () => (await reader.readTooltip())?.text.includes('Algorithmic Accountability'),
      'the tooltip of the term on the last page',
    );
    await popup.close();
    expect(
      await reader.evaluate(() =>
        document
          .querySelector('.page[data-page-number="12"] [data-glossary-term]')
          ?.getAttribute('data-glossary-term'),
      ),
    ).toBe('algorithmic-accountability');
    expect(await reader.evaluate(() => document.querySelector('#bar .status')?.textContent)).toBe(
      'Page 12 of 12',
    );
    await reader.close();
  });

  it('says so when a PDF has no text, and shows pdf.js’s error for a broken one', async () => {
    const scan = await openInReader('scan.pdf');
    await scan.waitFor(() =>
      document.querySelector('.message[role="status"]')?.textContent?.includes('no text'),
    );
    await scan.close();
    const broken = await openInReader('broken.pdf');
    await broken.waitFor(() => document.querySelector('.message[role="alert"]'));
    expect(await broken.evaluate(() => document.querySelector('.message')?.textContent)).toMatch(
      /could not be opened: .+/,
    );
    await broken.close();
  });

  it('asks for the password of a protected PDF, again when wrong, and says so when declined', async () => {
    // Straight into the reader: Firefox's own viewer never reports a protected PDF loaded (it
    // waits for the password), and the way there is the same as for any PDF.
    const openReader = () =>
      session.browser.openExtensionPage(readerPath(`${pdfs.origin}/secret.pdf`));
    const reader = await openReader();
    await reader.waitFor(() => document.activeElement?.matches('.password input[type="password"]'));
    await reader.type('not it');
    await reader.press('Enter');
    await reader.waitFor(() =>
      document.querySelector('.password [role="alert"]')?.textContent?.includes('did not open'),
    );
    // A new, empty field, with the focus in it.
    await reader.waitFor(() => (document.activeElement as HTMLInputElement | null)?.value === '');
    await reader.type(PASSWORD);
    await reader.press('Enter');
    await reader.waitFor(() => document.querySelector('.textLayer [data-glossary-term="dpia"]'));
    expect(await reader.evaluate(() => document.title)).toBe('A protected document');
    expect(await reader.evaluate(() => document.querySelector('.password'))).toBeNull();
    await reader.close();

    const declined = await openReader();
    await declined.waitFor(() => document.querySelector('.password'));
    await declined.evaluate(() =>
      [...document.querySelectorAll<HTMLButtonElement>('.password button')]
        .find((b) => b.textContent === 'Cancel')
        ?.click(),
    );
    await declined.waitFor(() => document.querySelector('.message[role="alert"]'));
    expect(
      await declined.evaluate(() => document.querySelector('.message[role="alert"]')?.textContent),
    ).toBe('This PDF could not be opened: it is protected by a password, and none was given.');
    await declined.close();
  });

  it.skipIf(!hasBookPdfs)(
    'highlights a chapter of a real book, page by page as it is drawn',
    async () => {
      // Every occurrence: the pages drawn later have terms of their own to show.
      await setStoredSettings(session.browser, { density: 'every' });
      try {
        const tab = await session.browser.open(`${books?.origin}/${BOOK_CHAPTER}`);
        const popup = await openPopupFor(session.browser, tab);
        await popup.waitFor(() => document.querySelector('.pdf-reader button'));
        await popup.click('.pdf-reader button');
        await tab.waitFor(() => document.querySelector('.textLayer [data-glossary-term]'), 20_000);
        const first = await tab.evaluate(() => ({
          pages: document.querySelectorAll('.page').length,
          drawn: document.querySelectorAll('.textLayer').length,
          marked: new Set(
            [...document.querySelectorAll('.textLayer [data-glossary-term]')].map((m) =>
              m.closest('.page')?.getAttribute('data-page-number'),
            ),
          ).size,
        }));
        // pdf.js draws the pages near the view; the rest wait, and so do their highlights.
        expect(first.pages).toBeGreaterThan(first.drawn);
        expect(first.marked).toBeGreaterThan(0);
        // Further pages are highlighted as they are drawn.
        await tab.evaluate(() => {
          const container = document.getElementById('viewerContainer') as HTMLElement;
          container.scrollTop = container.scrollHeight / 2;
        });
        await tab.waitFor(() => {
          const pages = [...document.querySelectorAll('.textLayer [data-glossary-term]')].map((m) =>
            Number(m.closest('.page')?.getAttribute('data-page-number')),
          );
          return Math.max(...pages) > 5;
        }, 20_000);
        await tab.close();
      } finally {
        await setStoredSettings(session.browser, { density: 'first' });
      }
    },
  );
});
