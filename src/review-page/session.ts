import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { glossary, termsById } from '../glossary/data';
import type { TermView } from '../glossary/schema';
import { userTermsOf } from '../glossary/user-terms';
import { dayOf } from '../progress/known';
import { type Queue, type ReviewState, reviewQueue } from '../review/cards';
import { store } from '../settings/extension-storage';
import { useKnown, useMet, useSettings, useUserGlossaries } from '../ui/hooks';

/**
 * What a review session asks about: the terms it can draw on and its cards, read from storage
 * once when it starts. `?now=<ISO date>` sets the clock (the tests' fixed time).
 */

const fixedNow = new URLSearchParams(location.search).get('now');
export const clock = () =>
  fixedNow && !Number.isNaN(Date.parse(fixedNow)) ? new Date(fixedNow) : new Date();

export interface ReviewTerms {
  termOf(id: string): TermView | undefined;
  /** The terms `term`'s choices come from: its own glossary's, with the course's if it has few. */
  poolOf(term: TermView): readonly TermView[];
}

/** The terms the review can ask for: the course's and the enabled glossaries'; null until read. */
export function useReviewTerms(): ReviewTerms | null {
  const glossaries = useUserGlossaries();
  return useMemo(() => {
    if (!glossaries) {
      return null;
    }
    const user = [...userTermsOf(glossaries, glossary.terms).byId.values()];
    const byId = new Map(user.map((v) => [v.id, v]));
    return {
      termOf: (id) => termsById.get(id) ?? byId.get(id),
      poolOf(term) {
        if (!term.glossary) {
          return glossary.terms;
        }
        const own = term.id.slice(0, term.id.indexOf('/') + 1);
        const mates = user.filter((v) => v.id.startsWith(own));
        return mates.length >= 4 ? mates : [...mates, ...glossary.terms];
      },
    };
  }, [glossaries]);
}

/** The session's cards, fixed when it starts: a card rated Again waits for the next session. */
export function useSession(terms: ReviewTerms | null): {
  queue: Queue | null;
  review: ReviewState | null;
  restart: () => void;
} {
  const [known] = useKnown();
  const met = useMet();
  const [settings] = useSettings();
  const [review, setReview] = useState<ReviewState | null>(null);
  const [queue, setQueue] = useState<Queue | null>(null);
  const load = useCallback(() => {
    store.loadReview().then(setReview, () => setReview({ cards: new Map(), day: 0, newToday: 0 }));
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    if (queue || !known || !met || !settings || !review || !terms) {
      return;
    }
    const now = clock();
    setQueue(
      reviewQueue(review, {
        now,
        today: dayOf(now),
        met: met.met,
        known: new Set(known.keys()),
        newPerDay: settings.newPerDay,
        exists: (id) => terms.termOf(id) !== undefined,
      }),
    );
  }, [queue, known, met, settings, review, terms]);
  const restart = useCallback(() => {
    setQueue(null);
    setReview(null);
    load();
  }, [load]);
  return { queue, review, restart };
}
