import Mark from 'mark.js';
import type { Matcher } from '../match/matcher';
import { guardAgainstPageEdits, type PageEditGuard } from './guard';
import { collectSegments } from './segments';

/** The attribute every highlight carries: the page-facing contract (`data-glossary-term="bias"`). */
export const TERM_ATTRIBUTE = 'data-glossary-term';
/**
 * Our own element, not <mark>: it has no default look and no role, so page rules for `mark`
 * never reach it, screen readers do not announce every term as "highlighted", and should the
 * browser drop the extension without telling the page (Firefox on disable), what stays behind
 * shows nothing until it is cleaned up.
 */
export const TERM_ELEMENT = 'eaig-term';

/** How long changes to the page gather before one pass highlights them. */
const PENDING_DELAY_MS = 100;

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
  /** Highlights every glossary term under `root`; returns how many highlight elements it added. */
  highlight(root: Node): number;
  /** Removes every highlight, giving the text back to the page's own text nodes. */
  clear(): void;
  /** The highlight elements currently on the page, in creation order. */
  readonly marks: readonly HTMLElement[];
  /** The term id of a highlight element of ours, or null for anything else. */
  termOf(target: EventTarget | null): string | null;
  /** All the elements of the one occurrence `mark` belongs to (a term split by markup has several). */
  occurrenceOf(mark: Element): readonly HTMLElement[];
}

export function createHighlighter(matcher: Matcher): Highlighter {
  let created: Created[] = [];
  // Every element of one occurrence shares one array; WeakMap so cleared marks are collectable.
  let occurrences = new WeakMap<Element, HTMLElement[]>();
  /** Page text node -> what was cut from it; split-off node -> the page node it came from. */
  let byOrigin = new Map<Node, Created[]>();
  let originOfRest = new WeakMap<Node, Node>();
  let guard: PageEditGuard | null = null;

  function record(mark: HTMLElement): void {
    const before = mark.previousSibling;
    const origin = (before && originOfRest.get(before)) ?? before;
    const entry = { mark, rest: mark.nextSibling, origin };
    created.push(entry);
    if (entry.rest && origin) originOfRest.set(entry.rest, origin);
    if (!origin) return;
    const cut = byOrigin.get(origin);
    if (cut) cut.push(entry);
    else byOrigin.set(origin, [entry]);
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
  }

  /** Page content added or changed since the last pass, highlighted together shortly. */
  const pending = new Set<Node>();
  let pendingTimer: ReturnType<typeof setTimeout> | undefined;

  function queue(nodes: Node[]): void {
    for (const node of nodes) {
      // A text node is scanned with its parent, so a term it completes is found whole.
      const target = node.nodeType === Node.TEXT_NODE ? node.parentNode : node;
      if (target && target.nodeType === Node.ELEMENT_NODE) pending.add(target);
    }
    pendingTimer ??= setTimeout(flushPending, PENDING_DELAY_MS);
  }

  function flushPending(): void {
    pendingTimer = undefined;
    const roots = new Set([...pending].filter((n) => n.isConnected));
    pending.clear();
    // Scan only the outermost changed nodes: one inside another changed node is scanned with it.
    const inside = (node: Node) => {
      for (let up = node.parentNode; up; up = up.parentNode) if (roots.has(up)) return true;
      return false;
    };
    for (const node of roots) if (!inside(node)) highlight(node);
  }

  function highlight(root: Node): number {
    guard ??= guardAgainstPageEdits(root.ownerDocument?.body ?? root, {
      has: (node) => byOrigin.has(node),
      drop,
      changed: queue,
    });
    return guard.ours(() => highlightRuns(root));
  }

  function highlightRuns(root: Node): number {
    const before = created.length;
    const selected = selectedRanges(root);
    for (const segment of collectSegments(root)) {
      const matches = matcher.find(segment.text);
      if (!matches.length) continue;
      // Splitting text the user is selecting would change or drop their selection.
      if (selected.some((r) => segment.nodes.some((n) => r.intersectsNode(n)))) continue;
      // Hidden by the page's CSS (a closed menu, a collapsed section): nobody reads it there.
      // Asked only for runs that matched, so the style lookup stays off the common path.
      if (!isRendered(segment.nodes[0]?.parentElement)) continue;
      const parts = new Map<TermRange, HTMLElement[]>();
      const ranges: TermRange[] = matches.map((m) => ({
        start: m.start,
        length: m.end - m.start,
        termId: m.termId,
      }));
      // mark.js treats a list of contexts as one text: handing it exactly the segment's text
      // nodes makes its offsets ours, and it touches nothing else on the page.
      new Mark(segment.nodes as unknown as HTMLElement[]).markRanges(ranges, {
        element: TERM_ELEMENT,
        each: (element, range) => {
          const termRange = range as TermRange;
          const mark = element as HTMLElement;
          mark.setAttribute(TERM_ATTRIBUTE, termRange.termId);
          record(mark);
          const group = parts.get(termRange) ?? [];
          group.push(mark);
          parts.set(termRange, group);
          occurrences.set(mark, group);
        },
      });
    }
    return created.length - before;
  }

  function clear(): void {
    // Stop watching first: the unwrapping below is ours, and nothing is left to guard after it.
    guard?.disconnect();
    guard = null;
    // Newest first: each mark's text then flows back into the node mark.js split it from.
    for (let i = created.length - 1; i >= 0; i--) unwrap(created[i] as Created);
    clearTimeout(pendingTimer);
    pendingTimer = undefined;
    pending.clear();
    created = [];
    occurrences = new WeakMap();
    byOrigin = new Map();
    originOfRest = new WeakMap();
  }

  return {
    highlight,
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
  };
}

function isRendered(el: Element | null | undefined): boolean {
  if (!el) return false;
  // checkVisibility is in every browser we ship to; jsdom (unit tests) lacks it.
  return (
    typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true })
  );
}

/** The user's non-empty selection ranges in `root`'s document. */
function selectedRanges(root: Node): Range[] {
  const doc = root.ownerDocument ?? (root as Document);
  const selection = doc.getSelection?.();
  if (!selection || selection.isCollapsed) return [];
  const ranges: Range[] = [];
  for (let i = 0; i < selection.rangeCount; i++) ranges.push(selection.getRangeAt(i));
  return ranges;
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
  if (!parent) return;
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
