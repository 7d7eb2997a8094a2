/**
 * Watches the page's own changes to the text we highlight and to the text it adds.
 *
 * Frameworks (React, Vue, ...) hold references to the text nodes they rendered and later
 * rewrite or remove them. mark.js split such a node: the page's node keeps the text before the
 * first highlight, our elements hold the rest. When the page rewrites (`node.data = ...`) or
 * removes that node, the highlights cut from it are stale, so they go before the browser paints
 * (mutation observers run as microtasks). Text the page adds or changes is reported, so it can
 * be highlighted in turn. Our own DOM changes (run through `ours`) are never reported.
 */
export interface GuardWiring {
  /** True for a page text node that highlights were cut from. */
  has(origin: Node): boolean;
  /**
   * Removes the highlights cut from each of `origins`, leaving the page's nodes as the page set
   * them: all of one callback's at once, so a page rewriting 10,000 nodes costs one pass.
   */
  drop(origins: ReadonlySet<Node>): void;
  /** Page content that appeared or changed and may hold terms now. */
  changed(nodes: Node[]): void;
  /** The page removed nodes: highlights inside them may be gone with them. */
  removed(): void;
}

export interface PageEditGuard {
  /** Runs our own DOM changes without treating them as the page's. */
  ours<T>(change: () => T): T;
  /** Watches one more tree, an open shadow root: the document's observer does not see into it. */
  observe(root: Node): void;
  disconnect(): void;
}

export function guardAgainstPageEdits(root: Node, wiring: GuardWiring): PageEditGuard {
  const observer = new MutationObserver((records) => {
    const changed: Node[] = [];
    const stale = new Set<Node>();
    let removed = false;
    for (const record of records) {
      if (record.type === 'characterData') {
        if (wiring.has(record.target)) {
          stale.add(record.target);
        }
        changed.push(record.target);
        continue;
      }
      for (const node of record.removedNodes) {
        removed = true;
        if (wiring.has(node)) {
          stale.add(node);
        }
      }
      for (const added of record.addedNodes) {
        changed.push(added);
      }
    }
    if (stale.size) {
      wiring.drop(stale);
    }
    // Dropping changed the DOM too; those records are ours.
    observer.takeRecords();
    if (changed.length) {
      wiring.changed(changed);
    }
    if (removed) {
      wiring.removed();
    }
  });
  const watched = { characterData: true, childList: true, subtree: true };
  observer.observe(root, watched);
  return {
    observe: (more) => observer.observe(more, watched),
    ours(change) {
      try {
        return change();
      } finally {
        observer.takeRecords();
      }
    },
    disconnect: () => observer.disconnect(),
  };
}
