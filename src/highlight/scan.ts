import { isWordBefore } from '../match/chars';
import type { Matcher, TermMatch } from '../match/matcher';
import { placeFrom } from './places';
import { readCount, type ScanObserver } from './read-count';
import { collectSpan, skippedAncestor, spanAround, TEXT_NODES, type TextSegment } from './segments';
import { CODE_TAGS } from './skip-policy';

/**
 * Finds the runs of text to highlight under a root, in slices the caller can spread over
 * several tasks.
 *
 * Most of a page holds no term, so the scan reads the page the cheapest way there is: all its
 * text as one string, read in one walk that notes where each node starts, searched by one
 * pattern for the letters of any form. Only where it finds some does the scan go to that text
 * node and look closer: the node's own terms, checked on word boundaries; and when the letters
 * go on into the next node, the run of inline text around it, so a term split by markup
 * ("AI <em>governance</em>") is found whole. Between those places nothing is looked at.
 */

export interface SegmentScan {
  /**
   * The runs found until `more()` says stop or the root is done (`done`). The scan only reads
   * the page; the caller may change the text of the runs it was given before the next call, and
   * the page may change anything: the scan picks up where it can.
   */
  run(more: () => boolean): { segments: TextSegment[]; done: boolean };
}

/** Whether `n` is `end`, inside it, or before it in the document; a node removed is not. */
const isUpTo = (n: Node, end: Node): boolean =>
  n === end ||
  (n.isConnected &&
    (n.compareDocumentPosition(end) &
      (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINS)) !==
      0);

const isCode = (parent: Node | null): boolean =>
  parent?.nodeType === Node.ELEMENT_NODE && CODE_TAGS.has((parent as Element).localName);

/** How many places the scan looks at between two looks at the clock. */
const STEPS_PER_CHECK = 64;
/** Runs handed back at most per call, so the caller's share of a slice stays short too. */
const SEGMENTS_PER_CALL = 100;
/** How often a scan starts over from an ancestor after the page removed its place. */
const MAX_RESUMES = 3;
/** How often a scan reads the text again after the page changed it under the scan. */
const MAX_REREADS = 16;

const NO_MATCHES: readonly TermMatch[] = [];

