import HIGHLIGHT_CSS from './highlight.css?inline';

/**
 * The highlight look inside open shadow roots. The browser injects highlight.css into the
 * document only, and a shadow root does not see the document's styles: each root we highlight
 * in adopts a constructed sheet with the same rules (not subject to the page's CSP either),
 * which goes again when highlighting stops.
 */
export function createShadowStyles() {
  let sheet: CSSStyleSheet | null = null;
  // Held weakly: a feed of web components makes and drops shadow roots all day, and a strong
  // set would keep every one alive. The list of references is pruned as it doubles.
  let styled = new WeakSet<ShadowRoot>();
  let refs: Array<WeakRef<ShadowRoot>> = [];
  let pruneAt = MIN_PRUNE;
  return {
    add(root: ShadowRoot): void {
      if (styled.has(root)) {
        return;
      }
      try {
        if (!sheet) {
          const made = new CSSStyleSheet();
          made.replaceSync(HIGHLIGHT_CSS);
          sheet = made;
        }
        root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
        styled.add(root);
        refs.push(new WeakRef(root));
        if (refs.length >= pruneAt) {
          refs = refs.filter((ref) => ref.deref() !== undefined);
          pruneAt = Math.max(MIN_PRUNE, refs.length * 2);
        }
      } catch {
        // A root that refuses the sheet keeps highlights without their underline: still
        // readable, still explained on hover.
      }
    },
    removeAll(): void {
      for (const ref of refs) {
        const root = ref.deref();
        try {
          if (root) {
            root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
          }
        } catch {
          // Nothing we can do for that root; it keeps its own sheets.
        }
      }
      refs = [];
      styled = new WeakSet();
      pruneAt = MIN_PRUNE;
    },
    /** How many roots it keeps a reference to (for tests). */
    get tracked(): number {
      return refs.length;
    },
  };
}

/** References kept before the first pruning. */
const MIN_PRUNE = 64;
