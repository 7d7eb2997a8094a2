import MiniSearch from 'minisearch';
import type { KeyedTerm, UserTerms } from '../glossary/user-terms';
import { pageTermId, type UserGlossary } from '../import/library';

/**
 * Full-text search over the glossary for the popup: names and abbreviations rank above forms,
 * forms above words of the definition; prefixes match as you type ("explain" finds
 * "Model Explainability") and small typos are forgiven.
 */
export interface GlossarySearch {
  /** Matching term ids, best first; an empty query lists every term A to Z. */
  search(query: string): string[];
}

/** What a term is found by. */
export interface SearchableTerm extends KeyedTerm {
  readonly definition: string;
}

interface Doc {
  id: string;
  term: string;
  abbreviation: string;
  forms: string;
  definition: string;
}

function newIndex(): MiniSearch<Doc> {
  return new MiniSearch<Doc>({
    fields: ['term', 'abbreviation', 'forms', 'definition'],
    searchOptions: {
      boost: { term: 6, abbreviation: 6, forms: 3, definition: 1 },
      prefix: true,
      // Forgive one typo in longer words only: fuzzy short words match too much.
      fuzzy: (word) => (word.length > 4 ? 0.2 : false),
      combineWith: 'AND',
    },
  });
}

const docOf = (t: SearchableTerm): Doc => ({
  id: t.id,
  term: t.term,
  abbreviation: t.abbreviation ?? '',
  forms: t.forms.join(' '),
  definition: t.definition,
});

export function createSearch(terms: readonly SearchableTerm[]): GlossarySearch {
  const index = newIndex();
  index.addAll(terms.map(docOf));
  return searchOver(index, terms);
}

/**
 * The same search, its index built a slice at a time: thousands of imported terms take a few
 * hundred milliseconds to index, which must not freeze the popup as it opens.
 */
export async function createSearchInSlices(
  terms: readonly SearchableTerm[],
): Promise<GlossarySearch> {
  const index = newIndex();
  await index.addAllAsync(terms.map(docOf), { chunkSize: 200 });
  return searchOver(index, terms);
}

function searchOver(index: MiniSearch<Doc>, terms: readonly SearchableTerm[]): GlossarySearch {
  const sorted = [...terms].sort((a, b) => a.term.localeCompare(b.term));
  const alphabetical = sorted.map((t) => t.id);
  const exactName = new Map<string, string>();
  for (const t of terms) {
    exactName.set(t.term.toLowerCase(), t.id);
    if (t.abbreviation) {
      exactName.set(t.abbreviation.toLowerCase(), t.id);
    }
  }

  // Terms by the first letter of their name or abbreviation, A to Z: the answer to one letter.
  const byInitial = new Map<string, string[]>();
  for (const t of sorted) {
    const initials = new Set([t.term, t.abbreviation ?? ''].map((n) => n.charAt(0).toLowerCase()));
    for (const initial of initials) {
      if (!initial) {
        continue;
      }
      const ids = byInitial.get(initial);
      if (ids) {
        ids.push(t.id);
      } else {
        byInitial.set(initial, [t.id]);
      }
    }
  }

  return {
    search(query: string): string[] {
      const words = query.trim().split(/\s+/).filter(Boolean);
      if (!words.length) {
        return alphabetical;
      }
      // A single letter starts thousands of words in a large glossary: as the first keystroke
      // it lists the names that start with it, and as the start of a next word it waits for
      // a second letter (the results of the words before it stay).
      while (words.length > 1 && (words.at(-1)?.length ?? 0) < 2) {
        words.pop();
      }
      const q = words.join(' ');
      if (q.length < 2) {
        return byInitial.get(q.toLowerCase()) ?? [];
      }
      // Two letters still start hundreds of words of a large glossary's definitions: until
      // a third, they are looked for in names, abbreviations and forms only.
      const short = (words.at(-1)?.length ?? 0) < 3;
      const ids = index
        .search(q, short ? { fields: ['term', 'abbreviation', 'forms'] } : {})
        .map((r) => String(r.id));
      // Typing a term's full name or abbreviation puts that term first, whatever BM25 says.
      const exact = exactName.get(q.toLowerCase());
      return exact ? [exact, ...ids.filter((id) => id !== exact)] : ids;
    },
  };
}

/**
 * Every term the popup can show, each once: the course's, then the enabled glossaries'. A term
 * that a glossary shares with an earlier one (`user.also`) is found as that earlier term, by
 * either definition; the user's terms by their page ids.
 */
export function searchableTerms(
  course: readonly SearchableTerm[],
  glossaries: readonly UserGlossary[],
  user: Pick<UserTerms, 'also'>,
): SearchableTerm[] {
  const joined = new Set([...user.also.values()].flat().map((v) => v.id));
  const withOthers = (t: SearchableTerm): SearchableTerm => {
    const others = user.also.get(t.id);
    return others
      ? { ...t, definition: [t.definition, ...others.map((o) => o.definition)].join('\n') }
      : t;
  };
  const own = glossaries.flatMap((g) =>
    g.terms.map((t) => ({ ...t, id: pageTermId(g.id, t.id) })).filter((t) => !joined.has(t.id)),
  );
  return [...course, ...own].map(withOthers);
}
