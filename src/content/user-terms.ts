import type { TermView } from '../glossary/schema';
import { pageTermId, type UserGlossary } from '../import/library';
import type { ExtraTerm } from './page-highlighter';

/**
 * The terms of the user's glossaries that are switched on, as a page uses them: by their page
 * id (`<glossary>/<term>`, related terms too) for the tooltip, and as forms for the matcher.
 * Pure: the content script calls it whenever the glossaries are read or change.
 */
export interface UserTerms {
  readonly byId: ReadonlyMap<string, TermView>;
  readonly extra: readonly ExtraTerm[];
}

export function userTermsOf(glossaries: readonly UserGlossary[]): UserTerms {
  const byId = new Map<string, TermView>();
  const extra: ExtraTerm[] = [];
  for (const g of glossaries) {
    for (const t of g.terms) {
      const id = pageTermId(g.id, t.id);
      byId.set(id, {
        ...t,
        id,
        related: t.related.map((r) => pageTermId(g.id, r)),
        glossary: g.name,
      });
      extra.push({ id, forms: t.forms, everyday: t.everyday });
    }
  }
  return { byId, extra };
}

/**
 * The user's glossaries as one page holds them: read only once the page is to be highlighted
 * (a page where highlighting is off or paused never touches them), replaced when they change.
 */
export function pageGlossaries(load: () => Promise<UserGlossary[]>) {
  let terms = userTermsOf([]);
  /** 0 until they are first read or changed; bumped each time, so the highlights are redone. */
  let version = 0;
  let reading = false;
  const take = (glossaries: readonly UserGlossary[]) => {
    terms = userTermsOf(glossaries);
    version++;
  };
  return {
    get terms(): UserTerms {
      return terms;
    },
    get version(): number {
      return version;
    },
    take,
    /**
     * Whether they are known yet. If not, the first call reads them and calls `whenRead` once
     * they are (unreadable glossaries count as none: the course's terms are still highlighted).
     */
    ready(whenRead: () => void): boolean {
      if (version > 0) {
        return true;
      }
      if (!reading) {
        reading = true;
        void load()
          .catch(() => [])
          .then((glossaries) => {
            if (version === 0) {
              take(glossaries);
            }
            whenRead();
          });
      }
      return false;
    },
  };
}
