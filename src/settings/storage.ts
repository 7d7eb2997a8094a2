import type Browser from 'webextension-polyfill';
import {
  GLOSSARIES_KEY,
  glossaryKey,
  readIndex,
  readTerms,
  type UserGlossary,
} from '../import/library';
import {
  dayOf,
  isKnownKey,
  KNOWN_BUDGET_BYTES,
  knownBytes,
  knownWrite,
  readKnown,
} from '../progress/known';
import {
  MET_KEY,
  metValue,
  type Place,
  readMet,
  readPlaces,
  WHERE_KEY,
  withMet,
  withPlace,
} from '../progress/met';
import {
  parseSettings,
  problemOfError,
  type SaveProblem,
  SETTING_KEYS,
  type SettingKey,
  type Settings,
  VERSION_KEY,
} from './settings';

/**
 * The one module that reads and writes the extension's storage. Each context hands in its own
 * storage API: the extension's pages and background webextension-polyfill's (see
 * extension-storage.ts), the content script the browser's own (platform/page-api.ts).
 * Settings live in storage.sync, which follows the user across their browsers where the
 * browser syncs; the rest stays on the device in storage.local.
 *
 * This file holds what every context uses, the content script included: reading settings and
 * known terms, marking terms known and met. What only the extension's pages do (saving
 * settings, the review, progress import, the privacy panel) is in page-storage.ts, so the
 * script loaded into every page does not carry it.
 *
 * Only a context the user can see repairs what it reads (the extension's pages and background):
 * content scripts run in every tab at once, and as many writers would hit storage.sync's
 * write-rate limit.
 */

/** The extension API's `storage`, from the polyfill or the browser itself. */
export type StorageApi = Browser.Storage.Static;

/**
 * What the extension keeps on this device only (storage.local, never synced): small state of
 * the popup that is not a setting.
 */
export interface LocalState {
  /** The local date (YYYY-MM-DD) on which the term of the day was dismissed. */
  dismissedDay: string | null;
  /** Settings found unreadable and reset to their defaults, until the user has been told. */
  repairedSettings: SettingKey[];
  /** Paused-site entries found unreadable and dropped from the list, until the user has been told. */
  droppedSites: string[];
  /** Known-term, met-term or imported-glossary records found unreadable and dropped (the rest kept), until the user has been told. */
  droppedProgress: string[];
}

/** How many dropped entries are remembered to be named: enough to say, bounded. */
const DROPPED_KEPT = 20;

/** A change that was not stored, and why. */
export class SaveError extends Error {
  constructor(
    readonly problem: SaveProblem,
    cause?: unknown,
  ) {
    super(`Settings not saved: ${problem}`, { cause });
  }
}

/**
 * Calls `listener` with what `load` reads whenever `area` of `storage` changes in a way
 * `matters` says; returns how to stop.
 */
export function whenChanged<T>(
  storage: StorageApi,
  area: 'sync' | 'local',
  matters: (changes: Record<string, unknown>) => boolean,
  load: () => Promise<T>,
  listener: (value: T) => void,
): () => void {
  const handle = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName === area && matters(changes)) {
      void load().then(listener, () => undefined);
    }
  };
  storage.onChanged.addListener(handle);
  return () => storage.onChanged.removeListener(handle);
}

/** Stores `known` as the whole list of known terms, over the shards now in `storedKeys`. */
export async function writeKnown(
  storage: StorageApi,
  known: Map<string, number>,
  storedKeys: string[],
): Promise<void> {
  const { set, remove } = knownWrite(known, storedKeys);
  // The new shards first: a failure between the two calls leaves a shard too many, which
  // reads the same (a term is read once), never one too few.
  await storage.sync.set(set);
  if (remove.length) {
    await storage.sync.remove(remove);
  }
}

export type ReaderStorage = ReturnType<typeof createStorage>;

