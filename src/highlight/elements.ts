/**
 * The elements the extension adds to a page, named once: the highlighter skips both, and the
 * page's styles for `mark` never reach elements of our own.
 */

/** Every highlight: `<eaig-term data-glossary-term="<term id>">` around the page's own text. */
export const TERM_ELEMENT = 'eaig-term';
/**
 * The tooltip's host, holding its closed shadow root, is `<eaig-tooltip-<random>>`: a page
 * that defined a custom element of a name we use would run its constructor on our host as we
 * create it, so each run names its host anew, past guessing. The attribute finds it.
 */
export const TOOLTIP_ELEMENT = 'eaig-tooltip';
export const TOOLTIP_ATTRIBUTE = 'data-eaig-tooltip';

/** A tooltip host name no page can have defined before we create the element. */
export function tooltipElementName(): string {
  const random = crypto.getRandomValues(new Uint32Array(2));
  return `${TOOLTIP_ELEMENT}-${[...random].map((n) => n.toString(36)).join('')}`;
}

/** Whether `el` is a tooltip host of ours (a page may copy the attribute, not the name). */
export function isTooltipHost(el: Element): boolean {
  return el.localName.startsWith(`${TOOLTIP_ELEMENT}-`) && el.hasAttribute(TOOLTIP_ATTRIBUTE);
}