export function createSegmentScan(
  root: Node,
  matcher: Matcher,
  wants: (termId: string) => boolean,
  observer?: ScanObserver,
): SegmentScan {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, TEXT_NODES);
  const readable =
    root.nodeType === Node.ELEMENT_NODE ||
    root.nodeType === Node.DOCUMENT_NODE ||
    root.nodeType === Node.DOCUMENT_FRAGMENT_NODE;

  /** The text of the root from the last read's first node on, as it was when read. */
  let text = '';
  /** The text nodes `text` was read from, in order, and where each one's text starts in it. */
  let nodes: Text[] = [];
  let starts: number[] = [];
  /** The index in `nodes` of the first node the scan has not passed yet. */
  let at = 0;
  /** That node (null: the root is done), and where its text starts in `text`. */
  let node: Text | null = null;
  let nodeStart = 0;
  /** Where in `text` the search for the next place goes on. */
  let searchFrom = 0;
  let started = false;
  /** `node`'s own terms, once a place in it made the scan look. */
  let looked: Text | null = null;
  let lookedFound: readonly TermMatch[] = NO_MATCHES;
  let lookedWanted = false;
  /** `node` and its ancestors when the last slice ended, to resume after removals. */
  let trail: Node[] = [];
  let resumes = 0;
  let rereads = 0;
  /** A slice ended since the last read: the page may have removed nodes ahead since. */
  let paused = false;

  const read = readCount(observer);

  function moveTo(index: number): void {
    at = index;
    node = nodes[index] ?? null;
    nodeStart = starts[index] ?? text.length;
  }

  /**
   * Reads the root's text from `from` on (the scan starts, or the page changed the text), in
   * one walk that notes where each node's text starts: the scan then goes to any place by its
   * index. The browser's own copy (textContent) costs a large page more than this walk, and the
   * scan would still have to walk to its places.
   */
  function readFrom(from: Text | null): void {
    read.upTo(nodeStart);
    read.newText();
    searchFrom = 0;
    looked = null;
    text = '';
    nodes = [];
    starts = [];
    paused = false;
    if (from && readable) {
      walker.currentNode = from;
      for (let n: Node | null = from; n; n = walker.nextNode()) {
        nodes.push(n as Text);
        starts.push(text.length);
        // Joined as it goes: the engine keeps the pieces until the search first needs them.
        text += (n as Text).data;
      }
    }
    moveTo(0);
  }

  const inRoot = (n: Node) => n === root || (n.isConnected && root.contains(n));

  /** Where to go on from; false when there is nothing sensible left to scan. */
  function resume(): boolean {
    if (!started) {
      started = true;
      readFrom(walker.nextNode() as Text | null);
      return true;
    }
    if (!node) {
      return false;
    }
    if (!inRoot(node)) {
      // The page removed where we were. Start again from the closest ancestor still in place:
      // runs already highlighted there are skipped, the rest is found.
      if (++resumes > MAX_RESUMES) {
        return false;
      }
      const anchor = trail.find(inRoot);
      if (!anchor) {
        return false;
      }
      walker.currentNode = anchor;
      readFrom(walker.nextNode() as Text | null);
      return true;
    }
    return inStep() || readAgain();
  }

  /** Whether `node` still holds the text the scan read for it. */
  const inStep = () => !node || text.startsWith(node.data, nodeStart);

  /**
   * The page changed the text under the scan: read it again, while allowed, from `node`; or,
   * when the page removed the node read at `removed`, after the last node before it still in
   * place, so that what the page put there instead is read too.
   */
  function readAgain(removed = -1): boolean {
    if (++rereads > MAX_REREADS) {
      return false;
    }
    if (removed < 0 && node && inRoot(node)) {
      readFrom(node);
      return true;
    }
    let before = (removed < 0 ? at : removed) - 1;
    while (before >= 0 && !inRoot(nodes[before] as Text)) {
      before--;
    }
    walker.currentNode = before >= 0 ? (nodes[before] as Text) : root;
    readFrom(walker.nextNode() as Text | null);
    return true;
  }

  /**
   * Moves past `end` (the run just collected, or a region left alone), which holds `node`:
   * to the first node read that is neither inside `end` nor before it.
   */
  function passAfter(end: Node): void {
    let next = at;
    while (next < nodes.length && isUpTo(nodes[next] as Text, end)) {
      next++;
    }
    moveTo(next);
    searchFrom = nodeStart;
    looked = null;
  }

  /** The terms of `node` itself: found once per node, however many places point into it. */
  function lookAt(current: Text): void {
    if (looked === current) {
      return;
    }
    looked = current;
    lookedFound = matcher.find(current.data);
    if (observer) {
      for (const m of lookedFound) {
        observer.addMatch(m.termId);
      }
    }
    lookedWanted = lookedFound.some((m) => wants(m.termId));
  }

  return {
    run(more) {
      try {
        return scanFrom(more);
      } finally {
        read.report();
      }
    },
  };

  function scanFrom(more: () => boolean): { segments: TextSegment[]; done: boolean } {
    const segments: TextSegment[] = [];
    const finished = () => {
      read.upTo(text.length);
      read.newText();
      node = null;
      // The page's text and nodes are not kept past the scan.
      text = '';
      nodes = [];
      starts = [];
      return { segments, done: true };
    };
    if (!resume()) {
      return finished();
    }
    let steps = 0;
    const pause = () => {
      trail = [];
      for (let n: Node | null = node; n; n = n.parentNode) {
        trail.push(n);
      }
      read.upTo(nodeStart);
      paused = true;
      return { segments, done: false };
    };
    while (node) {
      if (segments.length >= SEGMENTS_PER_CALL || (++steps % STEPS_PER_CHECK === 0 && !more())) {
        return pause();
      }
      const place = placeFrom(matcher, text, searchFrom);
      if (place === null) {
        break;
      }
      if (typeof place === 'number') {
        searchFrom = place;
        if (!more()) {
          return pause();
        }
        continue;
      }
      const [start, end] = place;
      // The node the place starts in: the last one starting at or before it. After a slice
      // ended, the nodes on the way are checked for the page having removed one.
      let index = at;
      let removed = paused && !nodes[index]?.isConnected ? index : -1;
      while (index + 1 < nodes.length && (starts[index + 1] as number) <= start) {
        index++;
        if (paused && removed < 0 && !(nodes[index] as Text).isConnected) {
          removed = index;
        }
      }
      moveTo(index);
      if (!node) {
        return finished();
      }
      if (removed >= 0 || (paused && !inRoot(node)) || !inStep()) {
        if (!readAgain(removed)) {
          return finished();
        }
        continue;
      }
      const current: Text = node;
      const nodeEnd = nodeStart + current.length;
      // A page's scripts and styles are never highlighted and say nothing about the topic.
      if (isCode(current.parentNode)) {
        searchFrom = nodeEnd;
        continue;
      }
      // Letters inside a word ("SAID", "unbiased") start no term here; a later place may. At the
      // node's start the letters before are another node's: the node's own check decides.
      if (start > nodeStart && isWordBefore(text, start)) {
        searchFrom = start + 1;
        continue;
      }
      lookAt(current);
      // Letters running on into the next node may be a term split by markup.
      if (!lookedWanted && end <= nodeEnd) {
        // A later place may start inside this one and run on: "AI ethics" ending here, with
        // "ethics officer" going on into the next node.
        searchFrom = start + 1;
        continue;
      }
      const skipped = skippedAncestor(current);
      if (skipped) {
        // All of the root may be inside it (text added to an editor, a design-mode page).
        if (!inRoot(skipped) || skipped === root) {
          return finished();
        }
        passAfter(skipped);
        continue;
      }
      const { block, first, last } = spanAround(current);
      for (const segment of collectSpan(block, first, last)) {
        // The node read on its own: what the scan found in it holds for the run.
        if (segment.nodes.length === 1 && segment.nodes[0] === current) {
          segment.matches = lookedFound;
        }
        segments.push(segment);
      }
      // A root inside the span (an inline element the page added) is done with it.
      if (!inRoot(last)) {
        return finished();
      }
      passAfter(last);
    }
    return finished();
  }
}
