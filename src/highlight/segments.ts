/**
 * Collects the text a reader sees as one run (a paragraph, a list item ...) as a list of text
 * nodes, so a term split by inline markup ("AI <em>governance</em>") is still found, while text
 * in separate blocks never joins into a false match.
 */

/** Elements whose text is never highlighted: code, form fields, non-text, other highlights. */
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'HEAD',
  'TITLE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'SVG',
  'MATH',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'VIDEO',
  'AUDIO',
  // Headings name a section; a highlight there is noise before the reader reaches the text.
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  // The page's own <mark>s and our highlights: never wrapped again, never touched.
  'MARK',
  'EAIG-TERM',
]);

/** Inline elements: text on both sides of them reads as one run. Any other element breaks it. */
const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'LABEL',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
]);

export interface TextSegment {
  readonly nodes: Text[];
  readonly text: string;
}

function tagOf(el: Element): string {
  return el.tagName.toUpperCase();
}

/** Rich editors and canvases keep their own model of the text: changing their DOM breaks them. */
const EDITOR_CLASSES = new Set([
  'cm-editor', // CodeMirror 6
  'CodeMirror', // CodeMirror 5
  'monaco-editor',
  'ProseMirror',
  'kix-appview-editor', // Google Docs
  'docs-texteventtarget-iframe',
  // The page contract: a region marked as not to be translated is not to be annotated either.
  'notranslate',
]);

function hasEditorClass(el: Element): boolean {
  const classes = el.classList;
  for (let i = 0; i < classes.length; i++) {
    if (EDITOR_CLASSES.has(classes[i] as string)) return true;
  }
  return false;
}

function isSkipped(el: Element): boolean {
  if (SKIPPED_TAGS.has(tagOf(el))) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  // The page contract (README): authors opt a region out with any of these.
  if (el.getAttribute('data-glossary') === 'off' || el.getAttribute('translate') === 'no') {
    return true;
  }
  if (el.getAttribute('role') === 'textbox' || hasEditorClass(el)) return true;
  // Rejecting the editable root skips the whole editor; isContentEditable also covers designMode.
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return (el as HTMLElement).isContentEditable === true;
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
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.nodeType === Node.TEXT_NODE && !(node as Text).data.length
        ? NodeFilter.FILTER_SKIP
        : NodeFilter.FILTER_ACCEPT,
  });
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
    } else {
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
