import { stringify } from 'csv-stringify/browser/esm/sync';
import { normalizeForm } from '../match/matcher';
import { slug } from './library';
import { FIELDS, type ImportedTerm } from './rows';

/**
 * A stored glossary written back as a file the import reads again: JSON in the project's own
 * format (glossary/glossary.schema.json), or CSV with a header row as spreadsheets open it.
 * Each term keeps its id, so a file edited and imported again as a new version keeps the
 * user's progress on the terms that stay. Pure: the options page hands the text over.
 */

/** The forms a file lists: those beyond the term and its abbreviation, which count anyway. */
function listedForms(term: ImportedTerm): string[] {
  const implied = new Set([term.term, term.abbreviation ?? ''].map(normalizeForm));
  return term.forms.filter((f) => !implied.has(normalizeForm(f)));
}

/** The file name a glossary is exported under: "crm-team.json". */
export const exportName = (name: string, format: 'json' | 'csv') =>
  `${slug(name, 60) || 'glossary'}.${format}`;

export function glossaryJson(name: string, terms: readonly ImportedTerm[]): string {
  const entries = terms.map((t) => {
    const forms = listedForms(t);
    return {
      id: t.id,
      term: t.term,
      definition: t.definition,
      ...(t.abbreviation ? { abbreviation: t.abbreviation } : {}),
      ...(t.category ? { category: t.category } : {}),
      ...(forms.length ? { forms } : {}),
      ...(t.related.length ? { related: t.related } : {}),
      ...(t.everyday ? { everyday: true } : {}),
    };
  });
  return `${JSON.stringify({ name, terms: entries }, null, 2)}\n`;
}

/**
 * CSV as RFC 4180 quotes it (csv-stringify), with a byte-order mark so that spreadsheets read
 * it as UTF-8; lists in one cell joined by " | ", as the import splits them.
 */
export function glossaryCsv(terms: readonly ImportedTerm[]): string {
  const rows = terms.map((t) => ({
    id: t.id,
    term: t.term,
    definition: t.definition,
    abbreviation: t.abbreviation ?? '',
    forms: listedForms(t).join(' | '),
    category: t.category ?? '',
    related: t.related.join(' | '),
    everyday: t.everyday ? 'yes' : 'no',
  }));
  return `\uFEFF${stringify(rows, { header: true, columns: [...FIELDS], record_delimiter: 'windows' })}`;
}
