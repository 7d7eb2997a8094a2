import type { Highlighter } from '../highlight/highlighter';

/**
 * The terms of a document the page draws a part at a time (the PDF reader draws a page as it
 * scrolls into view): each with the first page it is on, so the popup can list those of the
 * pages not drawn yet and go to one.
 */

export interface PagedDocument {
  readonly pages: number;
  /** The text of page `page` (from 1), as its text layer reads once drawn. */
  pageText(page: number): Promise<string>;
  /** Brings page `page` into view, which draws it. */
  goTo(page: number): void;
}

/** A term found on a page not drawn yet: where to go for it. */
export interface LaterTerm {
  readonly id: string;
  readonly page: number;
}

export interface DocumentTerms {
  /**
   * The terms `highlighter` would show on pages not drawn yet and not on the page already
   * (`drawn`), in the order of the first page each is on; null until the document has been
   * read, which the first call starts and `onRead` tells the end of.
   */
  later(highlighter: Highlighter, drawn: ReadonlySet<string>): LaterTerm[] | null;
  /** Goes to the page of `termId`, if a page not drawn has it; false if none does. */
  goTo(highlighter: Highlighter, termId: string): boolean;
}

export function documentTerms(doc: PagedDocument, onRead: () => void): DocumentTerms {
  /** Each highlighter's reading: the terms a highlighter finds depend on its glossaries. */
  const read = new WeakMap<Highlighter, Map<string, number> | null>();

  function firstPages(highlighter: Highlighter): Map<string, number> | null {
    if (read.has(highlighter)) {
      return read.get(highlighter) ?? null;
    }
    read.set(highlighter, null);
    void (async () => {
      const pages = new Map<string, number>();
      // A page at a time: pdf.js reads the text in its worker; matching a page is short.
      for (let page = 1; page <= doc.pages; page++) {
        for (const id of highlighter.termsIn(await doc.pageText(page))) {
          if (!pages.has(id)) {
            pages.set(id, page);
          }
        }
      }
      read.set(highlighter, pages);
      onRead();
    })().catch((error: unknown) =>
      console.debug("Ethical AI Glossary: the document's pages were not read:", error),
    );
    return null;
  }

  return {
    later(highlighter, drawn) {
      const pages = firstPages(highlighter);
      if (!pages) {
        return null;
      }
      return [...pages]
        .filter(([id]) => !drawn.has(id) && highlighter.allows(id))
        .map(([id, page]) => ({ id, page }));
    },
    goTo(highlighter, termId) {
      const page = read.get(highlighter)?.get(termId);
      if (page === undefined || !highlighter.allows(termId)) {
        return false;
      }
      doc.goTo(page);
      return true;
    },
  };
}
