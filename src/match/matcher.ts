/**
 * Turns glossary forms into one combined regular expression (or, for thousands of forms, a
 * character trie: trie-scanner.ts) and finds term occurrences in plain text. Pure: no DOM,
 * no browser APIs, so it is tested on strings.
 */

import { isWordAt, isWordBefore, WORD_CHAR } from './chars';
import { APOSTROPHES, formSteps, SEPARATOR_RUN, stepPattern } from './steps';
import { firstAnywhere, type ScanNode, scanText, scanTrieBuilder } from './trie-scanner';

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
  /** The engine that finds forms: the combined pattern, or the trie for large glossaries. */
  readonly engine: 'pattern' | 'trie';
  /** Every occurrence, left to right, never overlapping; at one position the longest form wins. */
  find(text: string): TermMatch[];
  /**
   * The first place at or after `from` where a form's letters occur, as [start, end] with the
   * longest form there, or null. Word boundaries are not asked for: text joined from a page's
   * nodes has none to trust ("...in 2024</td><td>bias" reads "2024bias"), so the caller checks
   * each place in its own node. A term the page split with markup ("AI <em>governance</em>")
   * is one place here.
   */
  candidate(text: string, from: number): [number, number] | null;
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
  if (!branches.length) {
    return '';
  }
  const body = branches.length === 1 ? (branches[0] as string) : `(?:${branches.join('|')})`;
  return node.end ? `(?:${body})?` : body;
}

/**
 * The key a matched text and a glossary form share: lower case, each run of separators one
 * space, every apostrophe a straight one, without outer spaces.
 */
export function normalizeForm(text: string): string {
  return text.replace(SEPARATOR_RUN, ' ').replace(APOSTROPHES, "'").toLowerCase().trim();
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
      if (!byForm.has(key)) {
        byForm.set(key, { termId: term.id, form });
      }
    }
  }
  return byForm;
}

const BOUNDARY_BEFORE = `(?<!${WORD_CHAR})`;
const BOUNDARY_AFTER = `(?!${WORD_CHAR})`;

/** Every form as one pattern, on word boundaries. */
function patternOf(forms: readonly string[]): string {
  return `${BOUNDARY_BEFORE}${triePattern(buildTrie(forms))}${BOUNDARY_AFTER}`;
}

/**
 * The combined pattern without its word boundaries. The look behind is tried at every
 * character of a page, before any letter of a form: without it the engine reads text about
 * twice as fast, and the few places it finds are checked properly one by one.
 */
export function withoutBoundaries(source: string): string {
  if (!source.startsWith(BOUNDARY_BEFORE) || !source.endsWith(BOUNDARY_AFTER)) {
    throw new Error('The combined pattern must start and end with its word boundaries.');
  }
  return source.slice(BOUNDARY_BEFORE.length, source.length - BOUNDARY_AFTER.length);
}

/** The source of the one pattern that finds every form of `terms`, as `createMatcher` builds it. */
export function combinedPattern(terms: readonly MatchableTerm[]): string {
  return patternOf([...formsByKey(terms).values()].map((f) => f.form));
}

export function createMatcher(
  terms: readonly MatchableTerm[],
  options: MatcherOptions = {},
): Matcher {
  const build = matcherBuild(terms, options);
  build.step(() => true);
  return build.matcher();
}

/** A matcher being built: `step` works while `more()` says there is time, true once done. */
export interface MatcherBuild {
  step(more: () => boolean): boolean;
  /** The matcher, once `step` said done. */
  matcher(): Matcher;
}

/** Forms added to the trie between two looks at the clock. */
const FORMS_PER_CHECK = 64;

/**
 * `createMatcher` in steps, for a glossary large enough that building its trie in one go would
 * hold a page up (thousands of forms: over 100 ms on a fresh page).
 */
export function matcherBuild(
  terms: readonly MatchableTerm[],
  options: MatcherOptions = {},
): MatcherBuild {
  const byForm = formsByKey(terms);
  const forms = [...byForm.values()].map((f) => f.form);
  const engine = options.engine ?? (forms.length > TRIE_ENGINE_ABOVE ? 'trie' : 'pattern');
  const trie = engine === 'trie' ? scanTrieBuilder() : null;
  let added = 0;
  // A form the trie cannot hold: the pattern finds every form instead.
  let untrieable = false;
  const done = () => !trie || untrieable || added === forms.length;
  return {
    step(more) {
      while (!done()) {
        untrieable = !trie?.add(formSteps(forms[added] as string));
        added++;
        if (added % FORMS_PER_CHECK === 0 && !more()) {
          return done();
        }
      }
      return true;
    },
    matcher() {
      if (!done()) {
        throw new Error('The matcher is not built yet.');
      }
      return matcherOf(byForm, forms, engine, trie && !untrieable ? trie.root : null, options);
    },
  };
}

function matcherOf(
  byForm: ReadonlyMap<string, KeyedForm>,
  forms: readonly string[],
  engine: Matcher['engine'],
  scanTrie: ScanNode | null,
  options: MatcherOptions,
): Matcher {
  let built: string | undefined;
  const source = () => (built ??= options.pattern ?? patternOf(forms));
  // Compiled on first use: the trie engine never builds it.
  let anywherePattern: RegExp | null = null;
  const anywhere = () => (anywherePattern ??= new RegExp(withoutBoundaries(source()), 'gu'));

  /** The longest form starting exactly at `start` and ending by `end`, or -1. */
  function formAt(text: string, start: number, end: number): number {
    const place = candidate(end < text.length ? text.slice(0, end) : text, start);
    return place?.[0] === start ? place[1] : -1;
  }

  /**
   * Every occurrence as [start, end]. The pattern engine runs the pattern without word
   * boundaries and checks them here, on the few places it finds: one compiled pattern a page,
   * not two. The longest form at a place that runs on into a word ("AI governances") gives way
   * to the longest shorter one that ends on a boundary ("AI"), as the look ahead would.
   */
  function spans(text: string): Array<[number, number]> {
    if (scanTrie) {
      return scanText(scanTrie, text);
    }
    const found: Array<[number, number]> = [];
    for (let place = candidate(text, 0); place; ) {
      const [start] = place;
      let end = isWordBefore(text, start) ? -1 : place[1];
      while (end > start && isWordAt(text, end)) {
        end = formAt(text, start, end - 1);
      }
      if (end > start) {
        found.push([start, end]);
      }
      place = candidate(text, end > start ? end : start + 1);
    }
    return found;
  }

  function candidate(text: string, from: number): [number, number] | null {
    if (scanTrie) {
      return firstAnywhere(scanTrie, text, from);
    }
    // One compiled pattern for every call: a call runs to its end before it returns, so the
    // shared `lastIndex` never leaks between calls.
    const re = anywhere();
    re.lastIndex = from;
    const m = re.exec(text);
    // No form is empty: an empty match means an empty glossary.
    return m?.[0] ? [m.index, m.index + m[0].length] : null;
  }

  return {
    engine,
    find(text: string): TermMatch[] {
      const found: TermMatch[] = [];
      for (const [start, end] of spans(text)) {
        const termId = byForm.get(normalizeForm(text.slice(start, end)))?.termId;
        if (termId) {
          found.push({ start, end, termId });
        }
      }
      return found;
    },
    candidate,
  };
}
