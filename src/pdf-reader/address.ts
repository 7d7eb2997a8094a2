/**
 * The reader's own address and the PDF's, kept apart from the page so both are unit-tested:
 * `src/pdf-reader/index.html?file=<the PDF's address>#page=<n>`.
 */

export const READER_PAGE = 'src/pdf-reader/index.html';

/** Whether `url` names a PDF by its path (`….pdf`, whatever the query or fragment). */
export function looksLikePdf(url: string | undefined): boolean {
  if (!url) {
    return false;
  }
  try {
    const { protocol, pathname } = new URL(url);
    return ['http:', 'https:', 'file:'].includes(protocol) && /\.pdf$/i.test(pathname);
  } catch {
    return false;
  }
}

/** The page a PDF address opens at (`#page=12`, as browsers' viewers write it), or 1. */
export function pageOf(url: string): number {
  const page = Number(/[#&]page=(\d+)/.exec(new URL(url).hash)?.[1]);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/** The reader's address (relative to the extension's root) for the PDF at `url`. */
export function readerPath(url: string): string {
  const page = pageOf(url);
  const file = new URL(url);
  file.hash = '';
  return `${READER_PAGE}?${new URLSearchParams({ file: file.href })}${page > 1 ? `#page=${page}` : ''}`;
}

/** The PDF the reader at `location` shows, and its first page; null when it names none. */
export function documentOf(location: { search: string; hash: string }): {
  file: string;
  page: number;
} | null {
  const file = new URLSearchParams(location.search).get('file');
  if (!file || !/^(https?|file):/.test(file)) {
    return null;
  }
  try {
    return { file: new URL(file).href, page: pageOf(`${file}${location.hash}`) };
  } catch {
    return null;
  }
}

/** The browser's own viewer at the same page: where "Back" goes. */
export function browserViewerUrl(file: string, page: number): string {
  return page > 1 ? `${file}#page=${page}` : file;
}
