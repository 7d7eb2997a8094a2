import { glossary } from '../glossary/data';
import { NO_USER_TERMS, type UserTerms, userTermsOf } from '../glossary/user-terms';
import type { UserGlossary } from '../import/library';

/**
 * The user's glossaries as one page holds them: read only once the page is to be highlighted
 * (a page where highlighting is off or paused never touches them), replaced when they change.
 */
export function pageGlossaries(load: () => Promise<UserGlossary[]>) {
  let terms = NO_USER_TERMS;
  /** 0 until they are first read or changed; bumped each time, so the highlights are redone. */
  let version = 0;
  let reading = false;
  const take = (glossaries: readonly UserGlossary[]) => {
    terms = userTermsOf(glossaries, glossary.terms);
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
