import HIGHLIGHT_CSS from './highlight.css?inline';

/**
 * The highlight look inside open shadow roots. The browser injects highlight.css into the
 * document only, and a shadow root does not see the document's styles: each root we highlight
 * in adopts a constructed sheet with the same rules (not subject to the page's CSP either),
 * which goes again when highlighting stops.
 */
export function createShadowStyles() {
  let sheet: CSSStyleSheet | null = null;
  const styled = new Set<ShadowRoot>();
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
      } catch {
        // A root that refuses the sheet keeps highlights without their underline: still
        // readable, still explained on hover.
      }
    },
    removeAll(): void {
      for (const root of styled) {
        try {
          root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
        } catch {
          // Nothing we can do for that root; it keeps its own sheets.
        }
      }
      styled.clear();
    },
  };
}
