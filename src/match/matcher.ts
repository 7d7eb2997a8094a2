/**
 * Turns glossary forms into one combined regular expression and finds term occurrences in
 * plain text. Pure: no DOM, no browser APIs, so it is tested on strings.
 */

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
}

// Words of a form may be separated on the page by any run of spaces or hyphens, so
// "decision-making", "decision making" and a line break inside a phrase all match.
const SEPARATORS = '\\s\\-\\u2010\\u2011';
const SEPARATOR_RUN = new RegExp(`[${SEPARATORS}]+`, 'gu');
const WORD_CHAR = '[\\p{L}\\p{N}_]';

/** A word with two or more capitals (AI, CRM, DPIAs) is an abbreviation and must match as written. */
export function isCaseSensitiveWord(word: string): boolean {
  return (word.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

function escapeChar(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

function wordPattern(word: string): string {
  if (isCaseSensitiveWord(word)) return [...word].map(escapeChar).join('');
  return [...word]
    .map((ch) => {
      const lower = ch.toLowerCase();
      const upper = ch.toUpperCase();
      return lower === upper || lower.length !== 1 || upper.length !== 1
        ? escapeChar(ch)
        : `[${lower}${upper}]`;
    })
    .join('');
}

/** The key a matched text and a glossary form share: lower case, separators folded to one space. */
export function normalizeForm(text: string): string {
  return text.replace(SEPARATOR_RUN, ' ').trim().toLowerCase();
}

function formPattern(form: string): string {
  return form.trim().split(SEPARATOR_RUN).map(wordPattern).join(`[${SEPARATORS}]+`);
}

export function createMatcher(terms: readonly MatchableTerm[]): Matcher {
  // Keyed by normalized form; the first term to claim a form keeps it (the schema forbids clashes).
  const byForm = new Map<string, { termId: string; form: string }>();
  for (const term of terms) {
    for (const form of term.forms) {
      const key = normalizeForm(form);
      if (!byForm.has(key)) byForm.set(key, { termId: term.id, form });
    }
  }
  // Longest first: at one start position the regex takes the first alternative that matches,
  // so "AI governance framework" wins over "AI governance" and "AI".
  const alternatives = [...byForm.entries()]
    .sort(([a], [b]) => b.length - a.length || a.localeCompare(b))
    .map(([, { form }]) => formPattern(form));
  const source = `(?<!${WORD_CHAR})(?:${alternatives.join('|')})(?!${WORD_CHAR})`;
  const regex = new RegExp(source, 'gu');
  const scanner = new RegExp(regex);

  return {
    regex,
    find(text: string): TermMatch[] {
      const found: TermMatch[] = [];
      // One compiled pattern for every call: find() runs to the end before it returns, so the
      // shared `lastIndex` never leaks between calls.
      const re = scanner;
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const termId = byForm.get(normalizeForm(m[0]))?.termId;
        if (termId) found.push({ start: m.index, end: m.index + m[0].length, termId });
      }
      return found;
    },
  };
}
