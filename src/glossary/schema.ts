import * as v from 'valibot';

/**
 * The glossary's shape. The build (vite.config.ts) and the unit tests both run
 * `parseGlossary` on glossary/glossary.json, so a broken entry never ships.
 */

const CATEGORIES = ['foundations', 'principles', 'data', 'governance', 'practice'] as const;
export type Category = (typeof CATEGORIES)[number];

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Keys that would let stored or bundled data reach Object.prototype if it were ever merged.
const FORBIDDEN_IDS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_TEXT = 2000;

const text = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.nonEmpty('must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
  );

const id = v.pipe(
  v.string(),
  v.regex(ID, 'must be lower-case words joined by hyphens, like "ai-governance"'),
  v.check((s) => !FORBIDDEN_IDS.has(s), 'is a reserved name'),
);

const TermSchema = v.strictObject({
  id,
  term: text(120),
  abbreviation: v.optional(
    v.pipe(v.string(), v.regex(/^[A-Z]{2,8}$/, 'must be 2 to 8 capital letters')),
  ),
  definition: text(MAX_TEXT),
  category: v.picklist(CATEGORIES, `must be one of ${CATEGORIES.join(', ')}`),
  related: v.array(id, 'must be a list of term ids'),
  forms: v.pipe(
    v.array(text(120), 'must be a list of words or phrases'),
    v.minLength(1, 'must list at least one form to match on pages'),
  ),
  /**
   * An ordinary English word too (bias, privacy, AI): highlighted only on pages in the course's domain,
   * unless the user asks for everyday words everywhere.
   */
  everyday: v.optional(v.boolean('must be true or false')),
  /**
   * Phrases where the everyday word means something else ("bias terms" of a neural network,
   * "inductive bias", "Weights & Biases"): never highlighted, and a page that uses the word
   * more often in these senses than on its own does not get it highlighted at all.
   */
  otherSenses: v.optional(v.array(text(120), 'must be a list of phrases')),
});

const GlossarySchema = v.strictObject({
  $schema: v.optional(v.string()),
  source: text(200),
  terms: v.pipe(v.array(TermSchema), v.minLength(1, 'must not be empty')),
});

export type GlossaryTerm = v.InferOutput<typeof TermSchema>;

/**
 * A term as the tooltip shows it: one of the course's, or one of a glossary the user imported
 * (`glossary` names it; its category, if any, is the user's own words).
 */
export interface TermView {
  readonly id: string;
  readonly term: string;
  readonly abbreviation?: string | undefined;
  readonly definition: string;
  readonly category?: string | undefined;
  readonly related: readonly string[];
  readonly glossary?: string | undefined;
  /** Whether that glossary is one the user's organisation installed, not the user. */
  readonly byOrganisation?: boolean | undefined;
  /** The same term's definitions in the user's other glossaries, shown after its own. */
  readonly also?: readonly TermView[] | undefined;
}

/** Whether `category` is one of the course's (named in the reader's language), not the user's words. */
export const isCourseCategory = (category: string | undefined): category is Category =>
  (CATEGORIES as readonly (string | undefined)[]).includes(category);
export type Glossary = v.InferOutput<typeof GlossarySchema>;

export class GlossaryError extends Error {
  override name = 'GlossaryError';
}

/** Names the term (by id, or by position when it has none) and the field of each problem. */
function describe(issue: v.BaseIssue<unknown>, input: unknown): string {
  const keys = (issue.path ?? []).map((p) => p.key);
  let where = 'glossary';
  let rest = keys;
  if (keys[0] === 'terms' && typeof keys[1] === 'number') {
    const entry = (input as { terms?: unknown[] }).terms?.[keys[1]];
    const entryId =
      entry && typeof entry === 'object' && 'id' in entry && typeof entry.id === 'string'
        ? entry.id
        : undefined;
    where = `term #${keys[1] + 1}${entryId ? ` "${entryId}"` : ''}`;
    rest = keys.slice(2);
  }
  const field = rest.length ? `, field "${rest.join('.')}"` : '';
  return `${where}${field}: ${issue.message}`;
}

/** Cross-entry rules that a per-entry schema cannot state. */
function crossCheck(glossary: Glossary): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const formOwner = new Map<string, string>();
  glossary.terms.forEach((t, i) => {
    const where = `term #${i + 1} "${t.id}"`;
    if (ids.has(t.id)) {
      problems.push(`${where}, field "id": is used by another term`);
    }
    ids.add(t.id);
    for (const form of t.forms) {
      const key = form.toLowerCase();
      const owner = formOwner.get(key);
      if (owner && owner !== t.id) {
        problems.push(`${where}, field "forms": "${form}" is already a form of "${owner}"`);
      }
      formOwner.set(key, t.id);
    }
  });
  glossary.terms.forEach((t, i) => {
    const where = `term #${i + 1} "${t.id}"`;
    if (t.otherSenses?.length && !t.everyday) {
      problems.push(`${where}, field "otherSenses": only an everyday word has other senses`);
    }
    for (const phrase of t.otherSenses ?? []) {
      const words = phrase.toLowerCase().split(/[\s-]+/);
      if (!t.forms.some((f) => words.includes(f.toLowerCase()))) {
        problems.push(`${where}, field "otherSenses": "${phrase}" holds none of the term's forms`);
      }
    }
    for (const r of t.related) {
      if (r === t.id) {
        problems.push(`${where}, field "related": lists the term itself`);
      } else if (!ids.has(r)) {
        problems.push(`${where}, field "related": "${r}" is not a term id`);
      }
    }
  });
  return problems;
}

/** Validates untrusted glossary data; throws a GlossaryError listing every problem. */
export function parseGlossary(input: unknown): Glossary {
  const result = v.safeParse(GlossarySchema, input);
  if (!result.success) {
    const lines = result.issues.map((issue) => describe(issue, input));
    throw new GlossaryError(`Invalid glossary:\n  ${lines.join('\n  ')}`);
  }
  const problems = crossCheck(result.output);
  if (problems.length) {
    throw new GlossaryError(`Invalid glossary:\n  ${problems.join('\n  ')}`);
  }
  return result.output;
}
