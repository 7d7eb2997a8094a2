/**
 * Which highlighted term the keyboard shortcuts move to: the next or previous one in reading
 * order from the term whose tooltip is open, or, when none is, from what the reader sees.
 */

export type Direction = 1 | -1;

/** The document a node is drawn in: a node inside a shadow root counts where its host is. */
function lift(node: Node): Node {
  let at = node;
  for (let root = at.getRootNode(); root instanceof ShadowRoot; root = at.getRootNode()) {
    at = root.host;
  }
  return at;
}

/** Reading order, shadow roots included (their contents read where their host is). */
export function readingOrder(a: Node, b: Node): number {
  if (a === b) {
    return 0;
  }
  const same = a.getRootNode() === b.getRootNode();
  const [x, y] = same ? [a, b] : [lift(a), lift(b)];
  if (x === y) {
    return 0;
  }
  return x.compareDocumentPosition(y) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/**
 * The term to move to among `terms` (in reading order): after or before `current`, wrapping
 * round; without a current term, the first one that starts in or below the viewport (forward)
 * or the last one that ends above its bottom (back).
 */
export function nextTerm(
  terms: readonly Element[],
  current: Element | null,
  direction: Direction,
  viewportHeight: number,
): Element | null {
  if (!terms.length) {
    return null;
  }
  const at = current ? terms.indexOf(current) : -1;
  if (at >= 0) {
    return terms[(at + direction + terms.length) % terms.length] ?? null;
  }
  if (direction === 1) {
    return terms.find((t) => t.getBoundingClientRect().top >= 0) ?? terms[0] ?? null;
  }
  return (
    terms.findLast((t) => t.getBoundingClientRect().bottom <= viewportHeight) ??
    terms.at(-1) ??
    null
  );
}
