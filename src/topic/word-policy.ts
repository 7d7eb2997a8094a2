import type { Density } from '../settings/settings';

/**
 * Which found terms a page gets highlighted, decided page by page without the DOM: terms that
 * only count toward the topic never; everyday words (bias, privacy) only once the page turns
 * out to be about AI and does not use the word in another sense; with the first-occurrence
 * density, a term once. The highlighter asks it for every term it finds.
 */

/** What the first pass concludes from reading the whole page. */
export interface TopicVerdict {
  /** Whether the page is about AI: everyday words are highlighted only then. */
  readonly aboutAI: boolean;
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
  /** From now on, `termIds` are never highlighted (the user knows them). */
  hide(termIds: ReadonlySet<string>): void;
  /** A highlight of `termId` went in. */
  shown(termId: string): void;
  /** The terms highlighted now, after the page took some away: those gone may show again. */
  recount(termIds: () => Iterable<string>): void;
  /** Whether text with these terms waits until the page's topic is known. */
  waitsForTopic(termIds: readonly string[]): boolean;
  /** Whether the page's text still counts toward its topic (it is not known to be about AI). */
  readonly counting: boolean;
  /** Whether the page is about AI; null until its first pass has read it. */
  readonly aboutAI: boolean | null;
  /**
   * A pass has read the page: 'decided' the first time (the held runs may go in now), 'grew'
   * when a page found not to be about AI has become so (a feed, a chat: its everyday words are
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
  let aboutAI: boolean | null = verdict && everyday.size ? null : true;
  return {
    wants: (termId) =>
      !countOnly.has(termId) &&
      !hidden.has(termId) &&
      (aboutAI !== false || !everyday.has(termId)) &&
      (density === 'every' || !shown.has(termId)) &&
      // Asked only once the first pass has read the whole page (everyday words wait for it).
      (aboutAI === null || !everyday.has(termId) || !verdict?.usesOtherSense(termId)),
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
    waitsForTopic: (termIds) => aboutAI === null && termIds.some((id) => everyday.has(id)),
    get counting() {
      return aboutAI !== true;
    },
    get aboutAI() {
      return aboutAI;
    },
    settle() {
      if (aboutAI === false && verdict?.aboutAI) {
        aboutAI = true;
        return 'grew';
      }
      if (aboutAI !== null) {
        return null;
      }
      aboutAI = verdict?.aboutAI ?? true;
      return 'decided';
    },
    reset() {
      shown = new Set();
    },
  };
}
