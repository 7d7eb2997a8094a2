import { describe, expect, it, vi } from 'vitest';
import type { Highlighter } from '../highlight/highlighter';
import { documentTerms, type PagedDocument } from './document-terms';

/** Pages of text, and a highlighter that finds the words it knows and holds back `held`. */
function setUp(pages: string[], held: string[] = []) {
  const doc: PagedDocument = {
    pages: pages.length,
    pageText: vi.fn((page: number) => Promise.resolve(pages[page - 1] ?? '')),
    goTo: vi.fn(),
  };
  const words = ['bias', 'fairness', 'dpia'];
  const highlighter = {
    termsIn: (text: string) => words.filter((w) => text.includes(w)),
    allows: (id: string) => !held.includes(id),
  } as unknown as Highlighter;
  return { doc, highlighter };
}

describe("the terms of a document's pages not drawn yet", () => {
  it('lists each term at the first page it is on, after reading every page once', async () => {
    const { doc, highlighter } = setUp(['about bias', 'fairness and bias', 'dpia', 'fairness']);
    const read = vi.fn();
    const terms = documentTerms(doc, read);
    expect(terms.later(highlighter, new Set())).toBeNull();
    await vi.waitFor(() => expect(read).toHaveBeenCalledOnce());
    expect(terms.later(highlighter, new Set())).toEqual([
      { id: 'bias', page: 1 },
      { id: 'fairness', page: 2 },
      { id: 'dpia', page: 3 },
    ]);
    // What the page shows already is in the list of highlights instead.
    expect(terms.later(highlighter, new Set(['bias']))).toEqual([
      { id: 'fairness', page: 2 },
      { id: 'dpia', page: 3 },
    ]);
    expect(doc.pageText).toHaveBeenCalledTimes(4);
  });

  it('leaves out what the page would not highlight, and goes to the page of a term it would', async () => {
    const { doc, highlighter } = setUp(['nothing', 'fairness', 'dpia'], ['fairness']);
    const read = vi.fn();
    const terms = documentTerms(doc, read);
    terms.later(highlighter, new Set());
    await vi.waitFor(() => expect(read).toHaveBeenCalledOnce());
    expect(terms.later(highlighter, new Set())).toEqual([{ id: 'dpia', page: 3 }]);
    expect(terms.goTo(highlighter, 'fairness')).toBe(false);
    expect(terms.goTo(highlighter, 'bias')).toBe(false);
    expect(doc.goTo).not.toHaveBeenCalled();
    expect(terms.goTo(highlighter, 'dpia')).toBe(true);
    expect(doc.goTo).toHaveBeenCalledWith(3);
  });

  it('reads the pages again for a highlighter with other glossaries', async () => {
    const first = setUp(['bias']);
    const read = vi.fn();
    const terms = documentTerms(first.doc, read);
    terms.later(first.highlighter, new Set());
    await vi.waitFor(() => expect(read).toHaveBeenCalledOnce());
    const other = { ...first.highlighter, termsIn: () => ['dpia'] } as unknown as Highlighter;
    expect(terms.later(other, new Set())).toBeNull();
    await vi.waitFor(() => expect(read).toHaveBeenCalledTimes(2));
    expect(terms.later(other, new Set())).toEqual([{ id: 'dpia', page: 1 }]);
  });
});
