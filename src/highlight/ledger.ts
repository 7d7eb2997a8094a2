/**
 * Which highlight came from which of the page's text nodes. mark.js splits a text node
 * around each highlight; the ledger remembers, for every highlight, the page's node its text
 * was cut from (following split-off nodes back to it), so that when the page rewrites or
 * removes that node, exactly what was cut from it goes too, and so that switching off gives
 * each node its text back.
 */

export interface Created {
  readonly mark: HTMLElement;
  /** The term it was made for: the page can rewrite the attribute that shows it, not this. */
  readonly termId: string;
  /** The empty-or-remaining text node mark.js split off after the mark. */
  readonly rest: Node | null;
  /** The page's own text node this highlight's text was cut from. */
  readonly origin: Node | null;
}

export interface Ledger {
  /** Notes a highlight mark.js just made for `termId`, right after it made it. */
  record(mark: HTMLElement, termId: string): void;
  /** Every element of one occurrence (a term split by markup has several) shares `group`. */
  group(mark: HTMLElement, group: HTMLElement[]): void;
  /** Whether anything was cut from `origin`. */
  cutFrom(origin: Node): boolean;
  /** The page rewrote or removed `origins`: removes what was cut from them; true if anything. */
  drop(origins: Iterable<Node>): boolean;
  /** Forgets highlights the page removed with their subtree; true if any were. */
  prune(): boolean;
  /** Removes the highlights made for `termIds`, newest first; true if there were any. */
  removeTerms(termIds: ReadonlySet<string>): boolean;
  readonly size: number;
  /** The highlight elements, in creation order. */
  readonly marks: readonly HTMLElement[];
  /** All the elements of the occurrence `mark` belongs to; empty for anything not ours. */
  occurrenceOf(mark: Element): readonly HTMLElement[];
  /** The term `mark` was made for; null for anything not ours. */
  termOf(mark: Element): string | null;
  /** The term of every highlight, in creation order. */
  readonly termIds: readonly string[];
  /** Removes every highlight, newest first, so each text flows back where it was cut from. */
  unwrapAll(): void;
}

export function createLedger(): Ledger {
  let created: Created[] = [];
  /** Page text node -> what was cut from it; split-off node -> the page node it came from. */
  let byOrigin = new Map<Node, Created[]>();
  let originOfRest = new WeakMap<Node, Node>();
  // WeakMaps, so cleared marks are collectable.
  let occurrences = new WeakMap<Element, HTMLElement[]>();
  let terms = new WeakMap<Element, string>();

  function index(entry: Created): void {
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

  /** Keeps the records `keep` accepts, indexed again; true if any went. */
  function keepOnly(keep: (entry: Created) => boolean): boolean {
    const kept = created.filter(keep);
    if (kept.length === created.length) {
      return false;
    }
    created = kept;
    byOrigin = new Map();
    for (const entry of kept) {
      index(entry);
    }
    return true;
  }

  return {
    record(mark, termId) {
      const before = mark.previousSibling;
      const origin = (before && originOfRest.get(before)) ?? before;
      const entry = { mark, termId, rest: mark.nextSibling, origin };
      terms.set(mark, termId);
      created.push(entry);
      if (entry.rest && origin) {
        originOfRest.set(entry.rest, origin);
      }
      index(entry);
    },
    group(mark, group) {
      occurrences.set(mark, group);
    },
    cutFrom: (origin) => byOrigin.has(origin),
    drop(origins) {
      const gone = new Set<Created>();
      for (const origin of origins) {
        for (const entry of byOrigin.get(origin) ?? []) {
          gone.add(entry);
          entry.mark.remove();
          if (entry.rest?.parentNode && entry.rest.nodeType === Node.TEXT_NODE) {
            (entry.rest as Text).remove();
          }
        }
        byOrigin.delete(origin);
      }
      // One pass over the list for the whole batch: linear in what there is, whatever goes.
      if (gone.size) {
        created = created.filter((c) => !gone.has(c));
      }
      return gone.size > 0;
    },
    prune() {
      // Keeping records of removed subtrees would keep them alive: a page that replaces its
      // content all day would grow without end.
      return keepOnly((c) => c.mark.isConnected);
    },
    removeTerms(termIds) {
      // Newest first, as unwrapAll: each text flows back into the node it was cut from, and a
      // node left holding nothing of ours is the page's own again, whole.
      for (let i = created.length - 1; i >= 0; i--) {
        const entry = created[i] as Created;
        if (termIds.has(entry.termId)) {
          unwrap(entry);
        }
      }
      return keepOnly((c) => !termIds.has(c.termId));
    },
    get size() {
      return created.length;
    },
    get marks() {
      return created.map((c) => c.mark);
    },
    occurrenceOf: (mark) => occurrences.get(mark) ?? [],
    termOf: (mark) => terms.get(mark) ?? null,
    get termIds() {
      return created.map((c) => c.termId);
    },
    unwrapAll() {
      for (let i = created.length - 1; i >= 0; i--) {
        unwrap(created[i] as Created);
      }
      created = [];
      occurrences = new WeakMap();
      terms = new WeakMap();
      byOrigin = new Map();
      originOfRest = new WeakMap();
    },
  };
}

/**
 * Gives a highlight's text back: into the text node before it, with the split-off node after
 * it, as mark.js cut them; or as a text node of its own where the page moved things around.
 */
export function unwrap({ mark, rest }: Pick<Created, 'mark' | 'rest'>): void {
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
    parent.replaceChild(mark.ownerDocument.createTextNode(text), mark);
  }
}
