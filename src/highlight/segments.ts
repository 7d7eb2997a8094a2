/**
 * Collects the text a reader sees as one run (a paragraph, a list item ...) as a list of text
 * nodes, so a term split by inline markup ("AI <em>governance</em>") is still found, while text
 * in separate blocks never joins into a false match.
 */

/** Elements whose text is never highlighted: code, form fields, non-text, other highlights. */
const SKIPPED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
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
  // Headings name a section; a highlight there is noise before the reader reaches the text.
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  // The page's own <mark>s, our highlights and our tooltip: never wrapped, never touched.
  'mark',
  'eaig-term',
  'eaig-tooltip',
]);

/** Inline elements: text on both sides of them reads as one run. Any other element breaks it. */
const INLINE_TAGS = new Set([
  'a',
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

export interface TextSegment {
  readonly nodes: Text[];
  readonly text: string;
}

// localName is already lower case for HTML and SVG alike: no string work per element.
const tagOf = (el: Element): string => el.localName;

/**
 * Regions the extension leaves alone whatever their tag: hidden ones, the page contract's
 * opt-outs (README), editable regions and rich editors, which keep their own model of the
 * text so changing their DOM breaks them. One selector: the browser matches it natively,
 * far faster than reading each attribute from script.
 */
const SKIPPED_REGIONS = [
  '[hidden]',
  '[aria-hidden="true"]',
  '[data-glossary="off"]',
  '[translate="no"]',
  '.notranslate',
  '[role="textbox"]',
  // Rejecting the editable root skips the whole editor. (isContentEditable would cover this
  // too, but asking it brings the page's style up to date, element after element.)
  '[contenteditable]:not([contenteditable="false"])',
  '.cm-editor', // CodeMirror 6
  '.CodeMirror', // CodeMirror 5
  '.monaco-editor',
  '.ProseMirror',
  '.kix-appview-editor', // Google Docs
  '.docs-texteventtarget-iframe',
].join(',');

/** Runs for every element of the page: the tag first, the selector only if it has attributes. */
function isSkipped(el: Element): boolean {
  return SKIPPED_TAGS.has(tagOf(el)) || (el.hasAttributes() && el.matches(SKIPPED_REGIONS));
}

function blockOf(node: Node, root: Node): Node {
  let el = node.parentNode;
  while (el && el !== root && el instanceof Element && INLINE_TAGS.has(tagOf(el))) {
    el = el.parentNode;
  }
  return el ?? root;
}

/** Every run of highlightable text under `root`, in document order. */
export function collectSegments(root: Node): TextSegment[] {
  const doc = root.ownerDocument ?? (root as Document);
  // No filter callback: calling into script for every node of the page costs more than the
  // whole walk. Empty text nodes are skipped in the loop instead.
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  const segments: TextSegment[] = [];
  let nodes: Text[] = [];
  let text = '';
  let block: Node | null = null;
  const flush = () => {
    if (nodes.length && /\S/.test(text)) segments.push({ nodes, text });
    nodes = [];
    text = '';
  };

  if (root instanceof Element && isSkipped(root)) return segments;
  // A document in design mode is one big editor.
  if (doc.designMode === 'on') return segments;
  let node = walker.nextNode();
  while (node) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      if (!INLINE_TAGS.has(tagOf(el))) flush();
      if (isSkipped(el)) {
        flush();
        node = nextOutside(walker);
        continue;
      }
    } else if ((node as Text).data.length) {
      const textNode = node as Text;
      const nodeBlock = blockOf(textNode, root);
      if (nodeBlock !== block) flush();
      block = nodeBlock;
      nodes.push(textNode);
      text += textNode.data;
    }
    node = walker.nextNode();
  }
  flush();
  return segments;
}

/** The node after the walker's current node, not descending into it. */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}
