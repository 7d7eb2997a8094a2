import { useEffect, useMemo, useState } from 'preact/hooks';
import { glossary, termsById } from '../glossary/data';
import type { TermView } from '../glossary/schema';
import {
  NO_USER_TERMS,
  type UserTerms,
  userTermsOf,
  withOtherDefinitions,
} from '../glossary/user-terms';
import type { UserGlossary } from '../import/library';
import {
  createSearch,
  createSearchInSlices,
  type GlossarySearch,
  searchableTerms,
} from '../search/search';
import { useUserGlossaries } from '../ui/hooks';

/**
 * What the popup shows and searches: the course's terms and those of the user's enabled
 * glossaries, looked up by id, with a term's definitions from every glossary that has it.
 */

const courseSearch = createSearch(glossary.terms);
const NONE: readonly UserGlossary[] = [];

/** Every term the popup shows, the course's and the enabled glossaries', by id. */
export interface TermLookup {
  view(id: string): TermView | undefined;
  related(term: TermView): TermView[];
}

function lookupOf(user: UserTerms): TermLookup {
  const view = (id: string) => withOtherDefinitions(termsById.get(id) ?? user.byId.get(id), user);
  return { view, related: (term) => term.related.flatMap((id) => view(id) ?? []) };
}

/**
 * The enabled glossaries as the popup shows and searches them, with the course's terms. Their
 * terms can be shown at once; their search index is built in slices, the course's search
 * answering meanwhile.
 */
export function useAllTerms(): { lookup: TermLookup; search: GlossarySearch } {
  const glossaries = useUserGlossaries() ?? NONE;
  const user = useMemo(
    () => (glossaries.length ? userTermsOf(glossaries, glossary.terms) : NO_USER_TERMS),
    [glossaries],
  );
  const [search, setSearch] = useState<GlossarySearch>(courseSearch);
  useEffect(() => {
    if (!glossaries.length) {
      setSearch(courseSearch);
      return;
    }
    let current = true;
    void createSearchInSlices(searchableTerms(glossary.terms, glossaries, user)).then(
      (built) => current && setSearch(built),
    );
    return () => {
      current = false;
    };
  }, [glossaries, user]);
  return { lookup: useMemo(() => lookupOf(user), [user]), search };
}
