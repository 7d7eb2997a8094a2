import { dayOf, KNOWN_BUDGET_BYTES, knownBytes, readKnown } from '../progress/known';
import {
  MET_KEY,
  type MetRecord,
  metValue,
  type Place,
  readMet,
  readPlaces,
  WHERE_KEY,
  withMet,
  withPlace,
} from '../progress/met';
import { REVIEW_KEY, type ReviewState, readReview, reviewValue } from '../review/cards';
import { aloneWithGlossaries, createGlossaryStorage } from './glossary-storage';
import {
  isNewerVersion,
  problemOfError,
  problemWith,
  SETTINGS_VERSION,
  type Settings,
  VERSION_KEY,
} from './settings';
import {
  createStorage,
  type LocalState,
  SaveError,
  type StorageApi,
  whenChanged,
  writeKnown,
} from './storage';

/**
 * What the extension's own pages and background do with storage beyond what every context
 * does (storage.ts): save settings, store progress (in the background, in turn:
 * progress/writes.ts), read what was met, keep the review, keep the user's glossaries
 * (glossary-storage.ts), show and delete everything. Never imported by the content script,
 * which stays small for it.
 */

/** The terms met while reading (see progress/met.ts). */
export interface MetTerms {
  readonly met: ReadonlyMap<string, MetRecord>;
  readonly places: ReadonlyMap<string, readonly Place[]>;
}

export type ExtensionStorage = ReturnType<typeof createPageStorage>;

