import Mark from 'mark.js';
import type { Matcher, TermMatch } from '../match/matcher';
import type { Density } from '../settings/settings';
import { TERM_ELEMENT } from './elements';
import { guardAgainstPageEdits, type PageEditGuard } from './guard';
import { createSegmentScan, type ScanObserver, type SegmentScan } from './scan';
import { isInSkippedRegion, type TextSegment } from './segments';
import { type SelectionWatch, watchSelection } from './selection';
import { shadowRootSearch } from './shadow';
import { createSliceQueue, type Step } from './slices';

/** The attribute every highlight carries: the page-facing contract (`data-glossary-term="bias"`). */
export const TERM_ATTRIBUTE = 'data-glossary-term';
/** How the highlight looks (highlight.css): "underline", "background" or "off". */
export const STYLE_ATTRIBUTE = 'data-glossary-style';
/**
 * Our own element, not <mark>: it has no default look and no role, so page rules for `mark`
 * never reach it, screen readers do not announce every term as "highlighted", and should the
 * browser drop the extension without telling the page (Firefox on disable), what stays behind
 * shows nothing until it is cleaned up.
 */

/** How long changes to the page gather before one pass highlights them. */
const PENDING_DELAY_MS = 100;
/**
 * The longest a slice of highlighting may run before it yields to the page. Well under the
 * 50 ms that makes a long task: one paragraph's wrapping can run past the clock check.
 */
const SLICE_MS = 12;

export interface HighlighterOptions {
  readonly density?: Density;
  /** Terms that are everyday words (bias, privacy): shown only on pages about AI. */
  readonly everyday?: ReadonlySet<string>;
  /**
   * Reads the page's text during the first pass; everyday words wait for what it concludes.
   * Without one, everyday words are highlighted everywhere.
   */
  readonly reading?: PageReading;
  /** Terms the matcher finds only so the topic can count them: never highlighted. */
  readonly countOnly?: ReadonlySet<string>;
  /** Called for each open shadow root the highlighter enters, so the caller can style it. */
  readonly onShadowRoot?: (root: ShadowRoot) => void;
  /** The look of the highlights, written on each (STYLE_ATTRIBUTE); the underline without. */
  readonly look?: string;
  /** Called after highlights were added or taken away (several changes may share one call). */
  readonly onMarksChanged?: () => void;
}

interface Created {
  readonly mark: HTMLElement;
  /** The empty-or-remaining text node mark.js split off after the mark. */
  readonly rest: Node | null;
  /** The page's own text node this highlight's text was cut from. */
  readonly origin: Node | null;
}

interface TermRange {
  start: number;
  length: number;
  termId: string;
}

export interface Highlighter {
  /**
   * Highlights every glossary term under `root` at once; returns how many highlight elements it
   * added. For a page, `highlightSoon` keeps the page responsive while it works.
   */
  highlight(root: Node): number;
  /** The same in slices, none long enough to delay the page; resolves with the count when done. */
  highlightSoon(root: Node): Promise<number>;
  /**
   * Looks under `root` again for open shadow roots not entered yet and highlights them: a web
   * component the page defines late attaches its shadow root to an element already read, and
   * no DOM change tells.
   */
  searchShadowRoots(root: Node): Promise<void>;
  /** Removes every highlight, giving the text back to the page's own text nodes. */
  clear(): void;
  /** The highlight elements currently on the page, in creation order. */
  readonly marks: readonly HTMLElement[];
  /** The term id of a highlight element of ours, or null for anything else. */
  termOf(target: EventTarget | null): string | null;
  /** All the elements of the one occurrence `mark` belongs to (a term split by markup has several). */
  occurrenceOf(mark: Element): readonly HTMLElement[];
  /** Whether the page is about AI, once its first pass has read it (null before). */
  readonly aboutAI: boolean | null;
}

