import type { Matcher, TermMatch } from '../match/matcher';
import { createWordPolicy } from '../topic/word-policy';
import { createChangeBatch } from './batch';
import type { Highlighter, HighlighterOptions } from './contract';
import { guardAgainstPageEdits, type PageEditGuard } from './guard';
import { createLedger } from './ledger';
import { createSegmentScan, type SegmentScan } from './scan';
import { isInSkippedRegion, isIntact, isRendered, type TextSegment } from './segments';
import { type SelectionWatch, watchSelection } from './selection';
import { shadowRootSearch } from './shadow';
import { createSliceQueue, SLICE_MS, type Step } from './slices';
import { KNOWN_ATTRIBUTE, type TermRange, wrapRanges } from './wrap';

export type { Highlighter, HighlighterOptions, PageReading } from './contract';

/** How long changes to the page gather before one pass highlights them. */
const PENDING_DELAY_MS = 100;

const NO_TERMS: ReadonlySet<string> = new Set();

export function createHighlighter(
  matcher: Matcher,
  {
    density = 'every',
    everyday = NO_TERMS,
    reading,
    countOnly = NO_TERMS,
    onShadowRoot,
    look,
    onMarksChanged,
    known: knownAtStart = NO_TERMS,
    knownLook = 'hidden',
  }: HighlighterOptions = {},
): Highlighter {
  const ledger = createLedger();
  let known = knownAtStart;
  const faint = knownLook === 'faint';
  const policy = createWordPolicy({
    density,
    everyday,
    countOnly,
    verdict: reading,
    hidden: faint ? NO_TERMS : known,
  });
  const wants = policy.wants;
  /** Runs holding everyday words, found before the page's topic was known. */
  let waiting: TextSegment[] = [];
  let guard: PageEditGuard | null = null;
  let selection: SelectionWatch | null = null;
  /** What the highlighter was asked to highlight first (the page's body): looked at again. */
  let page: Node | null = null;

  /** The page rewrote or removed `origins`: what we cut from them no longer belongs there. */
  function drop(origins: ReadonlySet<Node>): void {
    if (ledger.drop(origins)) {
      recountShown();
      onMarksChanged?.();
    }
  }

  /** A term whose only highlight went with the page's text is free to be shown again. */
  function recountShown(): void {
    policy.recount(() => ledger.termIds);
  }

  /** Page content added or changed since the last pass, highlighted together shortly. */
  const batch = createChangeBatch(PENDING_DELAY_MS, ({ roots, removed }) => {
    if (removed) {
      prune();
    }
    for (const node of roots) {
      void highlightSoon(node);
    }
  });

  function watch(root: Node): void {
    guard ??= guardAgainstPageEdits(root.ownerDocument?.body ?? root, {
      has: ledger.cutFrom,
      drop,
      changed: batch.add,
      removed: batch.removed,
    });
  }

  /** Forgets highlights the page removed along with a whole subtree. */
  function prune(): void {
    if (ledger.prune()) {
      recountShown();
      onMarksChanged?.();
    }
  }

  /** Scanning and wrapping `root`, then settling the page's topic: one job for either pace. */
  function textStep(root: Node): Step {
    page ??= root;
    watch(root);
    const scan = newScan(root);
    return (more) => {
      const { segments, done } = scan.run(more);
      wrapAll(segments, root);
      if (done) {
        decideTopic(root);
      }
      return done;
    };
  }

  function highlight(root: Node): number {
    const before = ledger.size;
    const step = textStep(root);
    while (!step(() => true)) {}
    return ledger.size - before;
  }

  const slices = createSliceQueue(SLICE_MS);
  /** Open shadow roots already being highlighted. */
  let entered = new WeakSet<ShadowRoot>();

  function highlightSoon(root: Node): Promise<number> {
    const text = textStep(root);
    let added = 0;
    let shadows: Step | null = null;
    const step: Step = (more) => {
      const before = ledger.size;
      try {
        if (!shadows) {
          if (!text(more)) {
            return false;
          }
          shadows = shadowRootSearch(root, enterShadowRoot);
        }
        return shadows(more);
      } finally {
        added += ledger.size - before;
      }
    };
    return slices.add(step).then(() => added);
  }

  function searchShadowRoots(root: Node): Promise<void> {
    return slices.add(shadowRootSearch(root, enterShadowRoot));
  }

  function enterShadowRoot(shadow: ShadowRoot, host: Element): void {
    if (entered.has(shadow) || isInSkippedRegion(host)) {
      return;
    }
    entered.add(shadow);
    guard?.observe(shadow);
    onShadowRoot?.(shadow);
    void highlightSoon(shadow);
  }

  /** A scan of `root`; the first ones also count the page's text toward its topic. */
  function newScan(root: Node): SegmentScan {
    // Until a page counts as in the course's domain, what it adds later is counted too.
    return createSegmentScan(root, matcher, wants, policy.counting ? reading : undefined);
  }

  /**
   * After the first pass: the page's topic is known, so the runs that waited for it (those
   * with everyday words) are highlighted with what the topic allows. A run the page changed
   * meanwhile is scanned again instead, from its current text.
   */
  function decideTopic(root: Node): void {
    const settled = policy.settle();
    if (settled === 'grew') {
      const doc = root.ownerDocument ?? (root as Document);
      // Shadow roots already entered hold everyday words too: enter them all again.
      entered = new WeakSet();
      void highlightSoon(doc.body ?? root);
      return;
    }
    if (settled !== 'decided') {
      return;
    }
    const ready: TextSegment[] = [];
    for (const segment of waiting) {
      if (isIntact(segment)) {
        ready.push(segment);
      } else {
        batch.add(segment.nodes.filter((n) => n.isConnected));
      }
    }
    waiting = [];
    wrapAll(ready, root);
  }

  /**
   * Reads first, then writes: every question about the page (selection, visibility) is asked
   * before the first highlight goes in, so the browser works out the page's style once, not
   * once per highlight.
   */
  function wrapAll(segments: readonly TextSegment[], root: Node): void {
    if (!segments.length) {
      return;
    }
    selection ??= watchSelection(root.ownerDocument ?? (root as Document));
    const selected = selection.ranges();
    const toWrap: Array<{ segment: TextSegment; matches: TermMatch[] }> = [];
    for (const segment of segments) {
      const matches = (segment.matches ?? matcher.find(segment.text)).filter((m) =>
        wants(m.termId),
      );
      if (!matches.length) {
        continue;
      }
      // Splitting text the user is selecting would change or drop their selection.
      if (selected.some((r) => segment.nodes.some((n) => r.intersectsNode(n)))) {
        continue;
      }
      // Hidden by the page's CSS (a closed menu, a collapsed section): nobody reads it there.
      // Asked only for runs that matched, so the style lookup stays off the common path.
      if (!isRendered(segment.nodes[0]?.parentElement)) {
        continue;
      }
      // Everyday words wait until the page's topic says whether they belong.
      if (policy.waitsForTopic(matches.map((m) => m.termId))) {
        waiting.push(segment);
        continue;
      }
      toWrap.push({ segment, matches });
    }
    if (!toWrap.length) {
      return;
    }
    guard?.ours(() => {
      for (const { segment, matches } of toWrap) {
        try {
          wrap(segment, matches);
        } catch (error) {
          // One run we cannot change (a node the page locked, say) must not cost the rest of
          // the page its highlights; whatever was wrapped before the failure is tracked.
          console.debug('Ethical AI Glossary: skipped a run of text:', error);
        }
      }
    });
    onMarksChanged?.();
  }

  function wrap(segment: TextSegment, matches: readonly TermMatch[]): void {
    const ranges: TermRange[] = [];
    for (const m of matches) {
      // The first-occurrence density keeps one per term, across runs and passes.
      if (!wants(m.termId)) {
        continue;
      }
      policy.shown(m.termId);
      ranges.push({ start: m.start, length: m.end - m.start, termId: m.termId });
    }
    if (!ranges.length) {
      return;
    }
    wrapRanges(segment.nodes, ranges, ledger, look, faint ? known : NO_TERMS);
  }

  function setKnown(next: ReadonlySet<string>): void {
    const before = known;
    known = next;
    if (faint) {
      guard?.ours(() => {
        for (const mark of ledger.marks) {
          mark.toggleAttribute(KNOWN_ATTRIBUTE, next.has(ledger.termOf(mark) ?? ''));
        }
      });
      return;
    }
    policy.hide(next);
    const learnt = new Set([...next].filter((id) => !before.has(id)));
    if (learnt.size && guard?.ours(() => ledger.removeTerms(learnt))) {
      recountShown();
      onMarksChanged?.();
    }
    if (page && [...before].some((id) => !next.has(id))) {
      // Its words are in the page's text again: the whole page, shadow roots too, is read
      // again for them, as when a page grows into the course's domain.
      entered = new WeakSet();
      void highlightSoon(page);
    }
  }

  function clear(): void {
    // Stop watching first: the unwrapping below is ours, and nothing is left to guard after it.
    guard?.disconnect();
    guard = null;
    selection?.stop();
    selection = null;
    ledger.unwrapAll();
    batch.clear();
    slices.clear();
    policy.reset();
    waiting = [];
    entered = new WeakSet();
    page = null;
  }

  return {
    highlight,
    highlightSoon,
    searchShadowRoots,
    clear,
    setKnown,
    get marks() {
      return ledger.marks;
    },
    // What the ledger noted when the highlight was made: the page may rewrite the attribute.
    termOf: (target) => (target ? ledger.termOf(target as Element) : null),
    occurrenceOf: ledger.occurrenceOf,
    get inDomain() {
      return policy.inDomain;
    },
    termsIn: (text) => [...new Set(matcher.find(text).map((m) => m.termId))],
    allows: policy.allows,
  };
}