export function createPageStorage(storage: StorageApi) {
  const reader = createStorage(storage, { repair: true });
  const { noteLost } = reader;

  /**
   * Stores `change` (checked first) and resolves once it is stored; rejects with a SaveError
   * saying why when it is not, and then nothing has changed.
   */
  async function saveSettings(change: Partial<Settings>): Promise<void> {
    const problem = problemWith(change);
    if (problem) {
      throw new SaveError(problem);
    }
    try {
      const stored = await storage.sync.get(VERSION_KEY);
      // Never label another device's newer shape as this version's.
      const newer = isNewerVersion(stored[VERSION_KEY]);
      // Switching whereMet off: the background forgets the places, in turn with the tooltips
      // read meanwhile (progress/writes.ts), whichever page or device switched it.
      await storage.sync.set(newer ? change : { ...change, [VERSION_KEY]: SETTINGS_VERSION });
    } catch (error) {
      throw new SaveError(problemOfError(error), error);
    }
  }

  /**
   * Marks `termIds` known (or not known any more) on `today`; resolves once stored, rejects
   * with a SaveError saying why not, and then nothing has changed.
   */
  async function markKnown(
    termIds: readonly string[],
    known: boolean,
    today = dayOf(new Date()),
  ): Promise<void> {
    try {
      const items = await storage.sync.get(null);
      const read = readKnown(items);
      const next = new Map(read.known);
      for (const id of termIds) {
        if (!known) {
          next.delete(id);
        } else if (!next.has(id)) {
          next.set(id, today);
        }
      }
      if (known && knownBytes(next) > KNOWN_BUDGET_BYTES) {
        throw new SaveError('too-many-known');
      }
      await writeKnown(storage, next, Object.keys(items));
      await noteLost({ droppedProgress: read.dropped });
    } catch (error) {
      throw error instanceof SaveError ? error : new SaveError(problemOfError(error), error);
    }
  }

  /**
   * Counts `termId` as met once more on `today`, and at `place` when the user keeps where
   * terms were met (null otherwise). On this device only.
   */
  async function markMet(termId: string, place: Place | null, today = dayOf(new Date())) {
    const stored = await storage.local.get([MET_KEY, WHERE_KEY]);
    const change: Record<string, unknown> = {
      [MET_KEY]: metValue(withMet(readMet(stored[MET_KEY]).records, termId, today)),
    };
    if (place) {
      change[WHERE_KEY] = Object.fromEntries(
        withPlace(readPlaces(stored[WHERE_KEY]).records, termId, place),
      );
    }
    await storage.local.set(change);
  }

  /** The terms met while reading, and where (when the user keeps that); one bad record dropped alone. */
  async function loadMet(): Promise<MetTerms> {
    const stored = await storage.local.get([MET_KEY, WHERE_KEY]);
    const met = readMet(stored[MET_KEY]);
    const places = readPlaces(stored[WHERE_KEY]);
    const dropped = [...met.dropped, ...places.dropped];
    if (dropped.length) {
      try {
        await storage.local.set({
          [MET_KEY]: metValue(met.records),
          [WHERE_KEY]: Object.fromEntries(places.records),
        });
        await noteLost({ droppedProgress: dropped });
      } catch (error) {
        console.warn('Ethical AI Glossary: the met terms could not be repaired:', error);
      }
    }
    return { met: met.records, places: places.records };
  }

  function onMetChanged(listener: (met: MetTerms) => void): () => void {
    return whenChanged(
      storage,
      'local',
      (changes) => MET_KEY in changes || WHERE_KEY in changes,
      loadMet,
      listener,
    );
  }

  /** Forgets every place a term was met (the user stopped keeping them): the background's, in turn. */
  async function forgetPlaces(): Promise<void> {
    await storage.local.remove(WHERE_KEY);
  }

  /** The review cards, on this device; an unreadable card dropped alone, and said. */
  async function loadReview(): Promise<ReviewState> {
    const stored = await storage.local.get(REVIEW_KEY);
    const { state, dropped } = readReview(stored[REVIEW_KEY]);
    if (dropped.length) {
      try {
        await storage.local.set({ [REVIEW_KEY]: reviewValue(state) });
        await noteLost({ droppedProgress: dropped });
      } catch (error) {
        console.warn('Ethical AI Glossary: the review cards could not be repaired:', error);
      }
    }
    return state;
  }

  /**
   * Stores the review state `change` makes of the one stored now (read just before, so a rating
   * made on another page of this device meanwhile is kept); resolves with what was stored.
   */
  async function updateReview(change: (state: ReviewState) => ReviewState): Promise<ReviewState> {
    const stored = await storage.local.get(REVIEW_KEY);
    const next = change(readReview(stored[REVIEW_KEY]).state);
    await storage.local.set({ [REVIEW_KEY]: reviewValue(next) });
    return next;
  }

  function onReviewChanged(listener: (state: ReviewState) => void): () => void {
    return whenChanged(storage, 'local', (changes) => REVIEW_KEY in changes, loadReview, listener);
  }

  /**
   * Stores `progress` as the reader's whole progress (an import, merged with what is here by
   * the caller). All of it or nothing: when the synced part is refused, the device's part is
   * put back as it was, and the SaveError says why.
   */
  async function replaceProgress(progress: {
    known: ReadonlyMap<string, number>;
    met: ReadonlyMap<string, MetRecord>;
    review: ReviewState;
  }): Promise<void> {
    if (knownBytes(progress.known) > KNOWN_BUDGET_BYTES) {
      throw new SaveError('too-many-known');
    }
    let before: Record<string, unknown> | null = null;
    try {
      const [items, local] = await Promise.all([
        storage.sync.get(null),
        storage.local.get([MET_KEY, REVIEW_KEY]),
      ]);
      before = local;
      await storage.local.set({
        [MET_KEY]: metValue(progress.met),
        [REVIEW_KEY]: reviewValue(progress.review),
      });
      await writeKnown(storage, new Map(progress.known), Object.keys(items));
    } catch (error) {
      if (before) {
        const previous = before;
        await storage.local
          .remove([MET_KEY, REVIEW_KEY].filter((key) => !(key in previous)))
          .then(() => storage.local.set(previous))
          .catch(() => undefined);
      }
      throw new SaveError(problemOfError(error), error);
    }
  }

  /** Calls `listener` with the whole local state whenever it changes (another page repaired a setting). */
  function onLocalStateChanged(listener: (state: LocalState) => void): () => void {
    return whenChanged(storage, 'local', () => true, reader.loadLocalState, listener);
  }

  /** Everything the extension has stored, as it is stored: the privacy panel shows and exports it. */
  async function storedData(): Promise<{ sync: unknown; local: unknown }> {
    const [sync, local] = await Promise.all([storage.sync.get(null), storage.local.get(null)]);
    return { sync, local };
  }

  /**
   * Deletes everything the extension has stored; settings fall back to their defaults. The
   * background's, in turn with the changes on their way (pages ask it: 'delete-data').
   */
  async function deleteStoredData(): Promise<void> {
    // A glossary being imported in another tab must not be written back after the deletion.
    await aloneWithGlossaries(() => Promise.all([storage.sync.clear(), storage.local.clear()]));
  }

  return {
    ...reader,
    saveSettings,
    markKnown,
    markMet,
    loadMet,
    onMetChanged,
    forgetPlaces,
    loadReview,
    updateReview,
    onReviewChanged,
    replaceProgress,
    onLocalStateChanged,
    ...createGlossaryStorage(storage, noteLost),
    storedData,
    deleteStoredData,
  };
}
