import {
  GLOSSARIES_KEY,
  GLOSSARY_BUDGET_BYTES,
  GLOSSARY_NAME_MAX,
  type GlossaryEntry,
  glossaryKey,
  newGlossaryId,
  readIndex,
  readTerms,
  storedBytes,
} from '../import/library';
import { applyManaged } from '../import/managed';
import type { ImportedTerm } from '../import/rows';
import { dayOf, KNOWN_BUDGET_BYTES, knownBytes } from '../progress/known';
import {
  MET_KEY,
  type MetRecord,
  metValue,
  type Place,
  readMet,
  readPlaces,
  WHERE_KEY,
} from '../progress/met';
import { REVIEW_KEY, type ReviewState, readReview, reviewValue } from '../review/cards';
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
 * does (storage.ts): save settings, read what was met, keep the review, import progress, show
 * and delete everything. Never imported by the content script, which stays small for it.
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
      await storage.sync.set(newer ? change : { ...change, [VERSION_KEY]: SETTINGS_VERSION });
      if (change.whereMet === false) {
        // Reading history goes with the switch that kept it.
        await forgetPlaces();
      }
    } catch (error) {
      throw new SaveError(problemOfError(error), error);
    }
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

  /** Forgets every place a term was met (the user stopped keeping them). */
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

  /** The user's own glossaries, switched on or off; an unreadable entry dropped alone, and said. */
  async function loadGlossaryIndex(): Promise<GlossaryEntry[]> {
    const stored = await storage.local.get(GLOSSARIES_KEY);
    const { entries, dropped } = readIndex(stored[GLOSSARIES_KEY]);
    if (dropped.length) {
      try {
        await storage.local.set({ [GLOSSARIES_KEY]: entries });
        await noteLost({ droppedProgress: dropped });
      } catch (error) {
        console.warn('Ethical AI Glossary: the list of glossaries could not be repaired:', error);
      }
    }
    return entries;
  }

  function onGlossaryIndexChanged(listener: (entries: GlossaryEntry[]) => void): () => void {
    return whenChanged(
      storage,
      'local',
      (changes) => GLOSSARIES_KEY in changes,
      loadGlossaryIndex,
      listener,
    );
  }

  /** The user's own glossary `id` in `entries`: one the organisation installed is not theirs to change. */
  function ownEntry(entries: readonly GlossaryEntry[], id: string): GlossaryEntry {
    const entry = entries.find((e) => e.id === id);
    if (!entry || entry.managed) {
      throw new SaveError('invalid');
    }
    return entry;
  }

  /** Writes the list of glossaries; a refusal is said as the SaveError it is. */
  async function writeIndex(entries: readonly GlossaryEntry[]): Promise<void> {
    try {
      await storage.local.set({ [GLOSSARIES_KEY]: entries });
    } catch (error) {
      throw new SaveError(problemOfError(error), error);
    }
  }

  /**
   * Stores `terms` as glossary `entry` with the list `entries` in one write, so a failure
   * stores neither; terms that would pass the glossaries' budget are refused first.
   */
  async function writeGlossary(
    entry: GlossaryEntry,
    terms: readonly ImportedTerm[],
    entries: readonly GlossaryEntry[],
  ): Promise<void> {
    const data = { terms };
    const others = await storage.local.get(
      entries.filter((e) => e.id !== entry.id).map((e) => glossaryKey(e.id)),
    );
    if (storedBytes(others) + storedBytes(data) > GLOSSARY_BUDGET_BYTES) {
      throw new SaveError('no-room-for-glossary');
    }
    try {
      await storage.local.set({ [glossaryKey(entry.id)]: data, [GLOSSARIES_KEY]: entries });
    } catch (error) {
      throw new SaveError(problemOfError(error), error);
    }
  }

  /** Stores a new glossary, switched on; resolves with its entry. */
  async function addGlossary(name: string, terms: readonly ImportedTerm[]): Promise<GlossaryEntry> {
    const entries = await loadGlossaryIndex();
    const entry: GlossaryEntry = {
      id: newGlossaryId(name, new Set(entries.map((e) => e.id))),
      name,
      enabled: true,
      added: dayOf(new Date()),
      terms: terms.length,
    };
    await writeGlossary(entry, terms, [...entries, entry]);
    return entry;
  }

  /**
   * Puts a new version's terms in place of a glossary's, keeping its id, name and switch: the
   * user's progress, kept by term id, goes on for every term whose id stays.
   */
  async function replaceGlossary(
    id: string,
    terms: readonly ImportedTerm[],
  ): Promise<GlossaryEntry> {
    const entries = await loadGlossaryIndex();
    const entry: GlossaryEntry = { ...ownEntry(entries, id), terms: terms.length };
    await writeGlossary(
      entry,
      terms,
      entries.map((e) => (e.id === id ? entry : e)),
    );
    return entry;
  }

  /** One glossary's stored terms, switched on or not (to export it, or to compare a new version). */
  async function loadGlossaryTerms(id: string): Promise<ImportedTerm[]> {
    const entry = (await loadGlossaryIndex()).find((e) => e.id === id);
    const stored = await storage.local.get(glossaryKey(id));
    return entry ? readTerms(stored[glossaryKey(id)], entry.name).terms : [];
  }

  /** Names a glossary anew (1 to 100 characters); its tooltips say the new name at once. */
  async function renameGlossary(id: string, name: string): Promise<void> {
    const clean = name.trim();
    if (!clean || clean.length > GLOSSARY_NAME_MAX) {
      throw new SaveError('invalid');
    }
    const entries = await loadGlossaryIndex();
    ownEntry(entries, id);
    await writeIndex(entries.map((e) => (e.id === id ? { ...e, name: clean } : e)));
  }

  /** Switches a glossary on or off on every open page. */
  async function setGlossaryEnabled(id: string, enabled: boolean): Promise<void> {
    const entries = await loadGlossaryIndex();
    await writeIndex(entries.map((e) => (e.id === id ? { ...e, enabled } : e)));
  }

  /** Removes a glossary: first from the list (pages let go of it), then its terms. */
  async function deleteGlossary(id: string): Promise<void> {
    const entries = await loadGlossaryIndex();
    ownEntry(entries, id);
    await writeIndex(entries.filter((e) => e.id !== id));
    try {
      await storage.local.remove(glossaryKey(id));
    } catch (error) {
      throw new SaveError(problemOfError(error), error);
    }
  }

  /**
   * Brings the glossaries the organisation installs (`policy`, what storage.managed holds) into
   * the list: added, changed or taken away, written only where something changed, so open
   * pages are not redone for nothing. Resolves with what of the policy could not be used.
   */
  async function applyManagedPolicy(policy: unknown): Promise<string[]> {
    const entries = await loadGlossaryIndex();
    const next = applyManaged(policy, entries, dayOf(new Date()));
    const ids = [...next.terms.keys()];
    const stored = await storage.local.get(ids.map(glossaryKey));
    const changes: Record<string, unknown> = {};
    for (const [id, terms] of next.terms) {
      const value = { terms };
      if (JSON.stringify(stored[glossaryKey(id)]) !== JSON.stringify(value)) {
        changes[glossaryKey(id)] = value;
      }
    }
    if (JSON.stringify(next.entries) !== JSON.stringify(entries)) {
      changes[GLOSSARIES_KEY] = next.entries;
    }
    const gone = entries.filter((e) => e.managed && !next.terms.has(e.id));
    try {
      if (Object.keys(changes).length) {
        await storage.local.set(changes);
      }
      if (gone.length) {
        await storage.local.remove(gone.map((e) => glossaryKey(e.id)));
      }
    } catch (error) {
      throw new SaveError(problemOfError(error), error);
    }
    return next.problems;
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

  /** Deletes everything the extension has stored; settings fall back to their defaults. */
  async function deleteStoredData(): Promise<void> {
    await Promise.all([storage.sync.clear(), storage.local.clear()]);
  }

  return {
    ...reader,
    saveSettings,
    loadMet,
    onMetChanged,
    forgetPlaces,
    loadReview,
    updateReview,
    onReviewChanged,
    replaceProgress,
    onLocalStateChanged,
    loadGlossaryIndex,
    onGlossaryIndexChanged,
    addGlossary,
    applyManagedPolicy,
    replaceGlossary,
    loadGlossaryTerms,
    renameGlossary,
    setGlossaryEnabled,
    deleteGlossary,
    storedData,
    deleteStoredData,
  };
}
