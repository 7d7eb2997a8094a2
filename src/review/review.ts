import { type Card, createEmptyCard, fsrs, type Grade, Rating, State } from 'ts-fsrs';
import type { TermView } from '../glossary/schema';

/** What a choice needs of a term: the course's, or one of the user's glossaries'. */
export type ReviewTerm = Pick<TermView, 'id' | 'term' | 'related' | 'category'>;

import type { ReviewState } from './cards';

/**
 * Spaced review of the terms met while reading, scheduled by FSRS (ts-fsrs, the maintained
 * implementation), without the DOM or a browser API: the review page holds the clock, the
 * storage and the screen. Only the review page loads this module.
 */

/**
 * No fuzz: the same ratings give the same schedule on every device the cards are copied to,
 * and tests can say when a card is due. With 30 terms, spreading reviews apart does not matter.
 */
const scheduler = fsrs({ enable_fuzz: false });

/** `state` after the reader rated `termId` at `now` (a new term counts toward today's limit). */
export function rated(
  state: ReviewState,
  termId: string,
  grade: Grade,
  now: Date,
  today: number,
): ReviewState {
  const before = state.cards.get(termId);
  const card = scheduler.next(before ?? createEmptyCard(now), now, grade).card;
  const cards = new Map(state.cards);
  cards.set(termId, card);
  const counted = state.day === today ? state.newToday : 0;
  return { cards, day: today, newToday: before ? counted : counted + 1 };
}

/** Choosing the term: a new or relearning card. Recalling the definition: one in review. */
export function cardKind(card: Card | undefined): 'choose' | 'recall' {
  return card && card.state === State.Review ? 'recall' : 'choose';
}

/** The rating a choice stands for: right is Good, wrong is Again. */
export const choiceGrade = (right: boolean): Grade => (right ? Rating.Good : Rating.Again);

/**
 * Four terms to choose from for `term`'s definition: it and three others, taken first from its
 * related terms and its category, then from the rest of the glossary; each once, shuffled.
 * `random` is Math.random unless a test fixes it.
 */
export function choicesFor<T extends ReviewTerm>(
  term: T,
  terms: readonly T[],
  random: () => number = Math.random,
): T[] {
  const shuffle = <T>(list: T[]): T[] => {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [list[i], list[j]] = [list[j] as T, list[i] as T];
    }
    return list;
  };
  const others = terms.filter((t) => t.id !== term.id && t.term !== term.term);
  const close = shuffle(
    others.filter((t) => term.related.includes(t.id) || t.category === term.category),
  );
  const rest = shuffle(others.filter((t) => !close.includes(t)));
  const picked: T[] = [];
  for (const candidate of [...close, ...rest]) {
    if (picked.length === 3) {
      break;
    }
    if (!picked.some((p) => p.term === candidate.term)) {
      picked.push(candidate);
    }
  }
  return shuffle([term, ...picked]);
}

export type { Card, Grade };
export { Rating };