/** What the first pass learns by reading the whole page. */
export interface PageReading extends ScanObserver {
  /** Whether the page is about AI: everyday words are highlighted only then. */
  readonly aboutAI: boolean;
  /** Whether the page uses the term's word in another sense than the course's. */
  usesOtherSense(termId: string): boolean;
}

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
  }: HighlighterOptions = {},
): Highlighter {
  let created: Created[] = [];
  /** Terms with at least one highlight on the page, for the first-occurrence density. */
  let shown = new Set<string>();
  /** Whether the page is about AI: unknown until the first pass has read it. */
  let aboutAI: boolean | null = reading && everyday.size ? null : true;
  /** Runs holding everyday words, found before the page's topic was known. */
  let waiting: TextSegment[] = [];
  const wants = (termId: string) =>
    !countOnly.has(termId) &&
    (aboutAI !== false || !everyday.has(termId)) &&
    (density === 'every' || !shown.has(termId)) &&
    // Asked only once the first pass has read the whole page (everyday words wait for it).
    (aboutAI === null || !everyday.has(termId) || !reading?.usesOtherSense(termId));
  // Every element of one occurrence shares one array; WeakMap so cleared marks are collectable.
  let occurrences = new WeakMap<Element, HTMLElement[]>();
  /** Page text node -> what was cut from it; split-off node -> the page node it came from. */
  let byOrigin = new Map<Node, Created[]>();
  let originOfRest = new WeakMap<Node, Node>();
  let guard: PageEditGuard | null = null;
  let selection: SelectionWatch | null = null;

  function record(mark: HTMLElement): void {
    const before = mark.previousSibling;
    const origin = (before && originOfRest.get(before)) ?? before;
    const entry = { mark, rest: mark.nextSibling, origin };
    created.push(entry);
    if (entry.rest && origin) {
      originOfRest.set(entry.rest, origin);
    }
    indexByOrigin(entry);
  }

  function indexByOrigin(entry: Created): void {
    if (!entry.origin) {
      return;
    }
    const cut = byOrigin.get(entry.origin);
    if (cut) {
      cut.push(entry);
    } else {
      byOrigin.set(entry.origin, [entry]);
    }
  }

  /** The page rewrote or removed `origin`: what we cut from it no longer belongs there. */
  function drop(origin: Node): void {
    const entries = byOrigin.get(origin) ?? [];
    byOrigin.delete(origin);
    for (const entry of entries) {
      entry.mark.remove();
      if (entry.rest?.parentNode && entry.rest.nodeType === Node.TEXT_NODE) {
        (entry.rest as Text).remove();
      }
    }
    const gone = new Set(entries);
    created = created.filter((c) => !gone.has(c));
    recountShown();
    if (entries.length) {
      onMarksChanged?.();
    }
  }

  /**
   * A term whose only highlight went with the page's text is free to be shown again. Only the
   * first-occurrence density keeps count: every page rewrite would pay for it otherwise.
   */
  function recountShown(): void {
    if (density === 'first') {
      shown = new Set(created.map((c) => c.mark.getAttribute(TERM_ATTRIBUTE) ?? ''));
    }
  }

  /** Page content added or changed since the last pass, highlighted together shortly. */
  const pending = new Set<Node>();
  let pendingTimer: ReturnType<typeof setTimeout> | undefined;

  function queue(nodes: Node[]): void {
    for (const node of nodes) {
      // A text node is scanned with its parent, so a term it completes is found whole.
      const target = node.nodeType === Node.TEXT_NODE ? node.parentNode : node;
      // An element, or a shadow root whose own text changed.
      if (
        target &&
        (target.nodeType === Node.ELEMENT_NODE || target.nodeType === Node.DOCUMENT_FRAGMENT_NODE)
      ) {
        pending.add(target);
      }
    }
    pendingTimer ??= setTimeout(flushPending, PENDING_DELAY_MS);
  }

  function flushPending(): void {
    pendingTimer = undefined;
    if (pruneDue) {
      prune();
    }
    const roots = new Set([...pending].filter((n) => n.isConnected));
    pending.clear();
    // Scan only the outermost changed nodes: one inside another changed node is scanned with it.
    const inside = (node: Node) => {
      for (let up = node.parentNode; up; up = up.parentNode) {
        if (roots.has(up)) {
          return true;
        }
      }
      return false;
    };
    for (const node of roots) {
      if (!inside(node)) {
        void highlightSoon(node);
      }
    }
  }

  function watch(root: Node): void {
    guard ??= guardAgainstPageEdits(root.ownerDocument?.body ?? root, {
      has: (node) => byOrigin.has(node),
      drop,
      changed: queue,
      removed: () => {
        pruneDue = true;
        pendingTimer ??= setTimeout(flushPending, PENDING_DELAY_MS);
      },
    });
  }

  /** Set when the page removed nodes since the last prune. */
  let pruneDue = false;

  /**
   * Forgets highlights the page removed along with a whole subtree (a paragraph, a list, a
   * route): keeping their records would keep the removed subtrees alive, and a page that
   * replaces its content all day would grow without end.
   */
  function prune(): void {
    pruneDue = false;
    const kept = created.filter((c) => c.mark.isConnected);
    if (kept.length === created.length) {
      return;
    }
    created = kept;
    byOrigin = new Map();
    for (const entry of kept) {
      indexByOrigin(entry);
    }
    recountShown();
    onMarksChanged?.();
  }

  /** Scanning and wrapping `root`, then settling the page's topic: one job for either pace. */
  function textStep(root: Node): Step {
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
    const before = created.length;
    const step = textStep(root);
    while (!step(() => true)) {}
    return created.length - before;
  }

  const slices = createSliceQueue(SLICE_MS);
  /** Open shadow roots already being highlighted. */
  let entered = new WeakSet<ShadowRoot>();

  function highlightSoon(root: Node): Promise<number> {
    const text = textStep(root);
    let added = 0;
    let shadows: Step | null = null;
    const step: Step = (more) => {
      const before = created.length;
      try {
        if (!shadows) {
          if (!text(more)) {
            return false;
          }
          shadows = shadowRootSearch(root, enterShadowRoot);
        }
        return shadows(more);
      } finally {
        added += created.length - before;
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
    // Until a page counts as about AI, what it adds later is counted too.
    return createSegmentScan(root, matcher, wants, aboutAI === true ? undefined : reading);
  }

  /**
   * After the first pass: the page's topic is known, so the runs that waited for it (those
   * with everyday words) are highlighted with what the topic allows. A run the page changed
   * meanwhile is scanned again instead, from its current text.
   */
  function decideTopic(root: Node): void {
    if (aboutAI === false && reading?.aboutAI) {
      // The page became about AI as it grew (a feed, a chat, a single-page app that moved on
      // from a blank shell): its everyday words are wanted now, everywhere on it.
      aboutAI = true;
      const doc = root.ownerDocument ?? (root as Document);
      // Shadow roots already entered hold everyday words too: enter them all again.
      entered = new WeakSet();
      void highlightSoon(doc.body ?? root);
      return;
    }
    if (aboutAI !== null) {
      return;
    }
    aboutAI = reading?.aboutAI ?? true;
    const ready: TextSegment[] = [];
    for (const segment of waiting) {
      const intact =
        segment.nodes.every((n) => n.isConnected) &&
        segment.nodes.map((n) => n.data).join('') === segment.text;
      if (intact) {
        ready.push(segment);
      } else {
        queue(segment.nodes.filter((n) => n.isConnected));
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
      if (aboutAI === null && matches.some((m) => everyday.has(m.termId))) {
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
      if (density === 'first') {
        shown.add(m.termId);
      }
      ranges.push({ start: m.start, length: m.end - m.start, termId: m.termId });
    }
    if (!ranges.length) {
      return;
    }
    const parts = new Map<TermRange, HTMLElement[]>();
    // mark.js treats a list of contexts as one text: handing it exactly the segment's text
    // nodes makes its offsets ours, and it touches nothing else on the page.
    new Mark(segment.nodes as unknown as HTMLElement[]).markRanges(ranges, {
      element: TERM_ELEMENT,
      each: (element, range) => {
        const termRange = range as TermRange;
        const mark = element as HTMLElement;
        mark.setAttribute(TERM_ATTRIBUTE, termRange.termId);
        if (look) {
          mark.setAttribute(STYLE_ATTRIBUTE, look);
        }
        record(mark);
        const group = parts.get(termRange) ?? [];
        group.push(mark);
        parts.set(termRange, group);
        occurrences.set(mark, group);
      },
    });
  }

  function clear(): void {
    // Stop watching first: the unwrapping below is ours, and nothing is left to guard after it.
    guard?.disconnect();
    guard = null;
    selection?.stop();
    selection = null;
    // Newest first: each mark's text then flows back into the node mark.js split it from.
    for (let i = created.length - 1; i >= 0; i--) {
      unwrap(created[i] as Created);
    }
    clearTimeout(pendingTimer);
    pendingTimer = undefined;
    pending.clear();
    slices.clear();
    shown = new Set();
    waiting = [];
    entered = new WeakSet();
    created = [];
    occurrences = new WeakMap();
    byOrigin = new Map();
    originOfRest = new WeakMap();
  }

  return {
    highlight,
    highlightSoon,
    searchShadowRoots,
    clear,
    get marks() {
      return created.map((c) => c.mark);
    },
    termOf(target) {
      const el = target as Element | null;
      return el && occurrences.has(el) ? el.getAttribute(TERM_ATTRIBUTE) : null;
    },
    occurrenceOf(mark) {
      return occurrences.get(mark) ?? [];
    },
    get aboutAI() {
      return aboutAI;
    },
  };
}

function isRendered(el: Element | null | undefined): boolean {
  if (!el) {
    return false;
  }
  // checkVisibility is in every browser we ship to; jsdom (unit tests) lacks it.
  return (
    typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true })
  );
}

/**
 * Unwraps highlights a previous run of the extension left on the page (Firefox removes a
 * disabled extension's scripts without notice). mark.js always leaves the original text node
 * before a highlight and a split-off node after it, so the same unwrap restores them.
 */
export function removeLeftoverHighlights(root: ParentNode): number {
  const leftovers = [...root.querySelectorAll<HTMLElement>(`${TERM_ELEMENT}[${TERM_ATTRIBUTE}]`)];
  for (let i = leftovers.length - 1; i >= 0; i--) {
    const mark = leftovers[i] as HTMLElement;
    const next = mark.nextSibling;
    unwrap({ mark, rest: next?.nodeType === Node.TEXT_NODE ? next : null });
  }
  return leftovers.length;
}

function unwrap({ mark, rest }: Pick<Created, 'mark' | 'rest'>): void {
  const parent = mark.parentNode;
  if (!parent) {
    return;
  }
  const text = mark.textContent ?? '';
  const before = mark.previousSibling;
  const tail = rest && rest.parentNode === parent && mark.nextSibling === rest ? rest : null;
  if (before && before.nodeType === Node.TEXT_NODE) {
    (before as Text).appendData(text + (tail ? (tail as Text).data : ''));
    mark.remove();
    tail?.parentNode?.removeChild(tail);
  } else {
    // The page moved things around the mark: give the text back as a node of its own.
    parent.replaceChild(mark.ownerDocument.createTextNode(text), mark);
  }
}