export function createStorage(storage: StorageApi, { repair = true } = {}) {
  async function loadSettings(): Promise<Settings> {
    const { settings, repaired, droppedSites, rewrite } = parseSettings(
      await storage.sync.get([...SETTING_KEYS, VERSION_KEY]),
    );
    if (repair && Object.keys(rewrite).length) {
      try {
        // Write the repair back so the broken value does not come back on every read, and
        // remember what was lost, so the popup and options page can tell the user.
        await storage.sync.set(rewrite);
        await noteLost({ repairedSettings: repaired, droppedSites });
      } catch (error) {
        // What was read is still right; the repair is tried again on the next read.
        console.warn('Ethical AI Glossary: a stored setting could not be repaired:', error);
      }
    }
    return settings;
  }

  /** Calls `listener` with the whole, parsed settings whenever one of them changes. */
  function onSettingsChanged(listener: (settings: Settings) => void): () => void {
    return whenChanged(
      storage,
      'sync',
      (changes) => SETTING_KEYS.some((k) => k in changes),
      loadSettings,
      listener,
    );
  }

  /** Remembers what a read had to drop, for the popup and options page to tell the user. */
  async function noteLost(lost: Partial<Omit<LocalState, 'dismissedDay'>>): Promise<void> {
    const entries = Object.entries(lost).filter(([, list]) => list.length);
    if (!entries.length) {
      return;
    }
    const before = await loadLocalState();
    const change: Partial<LocalState> = {};
    for (const [key, list] of entries as Array<[keyof typeof lost, string[]]>) {
      (change as Record<string, string[]>)[key] = [
        ...new Set([...(before[key] as string[]), ...list]),
      ].slice(0, DROPPED_KEPT);
    }
    await saveLocalState(change);
  }

  /**
   * The terms the user marked as known. A record that cannot be read is dropped alone; a
   * context that repairs writes the rest back and remembers what was dropped, to say so.
   */
  async function loadKnown(): Promise<Map<string, number>> {
    const items = await storage.sync.get(null);
    const { known, dropped, changed } = readKnown(items);
    if (repair && changed) {
      try {
        await writeKnown(storage, known, Object.keys(items));
        await noteLost({ droppedProgress: dropped });
      } catch (error) {
        console.warn('Ethical AI Glossary: the known terms could not be repaired:', error);
      }
    }
    return known;
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

  /** Calls `listener` with the known terms whenever they change (on any page, any device). */
  function onKnownChanged(listener: (known: Map<string, number>) => void): () => void {
    return whenChanged(
      storage,
      'sync',
      (changes) => Object.keys(changes).some(isKnownKey),
      loadKnown,
      listener,
    );
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

  /**
   * The user's own glossaries that are switched on, with their terms. What cannot be read is
   * left out (the options page, which repairs, names it); the course's glossary is not here.
   */
  async function loadGlossaries(): Promise<UserGlossary[]> {
    const { entries } = readIndex((await storage.local.get(GLOSSARIES_KEY))[GLOSSARIES_KEY]);
    const enabled = entries.filter((e) => e.enabled);
    if (!enabled.length) {
      return [];
    }
    const stored = await storage.local.get(enabled.map((e) => glossaryKey(e.id)));
    return enabled.map((e) => ({
      id: e.id,
      name: e.name,
      terms: readTerms(stored[glossaryKey(e.id)], e.name).terms,
    }));
  }

  /**
   * Calls `listener` with the glossaries switched on whenever any changes. Chrome reports only
   * keys whose value changed (a new version may leave the list as it was): terms' keys count.
   */
  const isGlossaryKey = (key: string) => key === GLOSSARIES_KEY || key.startsWith(glossaryKey(''));
  function onGlossariesChanged(listener: (glossaries: UserGlossary[]) => void): () => void {
    return whenChanged(
      storage,
      'local',
      (changes) => Object.keys(changes).some(isGlossaryKey),
      loadGlossaries,
      listener,
    );
  }

  async function loadLocalState(): Promise<LocalState> {
    const { dismissedDay, repairedSettings, droppedSites, droppedProgress } =
      await storage.local.get([
        'dismissedDay',
        'repairedSettings',
        'droppedSites',
        'droppedProgress',
      ]);
    const texts = (value: unknown) =>
      Array.isArray(value)
        ? value.filter((s): s is string => typeof s === 'string').slice(0, DROPPED_KEPT)
        : [];
    return {
      dismissedDay:
        typeof dismissedDay === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(dismissedDay)
          ? dismissedDay
          : null,
      repairedSettings: Array.isArray(repairedSettings)
        ? SETTING_KEYS.filter((k) => repairedSettings.includes(k))
        : [],
      droppedSites: texts(droppedSites),
      droppedProgress: texts(droppedProgress),
    };
  }

  async function saveLocalState(change: Partial<LocalState>): Promise<void> {
    await storage.local.set(change);
  }

  return {
    loadSettings,
    onSettingsChanged,
    noteLost,
    loadKnown,
    markKnown,
    onKnownChanged,
    markMet,
    loadGlossaries,
    onGlossariesChanged,
    loadLocalState,
    saveLocalState,
  };
}
