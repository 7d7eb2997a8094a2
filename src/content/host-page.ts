import type { Matcher } from '../match/matcher';
import type { TooltipUi } from '../tooltip/ui';
import type { PagedDocument } from './document-terms';

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
  /** The document, once open, whose pages are drawn as they come into view (a PDF's). */
  document?: Promise<PagedDocument>;
}
