import type Browser from 'webextension-polyfill';
import {
  GLOSSARIES_KEY,
  glossaryKey,
  readIndex,
  readTerms,
  type UserGlossary,
} from '../import/library';
import { isKnownKey, knownWrite, readKnown } from '../progress/known';
import {
  parseSettings,
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
 * This file holds what every context uses, the content script included: reading settings,
 * known terms and glossaries. What only the extension's pages and background do (saving
 * settings and progress, the review, the privacy panel) is in page-storage.ts, so the script
 * loaded into every page does not carry it.
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
    onKnownChanged,
    loadGlossaries,
    onGlossariesChanged,
    loadLocalState,
    saveLocalState,
  };
}
