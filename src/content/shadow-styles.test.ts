import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShadowStyles } from './shadow-styles';

/** A shadow root as far as the styles use one: its adopted sheets. */
type FakeRoot = { adoptedStyleSheets: CSSStyleSheet[] };
const asRoot = (root: FakeRoot) => root as unknown as ShadowRoot;

// jsdom has no constructable stylesheets: a stand-in that holds its text.
const realSheet = globalThis.CSSStyleSheet;
beforeAll(() => {
  globalThis.CSSStyleSheet = class {
    text = '';
    replaceSync(text: string) {
      this.text = text;
    }
  } as unknown as typeof CSSStyleSheet;
});
afterAll(() => {
  globalThis.CSSStyleSheet = realSheet;
});

/** V8's collector, reached without a command-line flag. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

describe('highlight styles in shadow roots', () => {
  it('adopts the sheet once per root and gives every root back its own sheets', () => {
    const styles = createShadowStyles();
    const own = {} as CSSStyleSheet;
    const root: FakeRoot = { adoptedStyleSheets: [own] };
    styles.add(asRoot(root));
    styles.add(asRoot(root));
    expect(root.adoptedStyleSheets).toHaveLength(2);
    styles.removeAll();
    expect(root.adoptedStyleSheets).toEqual([own]);
  });

  it('keeps no shadow root alive: a feed that drops its components leaves nothing held', async () => {
    const gc = collector();
    const styles = createShadowStyles();
    const kept: FakeRoot[] = [];
    const feed = (n: number) => {
      for (let i = 0; i < n; i++) {
        styles.add(asRoot({ adoptedStyleSheets: [] }));
      }
    };
    for (let round = 0; round < 20; round++) {
      feed(1000);
      const root = { adoptedStyleSheets: [] };
      kept.push(root);
      styles.add(asRoot(root));
      // WeakRefs let go only after the current job: wait a turn, then collect.
      await new Promise((resolve) => setTimeout(resolve, 0));
      gc();
    }
    feed(200);
    // 20,200 roots made; the 20 still on the "page", and at most the last pruning's leftovers.
    expect(styles.tracked).toBeLessThan(1000);
    styles.removeAll();
    expect(kept.every((root) => root.adoptedStyleSheets.length === 0)).toBe(true);
  });
});
