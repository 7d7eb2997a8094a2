/**
 * The elements the extension adds to a page, named once: the highlighter skips both, and the
 * page's styles for `mark` never reach elements of our own.
 */

/** Every highlight: `<eaig-term data-glossary-term="<term id>">` around the page's own text. */
export const TERM_ELEMENT = 'eaig-term';
/** The tooltip's host, holding its closed shadow root. */
export const TOOLTIP_ELEMENT = 'eaig-tooltip';
