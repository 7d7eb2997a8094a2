import type { Card } from 'ts-fsrs';
import { isTermId } from '../progress/known';

/**
 * The review cards as storage.local holds them (key `review`) and what is due: no scheduler
 * here, so the content script and the popup can read them without loading ts-fsrs (only the
 * review page schedules, in review.ts). One card that cannot be read is dropped alone.
 */

export const REVIEW_KEY = 'review';
/** How many new terms a day enter review, unless the user sets another number. */
export const DEFAULT_NEW_PER_DAY = 10;
export const MAX_NEW_PER_DAY = 100;
/** ts-fsrs's State: New, Learning, Review, Relearning (numbers, so this module needs no ts-fsrs code). */
const STATES = [0, 1, 2, 3] as const;
export const REVIEW_STATE = 2;

/** A term's card as stored: [due, stability, difficulty, scheduled days, learning steps, reps, lapses, state, last review]. */
type StoredCard = [number, number, number, number, number, number, number, number, number];

export function cardValue(card: Card): StoredCard {
  return [
    card.due.getTime(),
    card.stability,
    card.difficulty,
    card.scheduled_days,
    card.learning_steps,
    card.reps,
    card.lapses,
    card.state,
    card.last_review?.getTime() ?? 0,
  ];
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const whole = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function cardOf(value: unknown): Card | null {
  if (!Array.isArray(value) || value.length !== 9) {
    return null;
  }
  const [due, stability, difficulty, scheduled, steps, reps, lapses, state, last] =
    value as unknown[];
  if (
    !whole(due) ||
    !finite(stability) ||
    stability < 0 ||
    !finite(difficulty) ||
    !whole(scheduled) ||
    !whole(steps) ||
    !whole(reps) ||
    !whole(lapses) ||
    !STATES.includes(state as 0) ||
    !whole(last)
  ) {
    return null;
  }
  const lastReview = last ? new Date(last) : undefined;
  return {
    due: new Date(due),
    stability,
    difficulty,
    elapsed_days: 0,
    scheduled_days: scheduled,
    learning_steps: steps,
    reps,
    lapses,
    state: state as Card['state'],
    ...(lastReview ? { last_review: lastReview } : {}),
  };
}

export interface ReviewState {
  readonly cards: ReadonlyMap<string, Card>;
  /** The local day (days since 1970) `newToday` counts for. */
  readonly day: number;
  /** New terms that entered review on `day`. */
  readonly newToday: number;
}

/** The review state in what storage.local holds; unreadable cards dropped alone and named. */
export function readReview(value: unknown): { state: ReviewState; dropped: string[] } {
  const cards = new Map<string, Card>();
  const dropped: string[] = [];
  const source =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  const stored = source.cards;
  if (stored !== undefined && (stored === null || typeof stored !== 'object')) {
    dropped.push(`review: ${JSON.stringify(stored)}`.slice(0, 80));
  }
  for (const [id, entry] of Object.entries(
    stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {},
  )) {
    const card = isTermId(id) ? cardOf(entry) : null;
    if (card) {
      cards.set(id, card);
    } else {
      dropped.push(`${id}: ${JSON.stringify(entry) ?? String(entry)}`.slice(0, 80));
    }
  }
  const day = whole(source.day) ? source.day : 0;
  const newToday = whole(source.newToday) ? source.newToday : 0;
  return { state: { cards, day, newToday }, dropped };
}

export function reviewValue(state: ReviewState): Record<string, unknown> {
  return {
    cards: Object.fromEntries([...state.cards].map(([id, card]) => [id, cardValue(card)])),
    day: state.day,
    newToday: state.newToday,
  };
}

export interface Queue {
  /** Terms whose card is due, the most overdue first. */
  readonly due: string[];
  /** Met terms not in review yet, as many as today's new limit leaves room for. */
  readonly fresh: string[];
}

/**
 * What to review at `now` (local day `today`): due cards first, then met terms new to review,
 * oldest met first, up to `newPerDay` a day. Terms the user knows are not reviewed.
 */
export function reviewQueue(
  state: ReviewState,
  options: {
    now: Date;
    today: number;
    met: ReadonlyMap<string, { first: number }>;
    known: ReadonlySet<string>;
    newPerDay: number;
    exists: (id: string) => boolean;
  },
): Queue {
  const { now, today, met, known, newPerDay, exists } = options;
  const wanted = (id: string) => exists(id) && !known.has(id);
  const due = [...state.cards]
    .filter(([id, card]) => wanted(id) && card.due.getTime() <= now.getTime())
    .sort((a, b) => a[1].due.getTime() - b[1].due.getTime())
    .map(([id]) => id);
  const usedToday = state.day === today ? state.newToday : 0;
  const room = Math.max(0, newPerDay - usedToday);
  const fresh = [...met]
    .filter(([id]) => wanted(id) && !state.cards.has(id))
    .sort((a, b) => a[1].first - b[1].first || a[0].localeCompare(b[0]))
    .slice(0, room)
    .map(([id]) => id);
  return { due, fresh };
}

/** How many terms are due at `now` (the popup's count). */
export function dueCount(state: ReviewState, now: Date, known: ReadonlySet<string>): number {
  return [...state.cards].filter(([id, c]) => !known.has(id) && c.due.getTime() <= now.getTime())
    .length;
}
