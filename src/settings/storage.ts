import type Browser from 'webextension-polyfill';
import {
  isNewerVersion,
  parseSettings,
  problemOfError,
  problemWith,
  type SaveProblem,
  SETTING_KEYS,
  SETTINGS_VERSION,
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

export type ExtensionStorage = ReturnType<typeof createStorage>;

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
        if (repaired.length || droppedSites.length) {
          const before = await loadLocalState();
          await saveLocalState({
            repairedSettings: [...new Set([...before.repairedSettings, ...repaired])],
            droppedSites: [...new Set([...before.droppedSites, ...droppedSites])].slice(
              0,
              DROPPED_KEPT,
            ),
          });
        }
      } catch (error) {
        // What was read is still right; the repair is tried again on the next read.
        console.warn('Ethical AI Glossary: a stored setting could not be repaired:', error);
      }
    }
    return settings;
  }

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
    } catch (error) {
      throw new SaveError(problemOfError(error), error);
    }
  }

  /**
   * Calls `listener` with what `load` reads whenever `area` changes in a way `matters` says;
   * returns how to stop.
   */
  function whenChanged<T>(
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

  /** Calls `listener` with the whole, parsed settings whenever one of them changes. */
  function onSettingsChanged(listener: (settings: Settings) => void): () => void {
    return whenChanged(
      'sync',
      (changes) => SETTING_KEYS.some((k) => k in changes),
      loadSettings,
      listener,
    );
  }

  async function loadLocalState(): Promise<LocalState> {
    const { dismissedDay, repairedSettings, droppedSites } = await storage.local.get([
      'dismissedDay',
      'repairedSettings',
      'droppedSites',
    ]);
    return {
      dismissedDay:
        typeof dismissedDay === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(dismissedDay)
          ? dismissedDay
          : null,
      repairedSettings: Array.isArray(repairedSettings)
        ? SETTING_KEYS.filter((k) => repairedSettings.includes(k))
        : [],
      droppedSites: Array.isArray(droppedSites)
        ? droppedSites.filter((s): s is string => typeof s === 'string').slice(0, DROPPED_KEPT)
        : [],
    };
  }

  async function saveLocalState(change: Partial<LocalState>): Promise<void> {
    await storage.local.set(change);
  }

  /** Calls `listener` with the whole local state whenever it changes (another page repaired a setting). */
  function onLocalStateChanged(listener: (state: LocalState) => void): () => void {
    return whenChanged('local', () => true, loadLocalState, listener);
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
    loadSettings,
    saveSettings,
    onSettingsChanged,
    loadLocalState,
    saveLocalState,
    onLocalStateChanged,
    storedData,
    deleteStoredData,
  };
}
