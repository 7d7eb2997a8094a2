import type { ImportedTerm } from './rows';

/**
 * The user's own glossaries as storage.local holds them: an index (`glossaries`, small, read by
 * every page) and each glossary's terms under a key of its own (`glossary:<id>`, read only when
 * it is switched on). Read by the content script too, so the checks are written out here
 * rather than carrying the schema library into every page; a record that fails them is left
 * out alone and named, the rest kept.
 */

export const GLOSSARIES_KEY = 'glossaries';
export const glossaryKey = (id: string) => `glossary:${id}`;

/** What the index says of one glossary. */
export interface GlossaryEntry {
  readonly id: string;
  readonly name: string;
  readonly enabled: boolean;
  /** The day it was imported, as progress counts days (progress/known.ts dayOf). */
  readonly added: number;
  readonly terms: number;
  /** Installed by the user's organisation (import/managed.ts): only it can change or remove it. */
  readonly managed?: boolean;
}

/** An enabled glossary with its terms, as the content script highlights it. */
export interface UserGlossary {
  readonly id: string;
  readonly name: string;
  readonly terms: readonly ImportedTerm[];
}

/**
 * How much of storage.local the glossaries may take together: Chrome gives an extension 10 MB
 * there without the unlimitedStorage permission, and progress and settings need the rest.
 */
export const GLOSSARY_BUDGET_BYTES = 8 * 1024 * 1024;

/** Every glossary an organisation installs has an id starting so (managed.ts); a user's never does. */
export const MANAGED_PREFIX = 'org-';

/** The longest name a glossary can have. */
export const GLOSSARY_NAME_MAX = 100;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const isText = (x: unknown, max: number): x is string =>
  typeof x === 'string' && x.trim() !== '' && x.length <= max;
const isTextList = (x: unknown, max: number): x is string[] =>
  Array.isArray(x) && x.every((s) => isText(s, max));

/** The index's entries; an unreadable one is left out and named. */
export function readIndex(value: unknown): { entries: GlossaryEntry[]; dropped: string[] } {
  if (value === undefined) {
    return { entries: [], dropped: [] };
  }
  if (!Array.isArray(value)) {
    return { entries: [], dropped: ['the list of your glossaries'] };
  }
  const entries: GlossaryEntry[] = [];
  const dropped: string[] = [];
  const seen = new Set<string>();
  for (const entry of value as unknown[]) {
    const e = entry as Partial<Record<keyof GlossaryEntry, unknown>> | null;
    if (
      e &&
      typeof e.id === 'string' &&
      ID.test(e.id) &&
      !seen.has(e.id) &&
      isText(e.name, GLOSSARY_NAME_MAX) &&
      typeof e.enabled === 'boolean' &&
      typeof e.added === 'number' &&
      typeof e.terms === 'number' &&
      (e.managed === undefined || typeof e.managed === 'boolean')
    ) {
      seen.add(e.id);
      entries.push({
        id: e.id,
        name: e.name,
        enabled: e.enabled,
        added: e.added,
        terms: e.terms,
        ...(e.managed ? { managed: true } : {}),
      });
    } else {
      dropped.push(`a glossary (${isText(e?.name, GLOSSARY_NAME_MAX) ? e?.name : 'unnamed'})`);
    }
  }
  return { entries, dropped };
}

/** One glossary's stored terms; a term that is not whole is left out and named. */
export function readTerms(
  value: unknown,
  glossaryName: string,
): { terms: ImportedTerm[]; dropped: string[] } {
  const list = (value as { terms?: unknown } | null)?.terms;
  if (!Array.isArray(list)) {
    return { terms: [], dropped: [`the terms of ${glossaryName}`] };
  }
  const terms: ImportedTerm[] = [];
  const dropped: string[] = [];
  for (const item of list as unknown[]) {
    const t = item as Partial<Record<keyof ImportedTerm, unknown>> | null;
    if (
      t &&
      typeof t.id === 'string' &&
      ID.test(t.id) &&
      isText(t.term, 120) &&
      isText(t.definition, 2_000) &&
      isTextList(t.forms, 120) &&
      t.forms.length > 0 &&
      isTextList(t.related, 200) &&
      typeof t.everyday === 'boolean' &&
      (t.abbreviation === undefined || isText(t.abbreviation, 10)) &&
      (t.category === undefined || isText(t.category, 60))
    ) {
      terms.push({
        id: t.id,
        term: t.term,
        definition: t.definition,
        ...(t.abbreviation ? { abbreviation: t.abbreviation } : {}),
        forms: t.forms,
        ...(t.category ? { category: t.category } : {}),
        related: t.related,
        everyday: t.everyday,
      });
    } else {
      dropped.push(`a term of ${glossaryName} (${isText(t?.term, 120) ? t?.term : 'unnamed'})`);
    }
  }
  return { terms, dropped };
}

/** Lower-case letters and digits of `text` joined by hyphens, at most `max` long ("Équipe CRM" -> equipe-crm). */
export function slug(text: string, max: number): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
}

/** A new glossary's id, made from its name and unlike the ids in use. */
export function newGlossaryId(name: string, taken: ReadonlySet<string>): string {
  const named = slug(name, 40) || 'glossary';
  const stem = named.startsWith(MANAGED_PREFIX) ? `my-${named}` : named;
  let id = stem;
  for (let n = 2; taken.has(id); n++) {
    id = `${stem}-${n}`;
  }
  return id;
}

/** Bytes a stored value takes, as the browsers count storage (its JSON, in UTF-8). */
export const storedBytes = (value: unknown) =>
  new TextEncoder().encode(JSON.stringify(value)).length;

/** The id a term of a user glossary has on pages and in progress: `<glossary>/<term>`. */
export const pageTermId = (glossaryId: string, termId: string) => `${glossaryId}/${termId}`;
