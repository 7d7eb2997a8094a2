import * as v from 'valibot';
import { normalizeForm } from '../match/matcher';
import { abbreviationOf, categoryOf, listOf, MAX_TERM, quoted, RowSchema, yesNo } from './fields';
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

const MAX_FORMS = 20;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
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

/** A readable id made of the term's letters and digits ("Net Promoter Score" -> net-promoter-score). */
export const idFrom = (term: string): string => slug(term, 60) || 'term';

/** A row that can be imported, its related terms still names. */
interface Draft {
  index: number;
  term: ImportedTerm;
  relatedNames: string[];
}

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

    const abbreviation = abbreviationOf(row.abbreviation, (message) => say(index, message, false));
    const category = categoryOf(row.category);

    const id = idOf(row.id, term, ids, (message) => say(index, message, false));

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

  const terms = linkRelated(drafts, (index, message) => say(index, message, false));
  problems.sort(inFileOrder);
  return { terms, problems };
}

/**
 * The file's own id when it is a good one and free, else one made from the term and free;
 * `problem` hears why a file's id was not taken.
 */
function idOf(
  value: unknown,
  term: string,
  taken: ReadonlySet<string>,
  problem: (message: string) => void,
): string {
  const rawId = typeof value === 'string' ? value.trim() : '';
  if (rawId && ID.test(rawId) && !RESERVED_IDS.has(rawId) && !taken.has(rawId)) {
    return rawId;
  }
  if (rawId) {
    problem(
      `the id ${quoted(rawId)} ${taken.has(rawId) ? 'is used by another row' : 'must be lower-case words joined by hyphens'}; one is made from the term`,
    );
  }
  const stem = idFrom(term);
  let id = RESERVED_IDS.has(stem) ? `${stem}-term` : stem;
  for (let n = 2; taken.has(id); n++) {
    id = `${stem}-${n}`;
  }
  return id;
}

/** Related terms are named by id or by term, and are found only once every row is known. */
function linkRelated(
  drafts: readonly Draft[],
  problem: (index: number, message: string) => void,
): ImportedTerm[] {
  const byName = new Map<string, string>();
  for (const { term } of drafts) {
    byName.set(term.id, term.id);
    byName.set(normalizeForm(term.term), term.id);
  }
  return drafts.map(({ index, term, relatedNames }) => {
    const related: string[] = [];
    for (const name of relatedNames) {
      const id = byName.get(name) ?? byName.get(normalizeForm(name));
      if (!id) {
        problem(index, `the related term ${quoted(name)} is not in this glossary, and is left out`);
      } else if (id !== term.id && !related.includes(id)) {
        related.push(id);
      }
    }
    return related.length ? { ...term, related } : term;
  });
}

/** Problems in the file's order; each row's own keep theirs (the sort is stable). */
export const inFileOrder = (a: RowProblem, b: RowProblem) => rowNumber(a) - rowNumber(b);
const rowNumber = (p: RowProblem) => Number(p.where.replace(/\D+/g, '')) || 0;
