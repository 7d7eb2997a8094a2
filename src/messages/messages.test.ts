import { describe, expect, it } from 'vitest';
import {
  asMessage,
  asPageTerms,
  asTabSite,
  entryPath,
  pageRequestIn,
  searchPath,
} from './messages';

describe('messages between the extension parts', () => {
  it('acts only on well-formed messages of its own', () => {
    expect(asMessage({ type: 'move-to-term', direction: -1 })).toEqual({
      type: 'move-to-term',
      direction: -1,
    });
    expect(asMessage({ type: 'open-entry', termId: 'bias', extra: '<b>' })).toEqual({
      type: 'open-entry',
      termId: 'bias',
    });
    for (const bad of [null, 'move-to-term', { type: 'move-to-term', direction: 2 }, {}]) {
      expect(asMessage(bad)).toBeNull();
    }
    expect(asMessage({ type: 'open-entry', termId: 7 })).toBeNull();
    expect(asMessage({ type: 'page-terms', extra: 1 })).toEqual({ type: 'page-terms' });
    expect(asMessage({ type: 'tab-site', host: 'x' })).toEqual({ type: 'tab-site' });
    // Only the type: the background always injects its own file, whatever else is sent.
    expect(asMessage({ type: 'load-tooltip', files: ['evil.js'] })).toEqual({
      type: 'load-tooltip',
    });
    expect(asMessage({ type: 'terms-on-page', count: 3 })).toEqual({
      type: 'terms-on-page',
      count: 3,
    });
    for (const count of [-1, 1.5, '3', Number.NaN]) {
      expect(asMessage({ type: 'terms-on-page', count })).toBeNull();
    }
    // What changes stored progress is not one of these (saves.ts).
    expect(asMessage({ type: 'mark-known', termIds: ['bias'], known: true })).toBeNull();
  });

  it("reaches the PDF reader in one tab only, and only with a page's requests", () => {
    const move = { type: 'move-to-term', direction: 1 } as const;
    const toReader = { type: 'to-reader', tabId: 7, request: move };
    expect(asMessage(toReader)).toEqual(toReader);
    // A reader takes what is addressed to its tab; a content script never takes those.
    expect(pageRequestIn(toReader, 7)).toEqual(move);
    expect(pageRequestIn(toReader, 8)).toBeNull();
    expect(pageRequestIn(toReader, null)).toBeNull();
    expect(pageRequestIn(move, null)).toEqual(move);
    expect(pageRequestIn(move, 7)).toBeNull();
    expect(pageRequestIn({ type: 'page-terms' }, null)).toEqual({ type: 'page-terms' });
    // What other parts say to each other is no page's business, addressed or not.
    expect(pageRequestIn({ type: 'terms-on-page', count: 2 }, null)).toBeNull();
    for (const bad of [
      { type: 'to-reader', tabId: 7, request: { type: 'open-entry', termId: 'bias' } },
      { type: 'to-reader', tabId: '7', request: move },
      { type: 'to-reader', tabId: 7 },
      { type: 'to-reader', tabId: 7, request: toReader },
    ]) {
      expect(asMessage(bad)).toBeNull();
    }
  });

  it('addresses a term entry so that no id can break out of its parameter', () => {
    expect(entryPath('a&b=c#d')).toBe('src/glossary-page/index.html?term=a%26b%3Dc%23d');
    expect(searchPath('  model & bias?  ')).toBe('src/popup/index.html?q=model%20%26%20bias%3F');
    expect(searchPath('x'.repeat(500))).toHaveLength('src/popup/index.html?q='.length + 100);
  });

  it("keeps only well-formed terms from a page's answer", () => {
    expect(
      asPageTerms({
        terms: [
          { id: 'bias', count: 2 },
          { id: 'x', count: 0 },
          { id: 3, count: 1 },
        ],
      }),
    ).toEqual({ terms: [{ id: 'bias', count: 2 }] });
    expect(asPageTerms(null)).toBeNull();
    expect(asPageTerms({ terms: 'bias' })).toBeNull();
    expect(
      asPageTerms({
        terms: [],
        later: [
          { id: 'fairness', page: 7 },
          { id: 'dpia', page: 0 },
          { id: 'bias', page: '2' },
        ],
      }),
    ).toEqual({ terms: [], later: [{ id: 'fairness', page: 7 }] });
  });

  it("takes the tab's site from the background's answer, or none", () => {
    expect(asTabSite({ host: 'example.com' })).toEqual({ host: 'example.com' });
    for (const bad of [null, undefined, {}, { host: '' }, { host: 7 }, 'example.com']) {
      expect(asTabSite(bad)).toEqual({ host: null });
    }
  });
});
