import * as v from 'valibot';
import { normalizeForm } from '../match/matcher';
import { slug } from './library';

/**
 * The rows of a glossary someone brings (a CSV's lines, a JSON file's terms), checked one by
 * one: a bad row is left out alone and named with what is wrong in plain words ("Row 14: the
 * definition is empty"), never the whole file. Pure: the options page and the tests run it.
 */

/** A term of an imported glossary, as it is stored and highlighted. */
export interface ImportedTerm {
  /** Unique in its glossary: the file's own id, or one made from the term. */
  readonly id: string;
  readonly term: string;
  readonly definition: string;
  readonly abbreviation?: string;
  /** What is highlighted on pages: the term, its abbreviation and the forms the file lists. */
  readonly forms: readonly string[];
  readonly category?: string;
  /** Ids of other terms of the same glossary. */
  readonly related: readonly string[];
  /** An ordinary word too: highlighted only on pages in the course's domain. */
  readonly everyday: boolean;
}

export interface RowProblem {
  /** How the user finds the row: "Row 14" (a spreadsheet's line) or "Term 14" (a JSON entry). */
  readonly where: string;
  readonly message: string;
  /** Whether the row is left out (else only part of it is, as the message says). */
  readonly leftOut: boolean;
}

/** A row as read from the file: field name -> what the file holds there. */
export type RawRow = Readonly<Record<string, unknown>>;

export const MAX_TERM = 120;
export const MAX_DEFINITION = 2_000;
const MAX_CATEGORY = 60;
const MAX_FORMS = 20;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Letters and digits, starting with a capital: AI, CRM, GDPR, B2B, ISO42001. */
const ABBREVIATION = /^[A-Z][A-Z0-9]{1,9}$/;
/** Keys that would let stored data reach Object.prototype if it were ever merged. */
const RESERVED_IDS = new Set(['__proto__', 'constructor', 'prototype']);

/** The fields a row may have; anything else is a typo the user should hear about. */
export const FIELDS = [
  'id',
  'term',
  'definition',
  'abbreviation',
  'forms',
  'category',
  'related',
  'everyday',
] as const;
const KNOWN_FIELDS: ReadonlySet<string> = new Set(FIELDS);

