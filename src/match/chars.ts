/**
 * The two kinds of character the matching rules are made of: as patterns, for the combined
 * regular expression, and as tests on character codes, for the code that walks text itself
 * (the trie scanner, and the word boundaries checked around places found without them). One
 * definition, so the engines and the checks can never disagree about a character.
 */

// Words of a form may be separated on the page by any run of spaces or hyphens, so
// "decision-making", "decision making" and a line break inside a phrase all match.
export const SEPARATORS = '\\s\\-\\u2010\\u2011';
export const WORD_CHAR = '[\\p{L}\\p{N}_]';

const WORD = new RegExp(WORD_CHAR, 'u');
const SPACE = /\s/;

/** `WORD_CHAR` for one code point, ASCII without a regular expression. */
function isWordCode(cp: number): boolean {
  if (cp < 128) {
    return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57) || cp === 95;
  }
  // Past the end of a text (NaN) there is no word.
  return !Number.isNaN(cp) && WORD.test(String.fromCodePoint(cp));
}

/** `[SEPARATORS]` for one character code. */
export function isSeparatorCode(c: number): boolean {
  if (c < 128) {
    return c === 32 || c === 45 || (c >= 9 && c <= 13);
  }
  return c === 0x2010 || c === 0x2011 || SPACE.test(String.fromCharCode(c));
}

/** A word character at `i` (the code point starting there), as the pattern's lookahead asks. */
export function isWordAt(text: string, i: number): boolean {
  const cp = text.codePointAt(i);
  return cp !== undefined && isWordCode(cp);
}

/** The same test for the code point that ends just before `i`, as the lookbehind asks. */
export function isWordBefore(text: string, i: number): boolean {
  if (i <= 0) {
    return false;
  }
  const c = text.charCodeAt(i - 1);
  // A low surrogate: the code point started one unit earlier.
  const start = c >= 0xdc00 && c <= 0xdfff && i >= 2 ? i - 2 : i - 1;
  return isWordAt(text, start);
}
