import { ImportError } from './import-error';
import { slug } from './library';
import type { RawRow } from './rows';

/**
 * A TBX file (TermBase eXchange, ISO 30042: what terminology tools export), read with the
 * browser's own XML parser into the rows every glossary becomes, checked as a CSV's are. TBX
 * 2008 (`martif`, `termEntry`, `langSet`, `tig`) and TBX 2019 (`tbx`, `conceptEntry`,
 * `langSec`, `termSec`) both, TBX-Basic's data categories: the definition, the subject field as
 * the category, term types (an abbreviation or acronym is the abbreviation, other terms of the
 * concept its forms) and cross-references as related terms. Of several languages, English is
 * read, else the first. Nothing in the file is run or fetched: the XML parser loads no DTD.
 */

const ENTRY = 'termEntry, conceptEntry';
const LANGUAGE = 'langSet, langSec';
const TERM_GROUP = 'tig, ntig, termSec';
const ABBREVIATION_TYPES = new Set(['abbreviation', 'acronym', 'initialism', 'shortForm']);

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Children of `parent` (not deeper descendants) matching `selector`. */
const own = (parent: Element, selector: string) =>
  [...parent.children].filter((child) => child.matches(selector));

/** The `descrip` of `type` on `parent` itself or in its `descripGrp`s. */
function descrip(parent: Element, type: string): string {
  const places = [parent, ...own(parent, 'descripGrp')];
  for (const place of places) {
    const found = own(place, `descrip[type="${type}"]`)[0];
    if (found) {
      return text(found);
    }
  }
  return '';
}

const lang = (el: Element) => el.getAttribute('xml:lang') ?? el.getAttribute('lang') ?? '';

export interface TbxGlossary {
  readonly name: string | null;
  readonly rows: RawRow[];
  readonly notes: string[];
}

export function tbxRows(source: string): TbxGlossary {
  if (typeof DOMParser === 'undefined') {
    throw new ImportError('TBX files are read in the options page.');
  }
  const doc = new DOMParser().parseFromString(source, 'application/xml');
  const broken = doc.querySelector('parsererror');
  if (broken) {
    const reason = text(broken).split(/(?<=\.)\s/)[0] ?? '';
    throw new ImportError(`This TBX file cannot be read as XML: ${reason.slice(0, 200)}`);
  }
  const root = doc.documentElement;
  if (!root || !['martif', 'tbx'].includes(root.localName)) {
    throw new ImportError(
      `This XML file is not TBX: its root element is <${root?.localName ?? ''}>, not <martif> or <tbx>.`,
    );
  }
  const entries = [...doc.querySelectorAll(ENTRY)];
  const languages = new Set<string>();
  const ids = new Map<string, string>();
  for (const [i, entry] of entries.entries()) {
    ids.set(
      entry.getAttribute('id') ?? '',
      slug(entry.getAttribute('id') ?? '', 60) || `entry-${i + 1}`,
    );
  }
  const rows = entries.map((entry, i) => {
    const sets = own(entry, LANGUAGE);
    for (const set of sets) {
      languages.add(lang(set));
    }
    const set = sets.find((s) => /^en\b/i.test(lang(s))) ?? sets[0];
    const terms = set
      ? own(set, TERM_GROUP).map((group) => {
          const inner = own(group, 'termGrp')[0] ?? group;
          const typeNote = [...group.querySelectorAll('termNote[type="termType"]')][0];
          return { term: text(own(inner, 'term')[0]), type: text(typeNote) };
        })
      : [];
    const named = terms.filter((t) => t.term);
    const main = named.find((t) => !ABBREVIATION_TYPES.has(t.type)) ?? named[0];
    const abbreviation = named.find((t) => t !== main && ABBREVIATION_TYPES.has(t.type));
    const related = [
      ...entry.querySelectorAll('ref[type="crossReference"], descrip[type="crossReference"]'),
    ]
      .map((ref) => ids.get(ref.getAttribute('target') ?? '') ?? text(ref))
      .filter(Boolean);
    return {
      id: ids.get(entry.getAttribute('id') ?? '') ?? `entry-${i + 1}`,
      term: main?.term ?? '',
      definition: (set && descrip(set, 'definition')) || descrip(entry, 'definition'),
      abbreviation: abbreviation?.term ?? '',
      forms: named.filter((t) => t !== main && t !== abbreviation).map((t) => t.term),
      category: descrip(entry, 'subjectField') || (set ? descrip(set, 'subjectField') : ''),
      related,
    };
  });
  const title = text(doc.querySelector('titleStmt > title, tbxHeader title, martifHeader title'));
  const chosen = [...languages].find((l) => /^en\b/i.test(l)) ?? [...languages][0];
  return {
    name: title || null,
    rows,
    notes:
      languages.size > 1
        ? [
            `The file has ${languages.size} languages; the terms in ${chosen || 'its first'} are read.`,
          ]
        : [],
  };
}
