import type { Step } from './slices';

/**
 * Finds the open shadow roots under `root`: web components render their text there, out of
 * the document's tree, where a TreeWalker over the document never goes. Walks elements, so it
 * runs as a job of its own, in slices, after the text is done.
 */
export function shadowRootSearch(
  root: Node,
  found: (shadow: ShadowRoot, host: Element) => void,
): Step {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  return (more) => {
    let count = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const host = node as Element;
      if (host.shadowRoot) {
        found(host.shadowRoot, host);
      }
      if (++count % 256 === 0 && !more()) {
        return false;
      }
    }
    return true;
  };
}