/** A list in one cell, as a spreadsheet holds it ("churn | churn rate"), or a JSON list. */
function listOf(value: unknown): unknown[] {
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
function yesNo(value: unknown): boolean | null {
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

const RowSchema = v.object({
  term: v.optional(text('the term', MAX_TERM), ''),
  definition: v.optional(text('the definition', MAX_DEFINITION), ''),
});

/** A readable id made of the term's letters and digits ("Net Promoter Score" -> net-promoter-score). */
export const idFrom = (term: string): string => slug(term, 60) || 'term';

const quoted = (s: string) => `'${s.length > 60 ? `${s.slice(0, 57)}...` : s}'`;

interface Checked {
  readonly terms: ImportedTerm[];
  readonly problems: RowProblem[];
}

/**
 * Every row that can be imported, and every problem, row by row. `where(i)` names the i-th row
 * (from 0) the way the user finds it in the file.
 */
export function checkRows(rows: readonly RawRow[], where: (index: number) => string): Checked {
  const problems: RowProblem[] = [];
  const say = (index: number, message: string, leftOut: boolean) =>
    problems.push({ where: where(index), message, leftOut });

  interface Draft {
    index: number;
    term: ImportedTerm;
    relatedNames: string[];
  }
  const drafts: Draft[] = [];
  /** Normalized term -> the row that has it, for "is already row 12". */
  const termRows = new Map<string, number>();
  const ids = new Set<string>();
  /** Normalized form -> the term that claimed it first, and its row. */
  const formOwners = new Map<string, { term: string; index: number }>();

  rows.forEach((row, index) => {
    const unknown = Object.keys(row).filter((k) => k && !KNOWN_FIELDS.has(k));
    for (const field of unknown) {
      say(
        index,
        field === 'otherSenses'
          ? "otherSenses is read only in the course's glossary, and is left out"
          : `${quoted(field)} is not a field of a term, and is left out`,
        false,
      );
    }
    // A missing field reads as an empty one: "the definition is empty", not a schema path.
    const base = v.safeParse(RowSchema, { term: row.term, definition: row.definition });
    if (!base.success) {
      for (const issue of base.issues) {
        say(index, issue.message, true);
      }
      return;
    }
    const { term, definition } = base.output;
    const termKey = normalizeForm(term);
    const earlier = termRows.get(termKey);
    if (earlier !== undefined) {
      say(index, `${quoted(term)} is already ${where(earlier).toLowerCase()}`, true);
      return;
    }

    const everyday = yesNo(row.everyday);
    if (everyday === null) {
      say(index, `everyday must be yes or no, not ${quoted(String(row.everyday))}`, true);
      return;
    }

    let abbreviation: string | undefined;
    const rawAbbreviation = row.abbreviation;
    if (rawAbbreviation !== undefined && rawAbbreviation !== null && rawAbbreviation !== '') {
      const candidate = String(rawAbbreviation).trim();
      if (ABBREVIATION.test(candidate)) {
        abbreviation = candidate;
      } else if (candidate) {
        say(
          index,
          `the abbreviation ${quoted(candidate)} must be 2 to 10 capital letters or digits, starting with a letter, and is left out`,
          false,
        );
      }
    }

    let category: string | undefined;
    if (typeof row.category === 'string' && row.category.trim()) {
      category = row.category.trim().slice(0, MAX_CATEGORY);
    }

    let id: string;
    const rawId = typeof row.id === 'string' ? row.id.trim() : '';
    if (rawId && ID.test(rawId) && !RESERVED_IDS.has(rawId) && !ids.has(rawId)) {
      id = rawId;
    } else {
      if (rawId) {
        say(
          index,
          `the id ${quoted(rawId)} ${ids.has(rawId) ? 'is used by another row' : 'must be lower-case words joined by hyphens'}; one is made from the term`,
          false,
        );
      }
      const stem = idFrom(term);
      id = RESERVED_IDS.has(stem) ? `${stem}-term` : stem;
      for (let n = 2; ids.has(id); n++) {
        id = `${stem}-${n}`;
      }
    }

    const forms: string[] = [];
    const formKeys = new Set<string>();
    const claim = (form: string, listed: boolean) => {
      const key = normalizeForm(form);
      if (!key || formKeys.has(key)) {
        return;
      }
      const owner = formOwners.get(key);
      if (owner) {
        if (listed) {
          say(
            index,
            `the form ${quoted(form)} is already a form of ${quoted(owner.term)} (${where(owner.index).toLowerCase()}), and is left out here`,
            false,
          );
        }
        return;
      }
      if (form.length > MAX_TERM) {
        say(index, `the form ${quoted(form)} is longer than ${MAX_TERM} characters`, false);
        return;
      }
      formKeys.add(key);
      forms.push(form);
    };
    claim(term, false);
    if (abbreviation) {
      claim(abbreviation, false);
    }
    for (const form of listOf(row.forms)) {
      if (typeof form !== 'string') {
        say(index, `a form must be text, not ${quoted(JSON.stringify(form))}`, false);
      } else if (forms.length >= MAX_FORMS) {
        say(index, `a term can have at most ${MAX_FORMS} forms; the rest are left out`, false);
        break;
      } else {
        claim(form.trim(), true);
      }
    }
    if (!forms.length) {
      say(index, `${quoted(term)} and all its forms belong to other terms`, true);
      return;
    }

    termRows.set(termKey, index);
    ids.add(id);
    for (const form of forms) {
      formOwners.set(normalizeForm(form), { term, index });
    }
    const relatedNames = listOf(row.related).flatMap((r) =>
      typeof r === 'string' && r.trim() ? [r.trim()] : [],
    );
    drafts.push({
      index,
      relatedNames,
      term: {
        id,
        term,
        definition,
        ...(abbreviation ? { abbreviation } : {}),
        forms,
        ...(category ? { category } : {}),
        related: [],
        everyday,
      },
    });
  });

  // Related terms are named by id or by term, and only once every row is known.
  const byName = new Map<string, string>();
  for (const { term } of drafts) {
    byName.set(term.id, term.id);
    byName.set(normalizeForm(term.term), term.id);
  }
  const terms = drafts.map(({ index, term, relatedNames }) => {
    const related: string[] = [];
    for (const name of relatedNames) {
      const id = byName.get(name) ?? byName.get(normalizeForm(name));
      if (!id) {
        say(
          index,
          `the related term ${quoted(name)} is not in this glossary, and is left out`,
          false,
        );
      } else if (id !== term.id && !related.includes(id)) {
        related.push(id);
      }
    }
    return related.length ? { ...term, related } : term;
  });
  problems.sort(inFileOrder);
  return { terms, problems };
}

/** Problems in the file's order; each row's own keep theirs (the sort is stable). */
export const inFileOrder = (a: RowProblem, b: RowProblem) => rowNumber(a) - rowNumber(b);
const rowNumber = (p: RowProblem) => Number(p.where.replace(/\D+/g, '')) || 0;
