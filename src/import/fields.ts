import * as v from 'valibot';

/**
 * How one cell of an imported row is read, as a person fills it in a spreadsheet or a JSON
 * file: its value, or what is wrong with it in plain words. Pure, like rows.ts, which uses it.
 */

export const MAX_TERM = 120;
const MAX_DEFINITION = 2_000;
const MAX_CATEGORY = 60;
/** Letters and digits, starting with a capital: AI, CRM, GDPR, B2B, ISO42001. */
const ABBREVIATION = /^[A-Z][A-Z0-9]{1,9}$/;

export const quoted = (s: string) => `'${s.length > 60 ? `${s.slice(0, 57)}...` : s}'`;

/** A list in one cell, as a spreadsheet holds it ("churn | churn rate"), or a JSON list. */
export function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null || value === '') {
    return [];
  }
  if (Array.isArray(value)) {
    return value;
  }
  return typeof value === 'string' ? value.split('|') : [value];
}

const YES = new Set(['true', 'yes', 'y', '1', 'x']);
const NO = new Set(['false', 'no', 'n', '0', '']);

/** Yes or no, as a person types it in a spreadsheet cell; null when it is neither. */
export function yesNo(value: unknown): boolean | null {
  if (typeof value === 'boolean') {
    return value;
  }
  if (value === undefined || value === null) {
    return false;
  }
  const text = String(value).trim().toLowerCase();
  return YES.has(text) ? true : NO.has(text) ? false : null;
}

/** How one field of a row is read: its value, or the problem in plain words. */
const text = (what: string, max: number) =>
  v.pipe(
    v.unknown(),
    v.transform((x) => (x === undefined || x === null ? '' : x)),
    v.string(`${what} must be text`),
    v.transform((s) => s.trim()),
    v.nonEmpty(`${what} is empty`),
    v.maxLength(max, `${what} is longer than ${max.toLocaleString('en')} characters`),
  );

/** The two cells every row needs, each read as text. */
export const RowSchema = v.object({
  term: v.optional(text('the term', MAX_TERM), ''),
  definition: v.optional(text('the definition', MAX_DEFINITION), ''),
});

/**
 * The abbreviation in `value`, if it is one; `problem` hears of anything else the cell holds,
 * which is left out.
 */
export function abbreviationOf(
  value: unknown,
  problem: (message: string) => void,
): string | undefined {
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  const candidate = String(value).trim();
  if (ABBREVIATION.test(candidate)) {
    return candidate;
  }
  if (candidate) {
    problem(
      `the abbreviation ${quoted(candidate)} must be 2 to 10 capital letters or digits, starting with a letter, and is left out`,
    );
  }
  return undefined;
}

/** The category in `value`, cut to its longest; none for an empty cell. */
export function categoryOf(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim()
    ? value.trim().slice(0, MAX_CATEGORY)
    : undefined;
}
