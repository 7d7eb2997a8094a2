/**
 * Everything the extension's parts say to each other, typed in one place. The content script
 * holds a port to the background to learn when the extension goes away; the background tells
 * it about the term shortcuts, and it asks the background to show a term's glossary entry.
 */

/** The port a content script opens; its disconnect tells the page script to check it is alive. */
export const PAGE_PORT = 'eaig-page';

/** The command the user presses (manifest `commands`) to highlight the current page. */
export const HIGHLIGHT_PAGE_COMMAND = 'highlight-page';
/** The commands that move to the next and previous highlighted term and open its tooltip. */
export const NEXT_TERM_COMMAND = 'next-term';
export const PREVIOUS_TERM_COMMAND = 'previous-term';

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

export type ExtensionMessage = MoveToTermMessage | OpenEntryMessage;

/** Messages arrive as untyped data: only a well-formed one of ours is acted on. */
export function asMessage(data: unknown): ExtensionMessage | null {
  if (data === null || typeof data !== 'object') return null;
  const m = data as Record<string, unknown>;
  if (m.type === 'move-to-term' && (m.direction === 1 || m.direction === -1)) {
    return { type: 'move-to-term', direction: m.direction };
  }
  if (m.type === 'open-entry' && typeof m.termId === 'string') {
    return { type: 'open-entry', termId: m.termId };
  }
  return null;
}

/** The popup page showing one term's entry (the popup reads `?term=`). */
export const ENTRY_PAGE = 'src/popup/index.html';
export const entryPath = (termId: string) => `${ENTRY_PAGE}?term=${encodeURIComponent(termId)}`;
