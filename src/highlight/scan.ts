import type { Matcher, TermMatch } from '../match/matcher';
import { collectSpan, skippedAncestor, spanAround, type TextSegment } from './segments';

/**
 * Finds the runs of text to highlight under a root, in slices the caller can spread over
 * several tasks.
 *
 * Most text nodes of a page hold no term. They get the cheapest possible look: one run of the
 * glossary pattern over their text, as a plain TreeWalker pass would. Only a node that holds a
 * wanted term, or ends with the start of one, gets the careful treatment: is it in a region we
 * leave alone, and which inline neighbours does its text read on with, so a term split by
 * markup is still found whole.
 */

export interface SegmentScan {
  /**
   * The runs found until `more()` says stop or the root is done (`done`). The scan only reads
   * the page; the caller may change the text of the runs it was given before the next call, and
   * the page may change anything: the scan picks up where it can.
   */
  run(more: () => boolean): { segments: TextSegment[]; done: boolean };
}

const CODE_TAGS = new Set(['script', 'style', 'noscript', 'template']);
const isCode = (parent: Node | null): boolean =>
  parent?.nodeType === Node.ELEMENT_NODE && CODE_TAGS.has((parent as Element).localName);

/** How many nodes pass between two looks at the clock. */
const NODES_PER_CHECK = 64;
/** Runs handed back at most per call, so the caller's share of a slice stays short too. */
const SEGMENTS_PER_CALL = 100;
/** How often a scan starts over from an ancestor after the page removed its place. */
const MAX_RESUMES = 3;

const NONE: readonly TermMatch[] = [];

/** Told about all the text a scan reads and every term in it: how the topic is counted. */
export interface ScanObserver {
  addText(length: number): void;
  addMatch(termId: string): void;
}

export function createSegmentScan(
  root: Node,
  matcher: Matcher,
  wants: (termId: string) => boolean,
  observer?: ScanObserver,
): SegmentScan {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  /** The current node and its ancestors when the last slice ended, to resume after removals. */
  let trail: Node[] = [];
  let resumes = 0;

  /** Text read since the last report to the observer: told once per call, not once per node. */
  let textRead = 0;

  /**
   * Called for every text node under the root: the common node costs one run of the pattern.
   * Null when the node needs no closer look; otherwise every form in it (none when a term may
   * only go on past it).
   */
  const closerLook = (node: Text): readonly TermMatch[] | null => {
    const data = node.data;
    textRead += data.length;
    let found = NONE;
    if (matcher.test(data)) {
      found = matcher.find(data);
      // A page's scripts and styles say nothing about what a reader reads there.
      if (observer && !isCode(node.parentNode)) {
        for (const m of found) observer.addMatch(m.termId);
      }
      if (found.some((m) => wants(m.termId))) return found;
    }
    return matcher.mayContinue(data) ? found : null;
  };

  /** Positions the walker after `node`'s subtree: the next nextNode() leaves it. */
  const skipPast = (node: Node) => {
    let last = node;
    while (last.lastChild) last = last.lastChild;
    walker.currentNode = last;
  };

  /** The node the next slice starts with, when the last one stopped before it. */
  let pending: Node | null = null;

  const inRoot = (node: Node) => node === root || (node.isConnected && root.contains(node));

  /** Where to go on from; false when there is nothing sensible left to scan. */
  function resume(): boolean {
    if (!pending || inRoot(pending)) return true;
    pending = null;
    // The page removed where we were. Start again from the closest ancestor still in place:
    // runs already highlighted there are skipped, the rest is found.
    if (++resumes > MAX_RESUMES) return false;
    const anchor = trail.find(inRoot);
    if (!anchor) return false;
    walker.currentNode = anchor;
    return true;
  }

  return {
    run(more) {
      try {
        return scanFrom(more);
      } finally {
        observer?.addText(textRead);
        textRead = 0;
      }
    },
  };

  function scanFrom(more: () => boolean): { segments: TextSegment[]; done: boolean } {
    const segments: TextSegment[] = [];
    if (!resume()) return { segments, done: true };
    let count = 0;
    let node = pending ?? walker.nextNode();
    pending = null;
    for (; node; node = walker.nextNode()) {
      if ((++count % NODES_PER_CHECK === 0 && !more()) || segments.length >= SEGMENTS_PER_CALL) {
        pending = node;
        trail = [];
        for (let n: Node | null = node; n; n = n.parentNode) trail.push(n);
        return { segments, done: false };
      }
      const text = node as Text;
      const found = closerLook(text);
      if (!found) continue;
      const skipped = skippedAncestor(text);
      if (skipped) {
        // All of the root may be inside it (text added to an editor, a design-mode page).
        if (!inRoot(skipped) || skipped === root) return { segments, done: true };
        skipPast(skipped);
        continue;
      }
      const { block, first, last } = spanAround(text);
      for (const segment of collectSpan(block, first, last)) {
        // The node read on its own: what the scan found in it holds for the run.
        if (segment.nodes.length === 1 && segment.nodes[0] === text) segment.matches = found;
        segments.push(segment);
      }
      // A root inside the span (an inline element the page added) is done with it.
      if (!inRoot(last)) return { segments, done: true };
      skipPast(last);
    }
    return { segments, done: true };
  }
}
