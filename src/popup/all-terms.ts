import { useMemo } from 'preact/hooks';
import { glossary, termsById } from '../glossary/data';
import type { TermView } from '../glossary/schema';
import { type UserTerms, userTermsOf, withOtherDefinitions } from '../glossary/user-terms';
import { createSearch, searchableTerms } from '../search/search';
import { useUserGlossaries } from '../ui/hooks';

/**
 * What the popup shows and searches: the course's terms and those of the user's enabled
 * glossaries, looked up by id, with a term's definitions from every glossary that has it.
 */

const courseSearch = createSearch(glossary.terms);

/** Every term the popup shows, the course's and the enabled glossaries', by id. */
export interface TermLookup {
  view(id: string): TermView | undefined;
  related(term: TermView): TermView[];
}

function lookupOf(user: UserTerms): TermLookup {
  const view = (id: string) => withOtherDefinitions(termsById.get(id) ?? user.byId.get(id), user);
  return { view, related: (term) => term.related.flatMap((id) => view(id) ?? []) };
}

/** The enabled glossaries as the popup shows and searches them, with the course's terms. */
export function useAllTerms() {
  const glossaries = useUserGlossaries();
  return useMemo(() => {
    if (!glossaries.length) {
      return { lookup: lookupOf(userTermsOf([])), search: courseSearch };
    }
    const user = userTermsOf(glossaries, glossary.terms);
    return {
      lookup: lookupOf(user),
      search: createSearch(searchableTerms(glossary.terms, glossaries, user)),
    };
  }, [glossaries]);
}
