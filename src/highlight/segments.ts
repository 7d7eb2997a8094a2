import type { TermMatch } from '../match/matcher';
import { INLINE_TAGS, SKIPPED_REGIONS, SKIPPED_TAGS } from './skip-policy';

/**
 * Collects the text a reader sees as one run (a paragraph, a list item ...) as a list of text
 * nodes, so a term split by inline markup ("AI <em>governance</em>") is still found, while text
 * in separate blocks never joins into a false match.
 */

export interface TextSegment {
  readonly nodes: Text[];
  readonly text: string;
  /** Every form in `text`, when the scan already found them: the pattern need not run again. */
  matches?: readonly TermMatch[];
}

// localName is already lower case for HTML and SVG alike: no string work per element.
const tagOf = (el: Element): string => el.localName;

/** Every skipped tag and region as one selector, for `closest()` from a text node. */
const SKIPPED_SELECTOR = [...SKIPPED_TAGS, SKIPPED_REGIONS].join(',');

function isSkipped(el: Element): boolean {
  return SKIPPED_TAGS.has(tagOf(el)) || (el.hasAttributes() && el.matches(SKIPPED_REGIONS));
}

/**
 * Why `node` must be left alone: its nearest skipped ancestor (which the caller jumps over
 * whole), the document itself in design mode, or null when it may be marked. Looks above any
 * scanned subtree too: text added inside an editor is the editor's.
 */
export function skippedAncestor(node: Node): Node | null {
  const doc = node.ownerDocument;
  if (doc?.designMode === 'on') {
    return doc;
  }
  return node.parentElement?.closest(SKIPPED_SELECTOR) ?? null;
}

/** True when `el` is, or is inside, a region left alone (a shadow host inside `nav`, say). */
export function isInSkippedRegion(el: Element): boolean {
  return el.closest(SKIPPED_SELECTOR) !== null;
}

/**
 * The nodes whose text a Range reads: text, and CDATA sections (inline SVG), so that places
 * found in text read one way agree with places measured the other.
 */
export const TEXT_NODES = NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION;

/**
 * `root`'s text from `from` on: what a Range from there to the root's end reads, every
 * TEXT_NODES node in tree order. Walked rather than asked of a Range: the same string, and
 * some DOMs (jsdom, in the tests) take seconds to stringify a Range over a large page.
 */
export function textFrom(root: Node, from: Text): string {
  const rest = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, TEXT_NODES);
  rest.currentNode = from;
  const parts: string[] = [];
  for (let n: Node | null = from; n; n = rest.nextNode()) {
    parts.push((n as Text).data);
  }
  return parts.join('');
}

/** Whether `segment` is still on the page as it was read: the page may have changed it since. */
export function isIntact(segment: TextSegment): boolean {
  return (
    segment.nodes.every((n) => n.isConnected) &&
    segment.nodes.map((n) => n.data).join('') === segment.text
  );
}

/** Whether the page's CSS shows `el` (not a closed menu or a collapsed section). */
export function isRendered(el: Element | null | undefined): boolean {
  if (!el) {
    return false;
  }
  // checkVisibility is in every browser we ship to; jsdom (unit tests) lacks it.
  return (
    typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true })
  );
}

// A comment is no break for a reader: React's server render puts one between two texts of a
// paragraph (`AI <!-- -->governance`), and the terms across it are read as one.
const isInline = (node: Node): boolean =>
  node.nodeType === Node.TEXT_NODE ||
  node.nodeType === Node.COMMENT_NODE ||
  (node.nodeType === Node.ELEMENT_NODE && INLINE_TAGS.has(tagOf(node as Element)));

/**
 * The stretch of siblings a reader sees as one line of text around `text`: up from the text
 * through inline elements to the block that holds it, then sideways through inline siblings.
 * Small (a paragraph), so it is where the exact run-by-run collection happens.
 */
export function spanAround(text: Text): { block: Node; first: Node; last: Node } {
  let top: Node = text;
  while (top.parentNode && top.parentNode.nodeType === Node.ELEMENT_NODE) {
    const parent = top.parentNode as Element;
    if (!INLINE_TAGS.has(tagOf(parent)) || isSkipped(parent)) {
      break;
    }
    top = parent;
  }
  let first = top;
  while (first.previousSibling && isInline(first.previousSibling)) {
    first = first.previousSibling;
  }
  let last = top;
  while (last.nextSibling && isInline(last.nextSibling)) {
    last = last.nextSibling;
  }
  return { block: top.parentNode ?? top, first, last };
}

/** Every run of highlightable text among the siblings `first` to `last` of `block`. */
export function collectSpan(block: Node, first: Node, last: Node): TextSegment[] {
  const collector = new RunCollector(block);
  for (let node: Node | null = first; node; node = node.nextSibling) {
    collector.visit(node);
    if (node === last) {
      break;
    }
  }
  return collector.done();
}

function blockOf(node: Node, root: Node): Node {
  let el = node.parentNode;
  while (el && el !== root && el instanceof Element && INLINE_TAGS.has(tagOf(el))) {
    el = el.parentNode;
  }
  return el ?? root;
}

/** Gathers text nodes into runs, breaking at every non-inline or skipped element. */
class RunCollector {
  private readonly segments: TextSegment[] = [];
  private nodes: Text[] = [];
  private text = '';
  private block: Node | null = null;

  constructor(private readonly root: Node) {}

  /** `start` and everything under it, in document order. */
  visit(start: Node): void {
    if (start.nodeType === Node.TEXT_NODE) {
      this.add(start as Text);
      return;
    }
    if (start.nodeType === Node.ELEMENT_NODE) {
      const el = start as Element;
      if (!INLINE_TAGS.has(tagOf(el))) {
        this.flush();
      }
      if (isSkipped(el)) {
        this.flush();
        return;
      }
    }
    const doc = start.ownerDocument ?? (start as Document);
    // No filter callback: calling into script for every node costs more than the walk itself.
    const walker = doc.createTreeWalker(start, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        const el = node as Element;
        if (!INLINE_TAGS.has(tagOf(el))) {
          this.flush();
        }
        if (isSkipped(el)) {
          this.flush();
          node = nextOutside(walker);
          continue;
        }
      } else {
        this.add(node as Text);
      }
      node = walker.nextNode();
    }
  }

  done(): TextSegment[] {
    this.flush();
    return this.segments;
  }

  private add(textNode: Text): void {
    if (!textNode.data.length) {
      return;
    }
    const nodeBlock = blockOf(textNode, this.root);
    if (nodeBlock !== this.block) {
      this.flush();
    }
    this.block = nodeBlock;
    this.nodes.push(textNode);
    this.text += textNode.data;
  }

  private flush(): void {
    if (this.nodes.length && /\S/.test(this.text)) {
      this.segments.push({ nodes: this.nodes, text: this.text });
    }
    this.nodes = [];
    this.text = '';
  }
}

/** The node after the walker's current node, not descending into it. */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) {
      return sibling;
    }
    if (!walker.parentNode()) {
      return null;
    }
  }
}
