/**
 * Page changes gathered for a moment and handled together: a page that adds text in bursts
 * (a feed, a chat, a framework's render) costs one pass per burst, not one per change.
 */
export interface ChangeBatch {
  /** Text or elements the page added or changed: scanned with the next batch. */
  add(nodes: readonly Node[]): void;
  /** The page removed nodes: the next batch forgets highlights that went with them. */
  removed(): void;
  clear(): void;
}

/** Rescans of one node in a row, each soon after the last, before its next waits longer. */
const FREE_RESCANS = 3;
/** The longest a node that never stops changing waits between two scans. */
export const MAX_BACKOFF_MS = 5000;
/** A node quiet this long (or twice its current wait) starts afresh. */
const QUIET_MS = 1000;

/** How often and how lately one node was scanned as a root of a batch. */
interface Rescans {
  last: number;
  streak: number;
  /** Not scanned again before this time. */
  notBefore: number;
}

export function createChangeBatch(
  delayMs: number,
  handle: (batch: { roots: Node[]; removed: boolean }) => void,
  now: () => number = Date.now,
): ChangeBatch {
  /**
   * Changed nodes to scan, each with where the change happened, for backing off: the element
   * whose own text changed, or the parent an element was put into (a page that replaces a
   * container's content makes new elements each time; the container is what keeps changing).
   */
  const pending = new Map<Node, Node>();
  let removed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let due = 0;
  /**
   * A node whose text changes every moment (a ticker, a clock, a live score) would be scanned
   * whole each time without end: after a few rescans in a row, it waits twice as long each
   * time, up to MAX_BACKOFF_MS. Its stale highlights still go at once (guard.ts); only finding
   * new ones waits. Weak: a node the page drops is forgotten with it.
   */
  let rescans = new WeakMap<Node, Rescans>();
  const schedule = (wait = delayMs) => {
    const at = now() + wait;
    if (timer !== undefined && due <= at) {
      return;
    }
    clearTimeout(timer);
    due = at;
    timer = setTimeout(flush, wait);
  };

  /** Whether `node` may be scanned now; notes the scan when it may. */
  function mayScan(node: Node, time: number): boolean {
    const seen = rescans.get(node);
    if (seen && time < seen.notBefore) {
      return false;
    }
    const wait = seen ? seen.notBefore - seen.last : 0;
    const streak = seen && time - seen.last < Math.max(QUIET_MS, 2 * wait) ? seen.streak + 1 : 0;
    const backoff =
      streak >= FREE_RESCANS
        ? Math.min(delayMs * 2 ** (streak - FREE_RESCANS + 1), MAX_BACKOFF_MS)
        : 0;
    rescans.set(node, { last: time, streak, notBefore: time + backoff });
    return true;
  }

  function flush(): void {
    timer = undefined;
    const changed = new Map([...pending].filter(([n]) => n.isConnected));
    pending.clear();
    // Only the outermost changed nodes: one inside another is scanned with it.
    const inside = (node: Node) => {
      for (let up = node.parentNode; up; up = up.parentNode) {
        if (changed.has(up)) {
          return true;
        }
      }
      return false;
    };
    const time = now();
    const roots: Node[] = [];
    const decided = new Map<Node, boolean>();
    let next = Number.POSITIVE_INFINITY;
    for (const [node, where] of changed) {
      if (inside(node)) {
        continue;
      }
      let may = decided.get(where);
      if (may === undefined) {
        may = mayScan(where, time);
        decided.set(where, may);
      }
      if (may) {
        roots.push(node);
      } else {
        // Kept for later: what it says then is scanned then.
        pending.set(node, where);
        next = Math.min(next, (rescans.get(where) as Rescans).notBefore);
      }
    }
    if (pending.size) {
      schedule(Math.max(delayMs, next - time));
    }
    const batch = { roots, removed };
    removed = false;
    if (roots.length || batch.removed) {
      handle(batch);
    }
  }

  return {
    add(nodes) {
      for (const node of nodes) {
        // A text node is scanned with its parent, so a term it completes is found whole.
        const text = node.nodeType === Node.TEXT_NODE;
        const target = text ? node.parentNode : node;
        // An element, or a shadow root whose own text changed.
        if (
          target &&
          (target.nodeType === Node.ELEMENT_NODE || target.nodeType === Node.DOCUMENT_FRAGMENT_NODE)
        ) {
          pending.set(target, (text ? target : target.parentNode) ?? target);
        }
      }
      schedule();
    },
    removed() {
      removed = true;
      schedule();
    },
    clear() {
      clearTimeout(timer);
      timer = undefined;
      pending.clear();
      removed = false;
      rescans = new WeakMap();
    },
  };
}
