/**
 * Everything the extension's parts say to each other, typed in one place. The content script
 * holds a port to the background only to learn when the extension goes away.
 */

/** The port a content script opens; its disconnect tells the page script to check it is alive. */
export const PAGE_PORT = 'eaig-page';

/** The command the user presses (manifest `commands`) to highlight the current page. */
export const HIGHLIGHT_PAGE_COMMAND = 'highlight-page';
