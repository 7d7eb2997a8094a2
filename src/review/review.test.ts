import { describe, expect, it } from 'vitest';
import { glossary, termsById } from '../glossary/data';
import type { GlossaryTerm } from '../glossary/schema';
import { dayOf } from '../progress/known';
import { DEFAULT_NEW_PER_DAY, dueCount, readReview, reviewQueue, reviewValue } from './cards';
import { cardKind, choicesFor, Rating, rated } from './review';

const NOW = new Date('2026-12-06T10:00:00Z');
const TODAY = dayOf(NOW);
const EMPTY = { cards: new Map(), day: 0, newToday: 0 };
const term = (id: string) => termsById.get(id) as GlossaryTerm;
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

/** A seeded random source, so a failing shuffle can be replayed. */
function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('choosing the term for a definition', () => {
  it('offers the term and three others, each once, close ones first, in shuffled order', () => {
    const orders = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      for (const t of glossary.terms) {
        const choices = choicesFor(t, glossary.terms, seeded(seed));
        expect(choices).toHaveLength(4);
        expect(new Set(choices.map((c) => c.term)).size).toBe(4);
        expect(choices.filter((c) => c.id === t.id)).toHaveLength(1);
        // Wrong answers from the same category or the related terms while there are enough.
        const close = glossary.terms.filter(
          (o) => o.id !== t.id && (t.related.includes(o.id) || o.category === t.category),
        );
        const closeChosen = choices.filter((c) => c.id !== t.id && close.includes(c)).length;
        expect(closeChosen).toBe(Math.min(3, close.length));
        if (t.id === 'bias') {
          orders.add(choices.map((c) => c.id).join());
        }
      }
    }
    // The right answer is not always in the same place.
    const places = new Set([...orders].map((o) => o.split(',').indexOf('bias')));
    expect(places.size).toBe(4);
  });
});

describe('the review queue', () => {
  const met = new Map(
    ['bias', 'fairness', 'dpia', 'privacy'].map((id, i) => [id, { first: TODAY - 4 + i }]),
  );
  const options = {
    now: NOW,
    today: TODAY,
    met,
    known: new Set<string>(),
    newPerDay: DEFAULT_NEW_PER_DAY,
    exists: (id: string) => termsById.has(id),
  };

  it('puts due cards first, then met terms new to review, oldest met first', () => {
    let state = rated(EMPTY, 'privacy', Rating.Again, hours(-48), TODAY - 2);
    state = rated(state, 'dpia', Rating.Good, NOW, TODAY);
    const queue = reviewQueue(state, options);
    expect(queue.due).toEqual(['privacy']);
    expect(queue.fresh).toEqual(['bias', 'fairness']);
  });

  it('lets at most the daily number of new terms in, and counts again the next day', () => {
    let state = rated(EMPTY, 'bias', Rating.Good, NOW, TODAY);
    expect(state.newToday).toBe(1);
    expect(reviewQueue(state, { ...options, newPerDay: 2 }).fresh).toEqual(['fairness']);
    state = rated(state, 'fairness', Rating.Good, NOW, TODAY);
    expect(reviewQueue(state, { ...options, newPerDay: 2 }).fresh).toEqual([]);
    // A card reviewed again is not new.
    state = rated(state, 'bias', Rating.Good, NOW, TODAY);
    expect(state.newToday).toBe(2);
    const tomorrow = { ...options, newPerDay: 2, today: TODAY + 1, now: hours(24) };
    expect(reviewQueue(state, tomorrow).fresh).toEqual(['dpia', 'privacy']);
  });

  it('leaves out terms the reader knows, and terms no glossary has', () => {
    const queue = reviewQueue(EMPTY, {
      ...options,
      known: new Set(['bias']),
      met: new Map([...met, ['gone-term', { first: 1 }]]),
    });
    expect(queue.fresh).toEqual(['fairness', 'dpia', 'privacy']);
  });

  it('schedules a card rated Good later than one rated Again, with FSRS', () => {
    const state = rated(
      rated(EMPTY, 'bias', Rating.Good, NOW, TODAY),
      'dpia',
      Rating.Again,
      NOW,
      TODAY,
    );
    const good = state.cards.get('bias')?.due.getTime() ?? 0;
    const again = state.cards.get('dpia')?.due.getTime() ?? 0;
    expect(again).toBeGreaterThan(NOW.getTime());
    expect(good).toBeGreaterThan(again);
    expect(dueCount(state, hours(24 * 365), new Set())).toBe(2);
    expect(dueCount(state, NOW, new Set())).toBe(0);
  });

  it('asks to recall the definition once a card is in review, to choose the term before', () => {
    let state = rated(EMPTY, 'bias', Rating.Good, NOW, TODAY);
    expect(cardKind(undefined)).toBe('choose');
    for (let day = 1; day < 30 && cardKind(state.cards.get('bias')) === 'choose'; day++) {
      state = rated(state, 'bias', Rating.Good, hours(24 * day), TODAY + day);
    }
    expect(cardKind(state.cards.get('bias'))).toBe('recall');
    expect(term('bias').definition.length).toBeGreaterThan(0);
  });
});

describe('review cards in storage', () => {
  it('reads back what it writes', () => {
    const state = rated(EMPTY, 'bias', Rating.Good, NOW, TODAY);
    const stored = JSON.parse(JSON.stringify(reviewValue(state)));
    const read = readReview(stored);
    expect(read.dropped).toEqual([]);
    expect(read.state.newToday).toBe(1);
    expect(read.state.cards.get('bias')?.due).toEqual(state.cards.get('bias')?.due);
    expect(read.state.cards.get('bias')?.stability).toBe(state.cards.get('bias')?.stability);
  });

  it('drops an unreadable card alone and names it', () => {
    const state = rated(EMPTY, 'bias', Rating.Good, NOW, TODAY);
    const stored = reviewValue(state) as { cards: Record<string, unknown> };
    stored.cards.dpia = [1, 2, 3];
    stored.cards.fairness = 'soon';
    const read = readReview(stored);
    expect([...read.state.cards.keys()]).toEqual(['bias']);
    expect(read.dropped).toEqual(['dpia: [1,2,3]', 'fairness: "soon"']);
    expect(readReview('garbage').state.cards.size).toBe(0);
  });
});
