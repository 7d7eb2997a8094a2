import { MANAGED_PREFIX, pageTermId, type UserGlossary } from '../import/library';
import { type MatchableTerm, normalizeForm } from '../match/matcher';
import type { TermView } from './schema';

/**
 * The terms of the user's glossaries that are switched on, as every part of the extension
 * shows them: each by its page id (`<glossary>/<term>`, related terms too), their forms for
 * the matcher, and the definitions a term has in more than one glossary. Pure: the content
 * script and the popup call it whenever the glossaries are read or change.
 */

/** A term's forms for the matcher, and whether it is an everyday word. */
export interface UserMatchTerm extends MatchableTerm {
  readonly everyday: boolean;
}

/** A term as the matcher keys it: its id, name, abbreviation and forms. */
export interface KeyedTerm extends MatchableTerm {
  readonly term: string;
  readonly abbreviation?: string | undefined;
}

export interface UserTerms {
  /** Every term of the enabled glossaries by its page id, as its own card shows it. */
  readonly byId: ReadonlyMap<string, TermView>;
  readonly extra: readonly UserMatchTerm[];
  /**
   * A term's definitions in the glossaries after the one that has it first (the course's, or
   * the earlier in the list), keyed by the first one's id, in the glossaries' order.
   */
  readonly also: ReadonlyMap<string, readonly TermView[]>;
}

/** No glossary switched on. */
export const NO_USER_TERMS: UserTerms = { byId: new Map(), extra: [], also: new Map() };

/**
 * `glossaries` in their order, after the `earlier` terms (the course's). A term whose name or
 * abbreviation is already a form of an earlier term is the same term: the page highlights it
 * as that one, with its rules (everyday word or not), and its card shows both definitions,
 * the earlier first. Its forms that no one had yet join that term's.
 */
export function userTermsOf(
  glossaries: readonly UserGlossary[],
  earlier: readonly KeyedTerm[] = [],
): UserTerms {
  const byId = new Map<string, TermView>();
  const extra: UserMatchTerm[] = [];
  const also = new Map<string, TermView[]>();
  /** Normalized form -> the id of the term that has it first. */
  const owners = new Map<string, string>();
  const claim = (id: string, forms: readonly string[]) => {
    for (const form of forms) {
      const key = normalizeForm(form);
      if (!owners.has(key)) {
        owners.set(key, id);
      }
    }
  };
  for (const t of earlier) {
    claim(t.id, t.forms);
  }
  for (const g of glossaries) {
    for (const t of g.terms) {
      const id = pageTermId(g.id, t.id);
      const view: TermView = {
        ...t,
        id,
        related: t.related.map((r) => pageTermId(g.id, r)),
        glossary: g.name,
        ...(g.id.startsWith(MANAGED_PREFIX) ? { byOrganisation: true } : {}),
      };
      byId.set(id, view);
      const owner =
        owners.get(normalizeForm(t.term)) ??
        (t.abbreviation ? owners.get(normalizeForm(t.abbreviation)) : undefined);
      if (owner) {
        also.set(owner, [...(also.get(owner) ?? []), view]);
        // The earlier term decides whether its word is an everyday one.
        extra.push({ id: owner, forms: t.forms, everyday: false });
        claim(owner, t.forms);
      } else {
        extra.push({ id, forms: t.forms, everyday: t.everyday });
        claim(id, t.forms);
      }
    }
  }
  return { byId, extra, also };
}

/** `view` with the other glossaries' definitions of the same term, when there are any. */
export function withOtherDefinitions(
  view: TermView | undefined,
  terms: Pick<UserTerms, 'also'>,
): TermView | undefined {
  const others = view && terms.also.get(view.id);
  return others ? { ...view, also: others } : view;
}
