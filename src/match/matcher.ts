/**
 * Turns glossary forms into one combined regular expression (or, for thousands of forms, a
 * character trie: trie-scanner.ts) and finds term occurrences in plain text. Pure: no DOM,
 * no browser APIs, so it is tested on strings.
 */

import { isSeparatorCode, isWordCode, SEPARATORS, WORD_CHAR } from './chars';
import { buildScanTrie, scanText } from './trie-scanner';

export interface MatchableTerm {
  readonly id: string;
  readonly forms: readonly string[];
}

export interface TermMatch {
  /** Offset of the first matched character in the text. */
  readonly start: number;
  /** Offset just past the last matched character. */
  readonly end: number;
  readonly termId: string;
}

export interface Matcher {
  readonly regex: RegExp;
  /** Every occurrence, left to right, never overlapping; at one position the longest form wins. */
  find(text: string): TermMatch[];
  /** True when `text` holds any form: find() without building its answer. */
  test(text: string): boolean;
  /**
   * True when `text` ends with the start of a form (or a whole one that may grow): a term the
   * page split with markup ("AI <em>governance</em>", a drop cap) may continue in the next node.
   */
  mayContinue(text: string): boolean;
}

const SEPARATOR_RUN = new RegExp(`[${SEPARATORS}]+`, 'gu');

