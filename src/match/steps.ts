import { SEPARATORS } from './chars';

/**
 * One step of a form: a run of separators, or one character given as every spelling that
 * counts (either case for words, its own case for abbreviations, any apostrophe). Forms are
 * turned into steps here; the matcher's pattern and the trie scanner both read them.
 */
export type Step = 'separators' | readonly string[];

/** A run of separators between two words of a form: as a pattern, and as a regular expression. */
const SEPARATOR_PATTERN = `[${SEPARATORS}]+`;
export const SEPARATOR_RUN = new RegExp(SEPARATOR_PATTERN, 'gu');

/** A word with two or more capitals (AI, CRM, DPIAs) is an abbreviation and must match as written. */
export function isCaseSensitiveWord(word: string): boolean {
  return TWO_CAPITALS.test(word);
}
const TWO_CAPITALS = /\p{Lu}.*\p{Lu}/su;

function escapeChar(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

const APOSTROPHE_PATTERN = "['\u2018\u2019\u02bc]";
export const APOSTROPHES = new RegExp(APOSTROPHE_PATTERN, 'g');
const IS_APOSTROPHE = new RegExp(APOSTROPHE_PATTERN);

const APOSTROPHE_CHARS: readonly string[] = ["'", '\u2018', '\u2019', '\u02bc'];

/**
 * The step of one character: either case of a letter in a word, its own case in an
 * abbreviation, any apostrophe for an apostrophe. Kept once per character and case rule, so
 * thousands of forms share a few dozen steps instead of allocating one per character.
 */
const charStepCache = { sensitive: new Map<string, Step>(), either: new Map<string, Step>() };
function charStep(ch: string, sensitive: boolean): Step {
  const cache = sensitive ? charStepCache.sensitive : charStepCache.either;
  let step = cache.get(ch);
  if (!step) {
    if (IS_APOSTROPHE.test(ch)) {
      // A straight and a curly apostrophe are the same to a reader: either matches either.
      step = APOSTROPHE_CHARS;
    } else if (sensitive) {
      step = [ch];
    } else {
      const lower = ch.toLowerCase();
      const upper = ch.toUpperCase();
      step = lower === upper || lower.length !== 1 || upper.length !== 1 ? [ch] : [lower, upper];
    }
    cache.set(ch, step);
  }
  return step;
}

/** A form as steps: one per character, one for each run of separators between its words. */
export function formSteps(form: string): Step[] {
  // One array a form, filled in place: a large glossary has thousands of forms, and a fresh
  // page builds their trie before its first highlight.
  const steps: Step[] = [];
  const words = form.trim().split(SEPARATOR_RUN);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (i > 0) {
      steps.push('separators');
    }
    const sensitive = isCaseSensitiveWord(word);
    for (const ch of word) {
      steps.push(charStep(ch, sensitive));
    }
  }
  return steps;
}

/** A step as a pattern: "[aA]", "\\+", the apostrophe class or the separator run. */
export function stepPattern(step: Step): string {
  if (step === 'separators') {
    return SEPARATOR_PATTERN;
  }
  if (step === APOSTROPHE_CHARS) {
    return APOSTROPHE_PATTERN;
  }
  return step.length === 1 ? escapeChar(step[0] as string) : `[${step.join('')}]`;
}
