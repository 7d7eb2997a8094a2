// First, and on its own: the viewer components read the library from a global as they are
// evaluated (a side-effect import, which nothing sorts past).
import './pdfjs-global';
import * as pdfjsLib from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { EventBus, PDFLinkService, PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs';
import 'pdfjs-dist/web/pdf_viewer.css';
import { linesAsText } from './text-layer';

/**
 * Mozilla's pdf.js viewer components (PDFViewer, EventBus, PDFLinkService), as its own viewer
 * uses them: pages and their text layers are drawn lazily as they scroll into view. The worker
 * is the package's file, under the extension's CSP; no script of the PDF runs (no scripting
 * manager), no font program is evaluated (`isEvalSupported: false`), and the only request is
 * the document's.
 */

export interface OpenedPdf {
  pages: number;
  title: string | null;
  /** Whether the first pages hold any text: a scan has none to highlight. */
  hasText: boolean;
  /**
   * The text of page `page` (from 1) as its text layer reads once drawn: pdf.js's text items
   * in order, a line break where a line ends (see text-layer.ts).
   */
  pageText(page: number): Promise<string>;
  /** Brings page `page` into view, which draws it and its text layer. */
  goTo(page: number): void;
  close(): Promise<void>;
}

pdfjsLib.GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * Asks the reader for the document's password (again when `incorrect`): the password, or null
 * when the reader would rather not open it.
 */
export type AskPassword = (incorrect: boolean) => Promise<string | null>;

/** The reader declined to give the password of a protected document. */
export class PasswordDeclined extends Error {}

/** The pages read to tell a document with text from a scan. */
const TEXT_PROBE_PAGES = 3;

export async function openPdf(
  container: HTMLDivElement,
  file: string,
  firstPage: number,
  onPage: (page: number) => void,
  askPassword: AskPassword,
): Promise<OpenedPdf> {
  const eventBus = new EventBus();
  const linkService = new PDFLinkService({ eventBus });
  const viewer = new PDFViewer({ container, eventBus, linkService, removePageBorders: false });
  linkService.setViewer(viewer);

  const task = pdfjsLib.getDocument({
    url: file,
    isEvalSupported: false,
    enableXfa: false,
  });
  let declined = false;
  task.onPassword = (update: (password: string) => void, reason: number) => {
    askPassword(reason === pdfjsLib.PasswordResponses.INCORRECT_PASSWORD).then(
      (password) => {
        if (password === null) {
          declined = true;
          void task.destroy();
        } else {
          update(password);
        }
      },
      () => void task.destroy(),
    );
  };
  let doc: pdfjsLib.PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    // The worker and the request end with the attempt, whatever stopped it.
    void task.destroy();
    throw declined ? new PasswordDeclined() : error;
  }
  eventBus.on('pagesinit', () => {
    viewer.currentScaleValue = 'page-width';
    if (firstPage > 1 && firstPage <= doc.numPages) {
      viewer.currentPageNumber = firstPage;
    }
  });
  eventBus.on('pagechanging', ({ pageNumber }: { pageNumber: number }) => onPage(pageNumber));
  // Each text layer as it is drawn (scrolled into view, zoomed): terms over two lines join.
  eventBus.on('textlayerrendered', ({ source }: { source: { textLayer?: { div: Element } } }) => {
    if (source.textLayer) {
      linesAsText(source.textLayer.div);
    }
  });
  viewer.setDocument(doc);
  linkService.setDocument(doc);

  const metadata = await doc.getMetadata().catch(() => null);
  const info = metadata?.info as { Title?: unknown } | undefined;
  const title = typeof info?.Title === 'string' && info.Title.trim() ? info.Title.trim() : null;
  const pageText = async (page: number) => {
    const content = await (await doc.getPage(page)).getTextContent();
    return content.items
      .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
      .join('');
  };
  let hasText = false;
  for (let n = 1; n <= Math.min(doc.numPages, TEXT_PROBE_PAGES) && !hasText; n++) {
    hasText = (await pageText(n)).trim() !== '';
  }
  return {
    pages: doc.numPages,
    title,
    hasText,
    pageText,
    goTo(page) {
      viewer.currentPageNumber = page;
    },
    close: () => task.destroy(),
  };
}