/** A word with two or more capitals (AI, CRM, DPIAs) is an abbreviation and must match as written. */
export function isCaseSensitiveWord(word: string): boolean {
  return (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

function escapeChar(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

const APOSTROPHE_PATTERN = "['\u2018\u2019\u02bc]";
const APOSTROPHES = new RegExp(APOSTROPHE_PATTERN, 'g');
const IS_APOSTROPHE = new RegExp(APOSTROPHE_PATTERN);

const APOSTROPHE_CHARS: readonly string[] = ["'", '\u2018', '\u2019', '\u02bc'];

/**
 * One step of a form: a run of separators, or one character given as every spelling that
 * counts (either case for words, its own case for abbreviations, any apostrophe).
 */
export type Step = 'separators' | readonly string[];

/** The characters a form's word accepts, one entry per character of the word. */
function charSteps(word: string): Step[] {
  const sensitive = isCaseSensitiveWord(word);
  return [...word].map((ch) => {
    // A straight and a curly apostrophe are the same to a reader: either matches either.
    if (IS_APOSTROPHE.test(ch)) return APOSTROPHE_CHARS;
    if (sensitive) return [ch];
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    return lower === upper || lower.length !== 1 || upper.length !== 1 ? [ch] : [lower, upper];
  });
}

/** A form as steps: one per character, one for each run of separators between its words. */
function formSteps(form: string): Step[] {
  return form
    .trim()
    .split(SEPARATOR_RUN)
    .flatMap((word, i) => (i ? ['separators' as const, ...charSteps(word)] : charSteps(word)));
}

const SEPARATOR_PATTERN = `[${SEPARATORS}]+`;

/** A step as a pattern: "[aA]", "\\+", the apostrophe class or the separator run. */
function stepPattern(step: Step): string {
  if (step === 'separators') return SEPARATOR_PATTERN;
  if (step === APOSTROPHE_CHARS) return APOSTROPHE_PATTERN;
  return step.length === 1 ? escapeChar(step[0] as string) : `[${step.join('')}]`;
}

interface TrieNode {
  end: boolean;
  readonly next: Map<string, TrieNode>;
}

function buildTrie(forms: readonly string[]): TrieNode {
  const root: TrieNode = { end: false, next: new Map() };
  for (const form of forms) {
    let node = root;
    for (const step of formSteps(form).map(stepPattern)) {
      let child = node.next.get(step);
      if (!child) {
        child = { end: false, next: new Map() };
        node.next.set(step, child);
      }
      node = child;
    }
    node.end = true;
  }
  return root;
}

/**
 * The forms as one pattern shaped like a trie: forms sharing a start share its pattern, so the
 * engine decides on the first characters instead of trying thousands of alternatives one by one
 * (5,000 terms as a flat list is hundreds of times slower). A greedy optional tail tries the
 * longer form first, so "AI governance framework" wins over "AI governance" and "AI".
 */
function triePattern(node: TrieNode): string {
  const branches = [...node.next].map(([step, child]) => step + triePattern(child));
  if (!branches.length) return '';
  const body = branches.length === 1 ? (branches[0] as string) : `(?:${branches.join('|')})`;
  return node.end ? `(?:${body})?` : body;
}

/**
 * Answers "does `text` end with a word some form has, or the start of one?" for every text node
 * of a page, so it avoids allocating in the common case: the last word is found by character
 * code, read backwards, and only a word whose first letter and length fit a form's word is
 * looked up as a string (lower case, with one space when separators follow it: "ai ", "gov").
 */
function lastWordTest(forms: Iterable<string>): (text: string) => boolean {
  const keys = new Set<string>();
  /** First letter (lower case code) and length of every key, as one number. */
  const shapes = new Set<number>();
  let longestWord = 0;
  for (const form of forms) {
    for (const word of form.split(' ')) {
      longestWord = Math.max(longestWord, word.length);
      for (let n = 1; n <= word.length; n++) {
        keys.add(word.slice(0, n));
        shapes.add(word.charCodeAt(0) * 256 + n);
      }
      // Any word may be followed by more words, in this form or a longer one.
      keys.add(`${word} `);
    }
  }
  return (text) => {
    // Most text nodes of a page are indentation or end with punctuation: the engine's own
    // trimEnd (the separators' white space) and one character settle them.
    let end = text.trimEnd().length;
    if (end === 0) return false;
    const lastChar = text.charCodeAt(end - 1);
    if (lastChar < 128 && !isWordCode(lastChar) && lastChar !== 45) return false;
    while (end > 0 && isSeparatorCode(text.charCodeAt(end - 1))) end--;
    let start = end;
    while (start > 0 && isWordCode(text.charCodeAt(start - 1))) {
      start--;
      if (end - start > longestWord) return false;
    }
    if (start === end) return false;
    const first = text.charCodeAt(start);
    // Lower-casing one ASCII capital; other scripts go straight to the string check.
    const lowerFirst = first >= 65 && first <= 90 ? first + 32 : first;
    if (first < 128 && !shapes.has(lowerFirst * 256 + (end - start))) return false;
    return keys.has(text.slice(start, end).toLowerCase() + (end < text.length ? ' ' : ''));
  };
}

/** Lower case, each run of separators one space, every apostrophe a straight one. */
function fold(text: string): string {
  return text.replace(SEPARATOR_RUN, ' ').replace(APOSTROPHES, "'").toLowerCase();
}

/** The key a matched text and a glossary form share: folded, without outer spaces. */
export function normalizeForm(text: string): string {
  return fold(text).trim();
}

/**
 * Above this many forms the matcher walks a character trie instead of running one combined
 * pattern: compiling a pattern of thousands of forms costs every page over 100 ms, while for
 * the course's glossary the engine's compiled pattern is the fastest scan there is.
 */
export const TRIE_ENGINE_ABOVE = 1000;

export interface MatcherOptions {
  /** Which engine finds forms; by default the pattern, or the trie for large glossaries. */
  readonly engine?: 'pattern' | 'trie';
  /**
   * The combined pattern's source, worked out ahead by `combinedPattern` for the same terms.
   * Building it costs a fresh page several milliseconds (every character of every form goes
   * through the trie), so the content script ships it ready-made.
   */
  readonly pattern?: string;
}

interface KeyedForm {
  readonly termId: string;
  readonly form: string;
}

/** Keyed by normalized form; the first term to claim a form keeps it (the schema forbids clashes). */
function formsByKey(terms: readonly MatchableTerm[]): Map<string, KeyedForm> {
  const byForm = new Map<string, KeyedForm>();
  for (const term of terms) {
    for (const form of term.forms) {
      const key = normalizeForm(form);
      if (!byForm.has(key)) byForm.set(key, { termId: term.id, form });
    }
  }
  return byForm;
}

/** Every form as one pattern, on word boundaries. */
function patternOf(forms: readonly string[]): string {
  return `(?<!${WORD_CHAR})${triePattern(buildTrie(forms))}(?!${WORD_CHAR})`;
}

/** The source of the one pattern that finds every form of `terms`, as `createMatcher` builds it. */
export function combinedPattern(terms: readonly MatchableTerm[]): string {
  return patternOf([...formsByKey(terms).values()].map((f) => f.form));
}

export function createMatcher(
  terms: readonly MatchableTerm[],
  options: MatcherOptions = {},
): Matcher {
  const byForm = formsByKey(terms);
  const forms = [...byForm.values()].map((f) => f.form);
  const engine = options.engine ?? (forms.length > TRIE_ENGINE_ABOVE ? 'trie' : 'pattern');
  const scanTrie = engine === 'trie' ? buildScanTrie(forms.map(formSteps)) : null;
  const buildPattern = () => new RegExp(options.pattern ?? patternOf(forms), 'gu');
  // With the trie, the pattern is built only if asked for (the benchmark's floor).
  let pattern: RegExp | null = scanTrie ? null : buildPattern();
  const regex = () => (pattern ??= buildPattern());
  // Every start of every form, normalised ("ai g", "data protection "): what a text node may
  // end with when the term goes on in the next one. Kept as strings, not as one more pattern,
  // so a page never pays to compile it.
  const formStarts = new Set<string>();
  for (const key of byForm.keys()) {
    // Proper starts only: a whole form ends the text as a term, unless a longer form goes on.
    for (let n = 1; n < key.length; n++) formStarts.add(key.slice(0, n));
  }
  const longestForm = Math.max(0, ...[...byForm.keys()].map((k) => k.length));
  const endsWithFormWord = lastWordTest(byForm.keys());

  /** Every occurrence as [start, end], from whichever engine this matcher uses. */
  function spans(text: string, firstOnly: boolean): Array<[number, number]> {
    if (scanTrie) return scanText(scanTrie, text, firstOnly);
    const found: Array<[number, number]> = [];
    // One compiled pattern for every call: a call runs to its end before it returns, so the
    // shared `lastIndex` never leaks between calls.
    const re = regex();
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      found.push([m.index, m.index + m[0].length]);
      if (firstOnly) break;
    }
    return found;
  }

  return {
    get regex() {
      return regex();
    },
    find(text: string): TermMatch[] {
      const found: TermMatch[] = [];
      for (const [start, end] of spans(text, false)) {
        const termId = byForm.get(normalizeForm(text.slice(start, end)))?.termId;
        if (termId) found.push({ start, end, termId });
      }
      return found;
    },
    test(text: string): boolean {
      // Run on every text node of a page: the pattern's own test(), no array to build.
      if (scanTrie) return scanText(scanTrie, text, true).length > 0;
      const re = regex();
      re.lastIndex = 0;
      return re.test(text);
    },
    mayContinue(text: string): boolean {
      // Nearly every text node ends with a word no form starts with: one look at it settles it.
      if (!endsWithFormWord(text)) return false;
      // Which word does the start of the form begin at? Fold the tail once, then try each word
      // start in it close enough to the end to begin a form.
      const from = Math.max(0, text.length - 2 * longestForm);
      const tail = fold(text.slice(from));
      for (let i = Math.max(0, tail.length - longestForm); i < tail.length; i++) {
        if (!isWordCode(tail.charCodeAt(i))) continue;
        const before = i > 0 ? tail.charCodeAt(i - 1) : from > 0 ? text.charCodeAt(from - 1) : NaN;
        if (isWordCode(before)) continue;
        if (formStarts.has(tail.slice(i))) return true;
      }
      return false;
    },
  };
}
