import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../test/support/memory-storage';
import type { SaveRequest } from '../messages/messages';
import { createPageStorage } from '../settings/page-storage';
import { dayOf } from './known';
import { progressFile } from './transfer';
import { answerSave, progressWrites } from './writes';

const NOW = new Date();
const TODAY = dayOf(NOW);
const EMPTY_REVIEW = { cards: new Map(), day: 0, newToday: 0 };

/** The background's writer over a storage held in memory. */
function background() {
  const { api, storage } = memoryStorage();
  const store = createPageStorage(api);
  return { storage, store, writes: progressWrites(store) };
}

const knownIds = async (store: ReturnType<typeof createPageStorage>) =>
  [...(await store.loadKnown()).keys()].sort();

describe('changes to progress from several tabs at once, stored in turn', () => {
  it('keeps both of two marks made at the same moment in two tabs', async () => {
    const { storage, store, writes } = background();
    await Promise.all([writes.markKnown(['bias'], true), writes.markKnown(['dpia'], true)]);
    expect(await knownIds(store)).toEqual(['bias', 'dpia']);
    // A refused mark says why and does not hold up the next one.
    storage.sync.set.mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const refused = answerSave(
      { type: 'mark-known', termIds: ['privacy'], known: true },
      writes,
      false,
    );
    await writes.markKnown(['fairness'], true);
    expect(await refused).toEqual({ problem: 'storage-full' });
    expect(await knownIds(store)).toEqual(['bias', 'dpia', 'fairness']);
  });

  it('counts a term read in two tabs at the same moment twice, and both places', async () => {
    const { store, writes } = background();
    const place = (url: string) => ({ title: 'An article', url, day: TODAY });
    await Promise.all([
      writes.markMet('bias', place('https://news.example/a')),
      writes.markMet('bias', place('https://blog.example/b')),
      writes.markMet('fairness', null),
    ]);
    const { met, places } = await store.loadMet();
    expect(met.get('bias')?.count).toBe(2);
    expect(met.get('fairness')?.count).toBe(1);
    expect(places.get('bias')?.map((p) => p.url)).toEqual([
      'https://news.example/a',
      'https://blog.example/b',
    ]);
  });

  it('keeps both of two ratings made at the same moment in two review tabs', async () => {
    const { store, writes } = background();
    const rating = (termId: string, grade: 1 | 3): SaveRequest => ({
      type: 'rate-term',
      termId,
      grade,
      at: NOW.getTime(),
    });
    const answers = await Promise.all([
      answerSave(rating('bias', 3), writes, true),
      answerSave(rating('dpia', 1), writes, true),
    ]);
    expect(answers).toEqual([{ problem: null }, { problem: null }]);
    const { cards } = await store.loadReview();
    expect([...cards.keys()].sort()).toEqual(['bias', 'dpia']);
    // Rated Good, bias is due later than dpia, rated Again.
    expect(cards.get('bias')?.due.getTime()).toBeGreaterThan(cards.get('dpia')?.due.getTime() ?? 0);
  });

  it('keeps a mark made in another tab while a progress file is imported', async () => {
    const { store, writes } = background();
    const file = progressFile(
      { known: new Map([['fairness', TODAY]]), met: new Map(), review: EMPTY_REVIEW },
      NOW,
    );
    const answers = await Promise.all([
      answerSave({ type: 'import-progress', file }, writes, true),
      answerSave({ type: 'mark-known', termIds: ['bias'], known: true }, writes, false),
    ]);
    expect(answers).toEqual([{ problem: null }, { problem: null }]);
    expect(await knownIds(store)).toEqual(['bias', 'fairness']);
  });

  it('imports only from the extension’s own pages, and only a progress file', async () => {
    const { storage, writes } = background();
    const file = progressFile(
      { known: new Map([['bias', TODAY]]), met: new Map(), review: EMPTY_REVIEW },
      NOW,
    );
    const importing = (text: string): SaveRequest => ({ type: 'import-progress', file: text });
    // A content script lives in a page the extension does not control.
    expect(await answerSave(importing(file), writes, false)).toEqual({ problem: 'invalid' });
    expect(await answerSave(importing('Term,Definition'), writes, true)).toEqual({
      problem: 'invalid',
    });
    expect(storage.sync.set).not.toHaveBeenCalled();
    expect(storage.local.set).not.toHaveBeenCalled();
  });
});
