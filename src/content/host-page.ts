import type { Matcher } from '../match/matcher';
import type { TooltipUi } from '../tooltip/ui';
import type { DocumentTerms } from './document-terms';

/** Where the content script runs other than in a web page: the extension's own PDF reader. */
export interface HostPage {
  /** The document's address (the PDF's): its site's pause applies; terms are met there. */
  address: string;
  /** The tooltip's UI, imported by the extension page itself (no injection needed there). */
  loadTooltipUi(): Promise<TooltipUi>;
  /** The tab the page is in: the popup and the shortcuts address their requests to it. */
  tabId: number | null;
  /** How the page's text is read further than a web page's (a PDF's words hyphenated). */
  adaptMatcher?: (matcher: Matcher) => Matcher;
  /**
   * The terms of the document's pages not drawn yet (a PDF's), once it is open; `onRead` is
   * told when its pages have been read. Made by the reader: the code stays out of web pages.
   */
  documentTerms?: (onRead: () => void) => Promise<DocumentTerms>;
}
