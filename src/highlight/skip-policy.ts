import { TERM_ELEMENT } from './elements';

/**
 * What the highlighter never touches, as data in one place: the tags whose text is not prose
 * to explain, the regions left alone whatever their tag, and the inline tags across which a
 * run of text reads on. segments.ts and scan.ts apply it.
 */

/** Elements whose text is code the browser runs or keeps, never shown as prose. */
export const CODE_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template']);

/** Elements whose text is never highlighted: code, form fields, non-text, other highlights. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  ...CODE_TAGS,
  'head',
  'title',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'svg',
  'math',
  'canvas',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  // Links, buttons and navigation already do something when clicked or hovered; a highlight
  // there would fight them. Headings name a section: a highlight there is noise.
  'a',
  'nav',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  // The page's own <mark>s and our highlights: never wrapped, never touched. (The tooltip's
  // host has no text of its own: all of it is in its closed shadow root.)
  'mark',
  TERM_ELEMENT,
]);

/** Inline elements: text on both sides of them reads as one run. Any other element breaks it. */
export const INLINE_TAGS: ReadonlySet<string> = new Set([
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
]);

/**
 * Regions the extension leaves alone whatever their tag: hidden ones, the page contract's
 * opt-outs (README), editable regions and rich editors, which keep their own model of the
 * text so changing their DOM breaks them. One selector: the browser matches it natively,
 * far faster than reading each attribute from script.
 */
export const SKIPPED_REGIONS = [
  '[hidden]',
  '[aria-hidden="true"]',
  '[data-glossary="off"]',
  '[translate="no"]',
  '.notranslate',
  '[role="textbox"]',
  '[role="link"]',
  '[role="button"]',
  '[role="navigation"]',
  '[role="heading"]',
  // Rejecting the editable root skips the whole editor. (isContentEditable would cover this
  // too, but asking it brings the page's style up to date, element after element.)
  '[contenteditable]:not([contenteditable="false"])',
  '.cm-editor', // CodeMirror 6
  '.CodeMirror', // CodeMirror 5
  '.monaco-editor',
  '.ProseMirror',
  '.kix-appview-editor', // Google Docs
  '.docs-texteventtarget-iframe',
  // An Astro island its framework hydrates later (when seen, when idle): hydration expects the
  // server's text nodes as they came. Astro takes the attribute away once it has hydrated.
  'astro-island[ssr]',
].join(',');
