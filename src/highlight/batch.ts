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

export function createChangeBatch(
  delayMs: number,
  handle: (batch: { roots: Node[]; removed: boolean }) => void,
): ChangeBatch {
  const pending = new Set<Node>();
  let removed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    timer ??= setTimeout(flush, delayMs);
  };

  function flush(): void {
    timer = undefined;
    const connected = new Set([...pending].filter((n) => n.isConnected));
    pending.clear();
    // Only the outermost changed nodes: one inside another is scanned with it.
    const inside = (node: Node) => {
      for (let up = node.parentNode; up; up = up.parentNode) {
        if (connected.has(up)) {
          return true;
        }
      }
      return false;
    };
    const batch = { roots: [...connected].filter((n) => !inside(n)), removed };
    removed = false;
    handle(batch);
  }

  return {
    add(nodes) {
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
    },
  };
}
