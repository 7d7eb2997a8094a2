import { isWordBefore } from '../match/chars';
import type { Matcher, TermMatch } from '../match/matcher';
import { placeFrom } from './places';
import { readCount, type ScanObserver } from './read-count';
import {
  collectSpan,
  skippedAncestor,
  spanAround,
  TEXT_NODES,
  type TextSegment,
  textFrom,
} from './segments';
import { CODE_TAGS } from './skip-policy';

/**
 * Finds the runs of text to highlight under a root, in slices the caller can spread over
 * several tasks.
 *
 * Most of a page holds no term, so the scan reads the page the cheapest way there is: all its
 * text as one string, which the browser hands over natively, searched by one pattern for the
 * letters of any form. Only where it finds some does the scan walk to that text node and look
 * closer: the node's own terms, checked on word boundaries; and when the letters go on into
 * the next node, the run of inline text around it, so a term split by markup
 * ("AI <em>governance</em>") is found whole. Between those places no node is read one by one.
 */

export interface SegmentScan {
  /**
   * The runs found until `more()` says stop or the root is done (`done`). The scan only reads
   * the page; the caller may change the text of the runs it was given before the next call, and
   * the page may change anything: the scan picks up where it can.
   */
  run(more: () => boolean): { segments: TextSegment[]; done: boolean };
}

const isCode = (parent: Node | null): boolean =>
  parent?.nodeType === Node.ELEMENT_NODE && CODE_TAGS.has((parent as Element).localName);

/** How many steps (nodes walked past, places looked at) pass between two looks at the clock. */
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
  const range = doc.createRange();
  const readable =
    root.nodeType === Node.ELEMENT_NODE ||
    root.nodeType === Node.DOCUMENT_NODE ||
    root.nodeType === Node.DOCUMENT_FRAGMENT_NODE;

  /** The text of the root from `node` on, as it was when last read. */
  let text = '';
  /** The first text node the scan has not passed yet (null: the root is done). */
  let node: Text | null = null;
  /** Where `node`'s text starts in `text`. */
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

  const read = readCount(observer);

  /**
   * Reads the root's text again from `from` on (the page changed it, or the scan starts: then
   * `from` is the root's first text node, and its text is the root's, which the browser hands
   * over natively without a walk).
   */
  function readFrom(from: Text | null, first = false): void {
    read.upTo(nodeStart);
    read.newText();
    node = from;
    nodeStart = 0;
    searchFrom = 0;
    looked = null;
    if (!from || !readable) {
      text = '';
      return;
    }
    text =
      first && root.nodeType !== Node.DOCUMENT_NODE
        ? (root.textContent ?? '')
        : textFrom(root, from);
  }

  const inRoot = (n: Node) => n === root || (n.isConnected && root.contains(n));

  /** Where to go on from; false when there is nothing sensible left to scan. */
  function resume(): boolean {
    if (!started) {
      started = true;
      readFrom(walker.nextNode() as Text | null, true);
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

  /** The page changed the text under the scan: read it again from `node` on, while allowed. */
  function readAgain(): boolean {
    if (++rereads > MAX_REREADS) {
      return false;
    }
    readFrom(node);
    return true;
  }

  /**
   * Moves past `end` (the run just collected, or a region left alone), which holds `node`:
   * the next node is the first after it, and its place in `text` is `node`'s plus the text
   * between, which the browser measures.
   */
  function passAfter(end: Node): void {
    range.setStart(node as Text, 0);
    range.setEndAfter(end);
    nodeStart += range.toString().length;
    let lastInside = end;
    while (lastInside.lastChild) {
      lastInside = lastInside.lastChild;
    }
    walker.currentNode = lastInside;
    node = walker.nextNode() as Text | null;
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
      // The page's text is not kept past the scan.
      text = '';
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
      // Walk to the node the place starts in.
      while (node && nodeStart + node.length <= start) {
        nodeStart += node.length;
        node = walker.nextNode() as Text | null;
        if (++steps % STEPS_PER_CHECK === 0 && !more()) {
          return pause();
        }
      }
      if (!node) {
        return finished();
      }
      if (!inStep()) {
        if (!readAgain()) {
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
