import { isSeparatorCode, isWordCode } from './chars';
import type { Step } from './matcher';

/**
 * Finds forms in text by walking a character trie: the engine for glossaries too large for
 * one regular expression. The engine compiles a pattern on its first use in every page, and
 * for thousands of terms (a 350 KB pattern) that alone takes over 100 ms; a trie costs a few
 * milliseconds to build and is walked a character at a time. Same rules as the pattern:
 * whole words, any run of spaces or hyphens between words, the longest form at a position.
 */

export interface ScanNode {
  end: boolean;
  readonly next: Map<number, ScanNode>;
  sep: ScanNode | null;
}

const node = (): ScanNode => ({ end: false, next: new Map(), sep: null });

/** The trie of every form's steps; null when a form has a character outside the BMP. */
export function buildScanTrie(forms: Iterable<readonly Step[]>): ScanNode | null {
  const root = node();
  for (const steps of forms) {
    let at = root;
    for (const step of steps) {
      if (step === 'separators') {
        at.sep ??= node();
        at = at.sep;
        continue;
      }
      const codes = step.map((ch) => (ch.length === 1 ? ch.charCodeAt(0) : -1));
      if (codes.includes(-1)) return null;
      // Every spelling of the character leads to the same node.
      const child = codes.map((c) => at.next.get(c)).find(Boolean) ?? node();
      for (const c of codes) at.next.set(c, child);
      at = child;
    }
    at.end = true;
  }
  return root;
}

/** A word character at `i` (the code point starting there), as the pattern's lookahead asks. */
function isWordAt(text: string, i: number): boolean {
  const cp = text.codePointAt(i);
  return cp !== undefined && isWordCode(cp);
}

/** The same test for the code point that ends just before `i`, as the lookbehind asks. */
function isWordBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const c = text.charCodeAt(i - 1);
  // A low surrogate: the code point started one unit earlier.
  const start = c >= 0xdc00 && c <= 0xdfff && i >= 2 ? i - 2 : i - 1;
  return isWordAt(text, start);
}

/** The end of the longest form starting at `i` and ending on a word boundary, or -1. */
function longestAt(root: ScanNode, text: string, i: number): number {
  let at: ScanNode = root;
  let pos = i;
  let best = -1;
  const length = text.length;
  for (;;) {
    if (at.end && !isWordAt(text, pos)) best = pos;
    if (pos >= length) break;
    const c = text.charCodeAt(pos);
    const child = at.next.get(c);
    if (child) {
      at = child;
      pos++;
    } else if (at.sep && isSeparatorCode(c)) {
      while (pos < length && isSeparatorCode(text.charCodeAt(pos))) pos++;
      at = at.sep;
    } else {
      break;
    }
  }
  return best;
}

/**
 * Every form in `text`, left to right, never overlapping, as [start, end] pairs; stops after
 * the first when `firstOnly`.
 */
export function scanText(root: ScanNode, text: string, firstOnly = false): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const length = text.length;
  for (let i = 0; i < length; i++) {
    if (!root.next.has(text.charCodeAt(i)) || isWordBefore(text, i)) continue;
    const end = longestAt(root, text, i);
    if (end < 0) continue;
    found.push([i, end]);
    if (firstOnly) break;
    i = end - 1;
  }
  return found;
}
