import { describe, expect, it } from 'vitest';
import { browserViewerUrl, documentOf, looksLikePdf, pageOf, readerPath } from './address';

describe("the PDF reader's addresses", () => {
  it('knows a PDF by its path, not by a query or another scheme', () => {
    expect(looksLikePdf('https://eur-lex.europa.eu/doc/act.PDF')).toBe(true);
    expect(looksLikePdf('https://arxiv.org/pdf/2101.0001.pdf?download=1#page=3')).toBe(true);
    expect(looksLikePdf('file:///home/me/paper.pdf')).toBe(true);
    expect(looksLikePdf('https://example.org/?file=a.pdf')).toBe(false);
    expect(looksLikePdf('ftp://example.org/a.pdf')).toBe(false);
    expect(looksLikePdf('not a url')).toBe(false);
    expect(looksLikePdf(undefined)).toBe(false);
  });

  it('keeps the page the browser viewer was at, there and back', () => {
    expect(pageOf('https://a.org/x.pdf#page=12')).toBe(12);
    expect(pageOf('https://a.org/x.pdf#zoom=50&page=3')).toBe(3);
    expect(pageOf('https://a.org/x.pdf')).toBe(1);
    const path = readerPath('https://a.org/x y.pdf?v=2#page=12');
    expect(path).toBe(
      'src/pdf-reader/index.html?file=https%3A%2F%2Fa.org%2Fx%2520y.pdf%3Fv%3D2#page=12',
    );
    const url = new URL(path, 'chrome-extension://id/');
    const opened = documentOf(url);
    expect(opened).toEqual({ file: 'https://a.org/x%20y.pdf?v=2', page: 12 });
    expect(browserViewerUrl(opened?.file ?? '', opened?.page ?? 1)).toBe(
      'https://a.org/x%20y.pdf?v=2#page=12',
    );
  });

  it('opens nothing but a web or local file address', () => {
    expect(documentOf({ search: '?file=javascript%3Aalert(1)', hash: '' })).toBeNull();
    expect(documentOf({ search: '?file=data%3Aapplication%2Fpdf%2Cx', hash: '' })).toBeNull();
    expect(documentOf({ search: '', hash: '' })).toBeNull();
  });
});
