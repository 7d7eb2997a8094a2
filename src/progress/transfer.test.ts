import { describe, expect, it } from 'vitest';
import { glossary } from '../glossary/data';
import { Rating, rated } from '../review/review';
import { dayOf } from './known';
import { ankiFile, mergeProgress, type Progress, parseProgress, progressFile } from './transfer';

const NOW = new Date('2026-12-06T10:00:00Z');
const TODAY = dayOf(NOW);
const EMPTY_REVIEW = { cards: new Map(), day: 0, newToday: 0 };

function someProgress(): Progress {
  const review = rated(
    rated(EMPTY_REVIEW, 'fairness', Rating.Good, NOW, TODAY),
    'dpia',
    Rating.Again,
    NOW,
    TODAY,
  );
  return {
    known: new Map([['bias', TODAY - 2]]),
    met: new Map([
      ['fairness', { count: 3, first: TODAY - 5, last: TODAY }],
      ['dpia', { count: 1, first: TODAY, last: TODAY }],
    ]),
    review,
  };
}

describe('progress taken elsewhere and back', () => {
  it('imports an exported file back to the same state', () => {
    const progress = someProgress();
    const parsed = parseProgress(progressFile(progress, NOW));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) {
      return;
    }
    expect(parsed.dropped).toEqual([]);
    expect(parsed.progress.known).toEqual(progress.known);
    expect(parsed.progress.met).toEqual(progress.met);
    expect(parsed.progress.review.cards.get('dpia')?.due).toEqual(
      progress.review.cards.get('dpia')?.due,
    );
    expect([...parsed.progress.review.cards.keys()]).toEqual([...progress.review.cards.keys()]);
    // Merged into an empty browser, it is what was exported.
    const empty: Progress = { known: new Map(), met: new Map(), review: EMPTY_REVIEW };
    const merged = mergeProgress(empty, parsed.progress);
    expect(merged.known).toEqual(progress.known);
    expect(merged.met).toEqual(progress.met);
  });

  it('says what is wrong with a file that is not one, and imports nothing', () => {
    expect(parseProgress('{"format": "something else"}')).toEqual({
      ok: false,
      problem: 'not-progress',
    });
    expect(parseProgress('Term,Definition')).toEqual({ ok: false, problem: 'not-json' });
    expect(parseProgress('{"format": "ethical-ai-glossary-progress", "version": 9}')).toEqual({
      ok: false,
      problem: 'newer',
    });
  });

  it('leaves out and names the records it cannot read, and keeps the rest', () => {
    const file = JSON.parse(progressFile(someProgress(), NOW));
    file.known.privacy = 'last week';
    file.met['<script>'] = [1, TODAY, TODAY];
    const parsed = parseProgress(`\uFEFF${JSON.stringify(file)}`);
    expect(parsed.ok && [...parsed.progress.known.keys()]).toEqual(['bias']);
    expect(parsed.ok && parsed.dropped).toEqual([
      'privacy: "last week"',
      `<script>: [1,${TODAY},${TODAY}]`,
    ]);
  });

  it('merges: known in either, the wider met record, the card reviewed last', () => {
    const here = someProgress();
    const later = rated(
      EMPTY_REVIEW,
      'fairness',
      Rating.Easy,
      new Date(NOW.getTime() + 3_600_000),
      TODAY,
    );
    const imported: Progress = {
      known: new Map([
        ['bias', TODAY - 9],
        ['privacy', TODAY],
      ]),
      met: new Map([['fairness', { count: 2, first: TODAY - 9, last: TODAY - 1 }]]),
      review: later,
    };
    const merged = mergeProgress(here, imported);
    expect(merged.known).toEqual(
      new Map([
        ['bias', TODAY - 9],
        ['privacy', TODAY],
      ]),
    );
    expect(merged.met.get('fairness')).toEqual({ count: 3, first: TODAY - 9, last: TODAY });
    expect(merged.review.cards.get('fairness')).toEqual(later.cards.get('fairness'));
    expect(merged.review.cards.get('dpia')).toEqual(here.review.cards.get('dpia'));
  });
});

describe('the glossary for Anki', () => {
  it('writes the header Anki reads, then one note a term with its status and category as tags', () => {
    const { known, review } = someProgress();
    const lines = ankiFile(glossary.terms, known, review).trimEnd().split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '#separator:tab',
      '#html:false',
      '#columns:Term\tDefinition\tStatus\tTags',
      '#tags column:4',
    ]);
    const notes = lines.slice(4).map((line) => line.split('\t'));
    expect(notes).toHaveLength(glossary.terms.length);
    for (const fields of notes) {
      expect(fields).toHaveLength(4);
    }
    const byName = new Map(notes.map((f) => [f[0], f]));
    expect(byName.get('Bias')?.slice(2)).toEqual(['known', 'ethical-ai-glossary principles known']);
    expect(byName.get('Data Protection Impact Assessment (DPIA)')?.[2]).toBe('learning');
    expect(byName.get('Privacy')?.[2]).toBe('new');
  });

  it('keeps a definition with tabs and line breaks in its one field', () => {
    const term = {
      ...glossary.terms[0],
      definition: 'One\ttwo\nthree',
    } as (typeof glossary.terms)[0];
    const line = ankiFile([term], new Map(), EMPTY_REVIEW).trimEnd().split('\n')[4] ?? '';
    expect(line.split('\t')[1]).toBe('One two three');
  });
});
