/**
 * Keeps our highlights from contradicting the page. Frameworks (React, Vue, ...) hold
 * references to the text nodes they rendered and later rewrite or remove them. mark.js split
 * such a node: the page's node keeps the text before the first highlight, our elements hold the
 * rest. When the page rewrites (`node.data = ...`) or removes that node, the highlights cut from
 * it are stale, so they go, before the browser paints (mutation observers run as microtasks).
 */
export interface OwnedOrigins {
  /** True for a page text node that highlights were cut from. */
  has(origin: Node): boolean;
  /** Removes the highlights cut from `origin`, leaving the page's node as the page set it. */
  drop(origin: Node): void;
}

export interface PageEditGuard {
  /** Runs our own DOM changes without treating them as the page's. */
  ours<T>(change: () => T): T;
  disconnect(): void;
}

export function guardAgainstPageEdits(root: Node, owned: OwnedOrigins): PageEditGuard {
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') {
        if (owned.has(record.target)) owned.drop(record.target);
        continue;
      }
      for (const removed of record.removedNodes) {
        if (owned.has(removed)) owned.drop(removed);
      }
    }
    // Dropping changed the DOM too; those records are ours.
    observer.takeRecords();
  });
  observer.observe(root, { characterData: true, childList: true, subtree: true });
  return {
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
