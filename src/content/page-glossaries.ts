import { glossary } from '../glossary/data';
import { NO_USER_TERMS, type UserTerms, userTermsOf } from '../glossary/user-terms';
import { createSliceQueue, SLICE_MS } from '../highlight/slices';
import type { UserGlossary } from '../import/library';
import { prepareMatcher } from './page-highlighter';

/**
 * The user's glossaries as one page holds them: read only once the page is to be highlighted
 * (a page where highlighting is off or paused never touches them), replaced when they change.
 * Each time, the page's matcher for them is built in slices before they count as there.
 */
export function pageGlossaries(load: () => Promise<UserGlossary[]>) {
  /**
   * The terms the page's highlights were made with, which its tooltips look up: replaced only
   * once the matcher for the next ones is built and the highlights are redone with it, so a
   * highlight of a term just deleted still opens its tooltip until then.
   */
  let terms = NO_USER_TERMS;
  /** The last glossaries taken: their matcher may still be being built. */
  let latest: UserTerms | null = null;
  /** 0 until they are first there; bumped each time, so the highlights are redone. */
  let version = 0;
  let reading = false;
  /** Whether any were taken (read, or changed since): a slower first read is then stale. */
  let taken = false;
  const slices = createSliceQueue(SLICE_MS);

  /** Holds `glossaries`, and calls `whenThere` once the page's matcher for them is built. */
  function take(glossaries: readonly UserGlossary[], whenThere: () => void): void {
    taken = true;
    const next = userTermsOf(glossaries, glossary.terms);
    latest = next;
    void prepareMatcher(next.extra, slices.add)
      // Unbuilt, the highlighter builds it itself: slower, but the page is still highlighted.
      .catch(() => undefined)
      .then(() => {
        // A later change supersedes this one, and says so itself.
        if (latest === next) {
          terms = next;
          version++;
          whenThere();
        }
      });
  }

  return {
    get terms(): UserTerms {
      return terms;
    },
    get version(): number {
      return version;
    },
    take,
    /**
     * Whether they are there yet. If not, the first call reads them and calls `whenThere` once
     * they are (unreadable glossaries count as none: the course's terms are still highlighted).
     */
    ready(whenThere: () => void): boolean {
      if (version > 0) {
        return true;
      }
      if (!reading) {
        reading = true;
        void load()
          .catch(() => [])
          .then((glossaries) => {
            if (!taken) {
              take(glossaries, whenThere);
            }
          });
      }
      return false;
    },
  };
}
