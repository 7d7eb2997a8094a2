import type { Density } from '../settings/settings';

/**
 * Which found terms a page gets highlighted, decided page by page without the DOM: terms that
 * only count toward the topic never; everyday words (bias, privacy) only once the page turns
 * out to be in the course's domain and does not use the word in another sense; with the first-occurrence
 * density, a term once. The highlighter asks it for every term it finds.
 */

/** What the first pass concludes from reading the whole page. */
export interface TopicVerdict {
  /** Whether the page is in the course's domain: everyday words are highlighted only then. */
  readonly inDomain: boolean;
  /** Whether the page uses the term's word in another sense than the course's. */
  usesOtherSense(termId: string): boolean;
}

export interface WordPolicyOptions {
  readonly density: Density;
  readonly everyday: ReadonlySet<string>;
  readonly countOnly: ReadonlySet<string>;
  /** Without one, everyday words are highlighted everywhere. */
  readonly verdict?: TopicVerdict | undefined;
  /** Terms never highlighted: those the user knows, when known terms leave the page. */
  readonly hidden?: ReadonlySet<string> | undefined;
}

export interface WordPolicy {
  wants(termId: string): boolean;
  /** Whether `termId` is highlighted where it is found, however often the page shows it already. */
  allows(termId: string): boolean;
  /** From now on, `termIds` are never highlighted (the user knows them). */
  hide(termIds: ReadonlySet<string>): void;
  /** A highlight of `termId` went in. */
  shown(termId: string): void;
  /** The terms highlighted now, after the page took some away: those gone may show again. */
  recount(termIds: () => Iterable<string>): void;
  /** Whether text with these terms waits until the page's topic is known. */
  waitsForTopic(termIds: readonly string[]): boolean;
  /** Whether the page's text still counts toward its topic (it is not known to be in the course's domain). */
  readonly counting: boolean;
  /** Whether the page is in the course's domain; null until its first pass has read it. */
  readonly inDomain: boolean | null;
  /**
   * A pass has read the page: 'decided' the first time (the held runs may go in now), 'grew'
   * when a page found outside the course's domain has come into it (a feed, a chat: its everyday words are
   * wanted now, everywhere on it), null when nothing changed.
   */
  settle(): 'decided' | 'grew' | null;
  /** Highlighting starts over: nothing is shown. The topic stays as decided. */
  reset(): void;
}

export function createWordPolicy({
  density,
  everyday,
  countOnly,
  verdict,
  hidden: initiallyHidden,
}: WordPolicyOptions): WordPolicy {
  let hidden: ReadonlySet<string> = initiallyHidden ?? new Set();
  /** Terms with at least one highlight on the page, for the first-occurrence density. */
  let shown = new Set<string>();
  let inDomain: boolean | null = verdict && everyday.size ? null : true;
  const allows = (termId: string) =>
    !countOnly.has(termId) &&
    !hidden.has(termId) &&
    (inDomain !== false || !everyday.has(termId)) &&
    // Asked only once the first pass has read the whole page (everyday words wait for it).
    (inDomain === null || !everyday.has(termId) || !verdict?.usesOtherSense(termId));
  return {
    wants: (termId) => allows(termId) && (density === 'every' || !shown.has(termId)),
    allows,
    hide(termIds) {
      hidden = termIds;
    },
    shown(termId) {
      if (density === 'first') {
        shown.add(termId);
      }
    },
    recount(termIds) {
      // Only the first-occurrence density keeps count: every page rewrite would pay otherwise.
      if (density === 'first') {
        shown = new Set(termIds());
      }
    },
    waitsForTopic: (termIds) => inDomain === null && termIds.some((id) => everyday.has(id)),
    get counting() {
      return inDomain !== true;
    },
    get inDomain() {
      return inDomain;
    },
    settle() {
      if (inDomain === false && verdict?.inDomain) {
        inDomain = true;
        return 'grew';
      }
      if (inDomain !== null) {
        return null;
      }
      inDomain = verdict?.inDomain ?? true;
      return 'decided';
    },
    reset() {
      shown = new Set();
    },
  };
}
