import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../test/support/memory-storage';
import type { SaveRequest } from '../messages/saves';
import { createPageStorage } from '../settings/page-storage';
import { dayOf } from './known';
import { progressFile } from './transfer';
import { answerSave, progressWrites } from './writes';

const NOW = new Date();
const TODAY = dayOf(NOW);
const EMPTY_REVIEW = { cards: new Map(), day: 0, newToday: 0 };

/** The background's writer over a storage held in memory, with `sync` stored there. */
function background(sync: Record<string, unknown> = {}) {
  const { api, storage } = memoryStorage(sync);
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
    const { store, writes } = background({ whereMet: true });
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

  it('stores no place once the reader stopped keeping them, and forgets those a page was still sending', async () => {
    const { storage, store, writes } = background({ whereMet: true });
    const place = { title: 'An article', url: 'https://news.example/a', day: TODAY };
    // A tooltip read while the switch was on, on its way as the reader turns it off.
    const reading = writes.markMet('bias', place);
    storage.sync.data.whereMet = false;
    const forgetting = writes.forgetPlacesUnlessKept();
    // A page that has not heard of the switch yet still sends a place.
    const late = writes.markMet('fairness', place);
    await Promise.all([reading, forgetting, late]);
    const { met, places } = await store.loadMet();
    expect(places.size).toBe(0);
    expect(storage.local.data.metWhere).toBeUndefined();
    // The counts stay: only where goes.
    expect(met.get('bias')?.count).toBe(1);
    expect(met.get('fairness')?.count).toBe(1);
  });

  it('keeps the places while the reader keeps them', async () => {
    const { store, writes } = background({ whereMet: true });
    const place = { title: 'An article', url: 'https://news.example/a', day: TODAY };
    await Promise.all([writes.markMet('bias', place), writes.forgetPlacesUnlessKept()]);
    expect((await store.loadMet()).places.get('bias')).toEqual([place]);
  });

  it('deletes everything, a change on its way included, and only for the extension’s pages', async () => {
    const { storage, writes } = background({ density: 'every' });
    const marking = writes.markKnown(['bias'], true);
    const reading = writes.markMet('dpia', null);
    expect(await answerSave({ type: 'delete-data' }, writes, false)).toEqual({
      problem: 'invalid',
    });
    const deleting = answerSave({ type: 'delete-data' }, writes, true);
    await Promise.all([marking, reading]);
    expect(await deleting).toEqual({ problem: null });
    expect(storage.sync.data).toEqual({});
    expect(storage.local.data).toEqual({});
    // What comes after the deletion is a new start, stored as usual.
    await writes.markKnown(['fairness'], true);
    expect(Object.keys(storage.sync.data).length).toBeGreaterThan(0);
  });
});
