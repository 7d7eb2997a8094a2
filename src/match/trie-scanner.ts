import { isSeparatorCode, isWordAt, isWordBefore } from './chars';
import type { Step } from './steps';

/**
 * Finds forms in text by walking a character trie: the engine for glossaries too large for
 * one regular expression. The engine compiles a pattern on its first use in every page, and
 * for thousands of terms (a 350 KB pattern) that alone takes over 100 ms; a trie costs a few
 * milliseconds to build and is walked a character at a time. Same rules as the pattern:
 * whole words, any run of spaces or hyphens between words, the longest form at a position.
 */

/**
 * A node of the trie. Most nodes of a large glossary's trie have one child, reached by one
 * character in either case: that child is kept in the node itself (`one`, under `c1` and `c2`),
 * and only further children take a Map. A Map per node made 5,000 terms cost a page some
 * 80,000 Maps, most of its start with them in garbage collection.
 */
export interface ScanNode {
  end: boolean;
  /** The codes leading to `one`; -1 for none. */
  c1: number;
  c2: number;
  one: ScanNode | null;
  /** Every other child, by code. */
  more: Map<number, ScanNode> | null;
  sep: ScanNode | null;
}

const node = (): ScanNode => ({ end: false, c1: -1, c2: -1, one: null, more: null, sep: null });

/** The child `c` leads to, if any. */
function childAt(at: ScanNode, c: number): ScanNode | undefined {
  if (c === at.c1 || c === at.c2) {
    return at.one ?? undefined;
  }
  return at.more?.get(c);
}

/** Adds `child` under every code of one step (a character's spellings). */
function addChild(at: ScanNode, codes: readonly number[], child: ScanNode): void {
  if (!at.one && codes.length <= 2) {
    at.one = child;
    at.c1 = codes[0] ?? -1;
    at.c2 = codes[1] ?? -1;
    return;
  }
  at.more ??= new Map();
  for (const c of codes) {
    at.more.set(c, child);
  }
}

/** A step's character codes; null for a character outside the BMP. Kept per step: steps are shared. */
const stepCodes = new WeakMap<readonly string[], readonly number[] | null>();
function codesOf(step: readonly string[]): readonly number[] | null {
  let codes = stepCodes.get(step);
  if (codes === undefined) {
    codes = step.every((ch) => ch.length === 1) ? step.map((ch) => ch.charCodeAt(0)) : null;
    stepCodes.set(step, codes);
  }
  return codes;
}

/**
 * A trie built form by form, so a large glossary's can be built a slice at a time. `add` says
 * false for a form with a character outside the BMP: the trie cannot hold it.
 */
export function scanTrieBuilder(): {
  readonly root: ScanNode;
  add(steps: readonly Step[]): boolean;
} {
  const root = node();
  return {
    root,
    add(steps) {
      let at = root;
      for (const step of steps) {
        if (step === 'separators') {
          at.sep ??= node();
          at = at.sep;
          continue;
        }
        const codes = codesOf(step);
        if (!codes) {
          return false;
        }
        // Every spelling of the character leads to the same node.
        let child: ScanNode | undefined;
        for (const c of codes) {
          child ??= childAt(at, c);
        }
        if (!child) {
          child = node();
          addChild(at, codes, child);
        }
        at = child;
      }
      at.end = true;
      return true;
    },
  };
}

/**
 * The end of the longest form starting at `i`, or -1: ending on a word boundary, or anywhere
 * when `anywhere` (the form's letters are enough).
 */
function longestAt(root: ScanNode, text: string, i: number, anywhere = false): number {
  let at: ScanNode = root;
  let pos = i;
  let best = -1;
  const length = text.length;
  for (;;) {
    if (at.end && (anywhere || !isWordAt(text, pos))) {
      best = pos;
    }
    if (pos >= length) {
      break;
    }
    const c = text.charCodeAt(pos);
    const child = childAt(at, c);
    if (child) {
      at = child;
      pos++;
    } else if (at.sep && isSeparatorCode(c)) {
      while (pos < length && isSeparatorCode(text.charCodeAt(pos))) {
        pos++;
      }
      at = at.sep;
    } else {
      break;
    }
  }
  return best;
}

/** Every form in `text`, left to right, never overlapping, as [start, end] pairs. */
export function scanText(root: ScanNode, text: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const length = text.length;
  for (let i = 0; i < length; i++) {
    if (!childAt(root, text.charCodeAt(i)) || isWordBefore(text, i)) {
      continue;
    }
    const end = longestAt(root, text, i);
    if (end < 0) {
      continue;
    }
    found.push([i, end]);
    i = end - 1;
  }
  return found;
}

/**
 * The first place at or after `from` where a form's letters occur, word boundaries not asked
 * for, as [start, end] with the longest form there; null when there is none.
 */
export function firstAnywhere(root: ScanNode, text: string, from: number): [number, number] | null {
  const length = text.length;
  for (let i = from; i < length; i++) {
    if (!childAt(root, text.charCodeAt(i))) {
      continue;
    }
    const end = longestAt(root, text, i, true);
    if (end >= 0) {
      return [i, end];
    }
  }
  return null;
}
