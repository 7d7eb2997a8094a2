import type manifest from '../../manifest.json';
import type { GlossaryPreview } from '../import/read-file';

/**
 * Everything the extension's parts say to each other, typed in one place. The content script
 * holds a port to the background to learn when the extension goes away; the background tells
 * it about the term shortcuts and the popup asks it about its terms; it asks the background to
 * show a term's glossary entry and tells it how many terms the page has (the badge). What
 * changes the stored progress is in saves.ts.
 */

/** The port a content script opens; its disconnect tells the page script to check it is alive. */
export const PAGE_PORT = 'eaig-page';

/** A keyboard command, as manifest.json names it under `commands`: a misspelt one is a type error. */
export type CommandId = keyof (typeof manifest)['commands'];

/** The command the user presses to highlight the current page. */
export const HIGHLIGHT_PAGE_COMMAND = 'highlight-page' satisfies CommandId;
/** The commands that move to the next and previous highlighted term and open its tooltip. */
export const NEXT_TERM_COMMAND = 'next-term' satisfies CommandId;
export const PREVIOUS_TERM_COMMAND = 'previous-term' satisfies CommandId;

/** Background -> content script: move to the next (1) or previous (-1) term. */
export interface MoveToTermMessage {
  readonly type: 'move-to-term';
  readonly direction: 1 | -1;
}

/** Content script -> background: open the glossary's entry for a term in a tab. */
export interface OpenEntryMessage {
  readonly type: 'open-entry';
  readonly termId: string;
}

/** Popup -> content script: which terms are highlighted here? Answered with `PageTerms`. */
export interface PageTermsRequest {
  readonly type: 'page-terms';
}

export interface PageTerms {
  /** Each term highlighted on the page, in reading order of its first highlight. */
  readonly terms: ReadonlyArray<{ readonly id: string; readonly count: number }>;
  /**
   * The PDF reader: the terms of pages not drawn yet, each with the first page it is on
   * (`show-term` goes there); absent elsewhere, and until the document has been read.
   */
  readonly later?: ReadonlyArray<{ readonly id: string; readonly page: number }>;
}

/** Popup -> content script: scroll to a term's first highlight and open its tooltip. */
export interface ShowTermMessage {
  readonly type: 'show-term';
  readonly termId: string;
}

/** Content script (top frame) -> background: how many distinct terms the page shows. */
export interface TermsOnPageMessage {
  readonly type: 'terms-on-page';
  readonly count: number;
}

/**
 * Content script in a frame -> background: which site is the tab showing? A frame from another
 * site cannot read its top page's address; a site the user paused pauses the frames inside it.
 */
export interface TabSiteRequest {
  readonly type: 'tab-site';
}

/**
 * Content script -> background: put the tooltip's UI into this frame (the first tooltip of a
 * page is about to open). Answered once the script has run, or could not.
 */
export interface LoadTooltipRequest {
  readonly type: 'load-tooltip';
}

/** The background's answer: the host name of the tab's page, or null when it cannot tell. */
export interface TabSite {
  readonly host: string | null;
}

/** What the popup and the shortcuts ask of the page a tab shows. */
export type PageRequest = MoveToTermMessage | PageTermsRequest | ShowTermMessage;

/**
 * Popup or background -> the glossary's PDF reader in tab `tabId`. The reader is an extension
 * page, which `tabs.sendMessage` does not reach (it speaks to content scripts only); a runtime
 * message reaches every extension page, and only the reader in that tab acts on it.
 */
export interface ToReaderMessage {
  readonly type: 'to-reader';
  readonly tabId: number;
  readonly request: PageRequest;
}

export type ExtensionMessage =
  | LoadTooltipRequest
  | MoveToTermMessage
  | OpenEntryMessage
  | PageTermsRequest
  | ShowTermMessage
  | TabSiteRequest
  | TermsOnPageMessage
  | ToReaderMessage;

const isPageRequest = (message: ExtensionMessage | null): message is PageRequest =>
  message?.type === 'move-to-term' ||
  message?.type === 'page-terms' ||
  message?.type === 'show-term';

/** Messages arrive as untyped data: only a well-formed one of ours is acted on. */
export function asMessage(data: unknown): ExtensionMessage | null {
  if (data === null || typeof data !== 'object') {
    return null;
  }
  const m = data as Record<string, unknown>;
  if (m.type === 'move-to-term' && (m.direction === 1 || m.direction === -1)) {
    return { type: 'move-to-term', direction: m.direction };
  }
  if ((m.type === 'open-entry' || m.type === 'show-term') && typeof m.termId === 'string') {
    return { type: m.type, termId: m.termId };
  }
  if (m.type === 'page-terms') {
    return { type: 'page-terms' };
  }
  if (m.type === 'tab-site') {
    return { type: 'tab-site' };
  }
  if (m.type === 'load-tooltip') {
    return { type: 'load-tooltip' };
  }
  if (
    m.type === 'terms-on-page' &&
    typeof m.count === 'number' &&
    Number.isInteger(m.count) &&
    m.count >= 0
  ) {
    return { type: 'terms-on-page', count: m.count };
  }
  if (m.type === 'to-reader' && Number.isInteger(m.tabId)) {
    const request = asMessage(m.request);
    return isPageRequest(request) ? { type: 'to-reader', tabId: m.tabId as number, request } : null;
  }
  return null;
}

/**
 * The request a page acts on, or null when `data` is none of its business. A content script
 * takes requests as they come (only `tabs.sendMessage` reaches it); the reader in tab
 * `readerTab` takes only those addressed to that tab.
 */
export function pageRequestIn(data: unknown, readerTab: number | null): PageRequest | null {
  const message = asMessage(data);
  if (readerTab === null) {
    return isPageRequest(message) ? message : null;
  }
  return message?.type === 'to-reader' && message.tabId === readerTab ? message.request : null;
}

/** The glossary page, on one term's entry (it reads `?term=`). */
export const GLOSSARY_PAGE = 'src/glossary-page/index.html';
/** The review page. */
export const REVIEW_PAGE = 'src/review-page/index.html';
export const entryPath = (termId: string) => `${GLOSSARY_PAGE}?term=${encodeURIComponent(termId)}`;
/** The popup page searching for `text` (the context menu on selected text). */
export const searchPath = (text: string) =>
  `src/popup/index.html?q=${encodeURIComponent(text.trim().slice(0, 100))}`;
/** The context menu entry on selected text. */
export const LOOK_UP_MENU = 'look-up-selection';

/** The content script's answer to `page-terms`, checked: null for anything else. */
export function asPageTerms(data: unknown): PageTerms | null {
  const terms = (data as { terms?: unknown } | null)?.terms;
  if (!Array.isArray(terms)) {
    return null;
  }
  const valid = terms.filter(
    (t): t is { id: string; count: number } =>
      typeof t?.id === 'string' && Number.isInteger(t?.count) && t.count > 0,
  );
  const later = (data as { later?: unknown }).later;
  if (!Array.isArray(later)) {
    return { terms: valid };
  }
  return {
    terms: valid,
    later: later.filter(
      (t): t is { id: string; page: number } =>
        typeof t?.id === 'string' && Number.isInteger(t?.page) && t.page > 0,
    ),
  };
}

/** The background's answer to `tab-site`, checked: a host name or null. */
export function asTabSite(data: unknown): TabSite {
  const host = (data as { host?: unknown } | null)?.host;
  return { host: typeof host === 'string' && host !== '' ? host : null };
}

/** Options page -> its preview worker: a picked glossary file's name and bytes. */
export interface PreviewRequest {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Preview worker -> options page: the preview, the sentence refusing the file, or the failure. */
export type PreviewAnswer =
  | { readonly preview: GlossaryPreview }
  | { readonly refused: string }
  | { readonly failed: string };
