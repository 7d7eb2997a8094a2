import type Browser from 'webextension-polyfill';
import {
  DEFAULT_SETTINGS,
  parseSettings,
  SETTING_KEYS,
  type SettingKey,
  type Settings,
} from './settings';

/**
 * The one module that reads and writes the extension's storage. Each context hands in its own
 * storage API: the extension's pages and background webextension-polyfill's (see
 * extension-storage.ts), the content script the browser's own (platform/page-api.ts).
 * Settings live in storage.sync, which follows the user across their browsers where the
 * browser syncs; the rest stays on the device in storage.local.
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
}

export type ExtensionStorage = ReturnType<typeof createStorage>;

export function createStorage(storage: StorageApi) {
  async function loadSettings(): Promise<Settings> {
    const stored = await storage.sync.get(SETTING_KEYS);
    const { settings, repaired } = parseSettings(stored);
    if (repaired.length) {
      // Write the defaults back so the broken value does not come back on every read, and
      // remember which, so the popup and options page can tell the user.
      await storage.sync.set(Object.fromEntries(repaired.map((k) => [k, DEFAULT_SETTINGS[k]])));
      const { repairedSettings: before } = await loadLocalState();
      await saveLocalState({ repairedSettings: [...new Set([...before, ...repaired])] });
    }
    return settings;
  }

  async function saveSettings(change: Partial<Settings>): Promise<void> {
    await storage.sync.set(change);
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
    const { dismissedDay, repairedSettings } = await storage.local.get([
      'dismissedDay',
      'repairedSettings',
    ]);
    return {
      dismissedDay:
        typeof dismissedDay === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(dismissedDay)
          ? dismissedDay
          : null,
      repairedSettings: Array.isArray(repairedSettings)
        ? SETTING_KEYS.filter((k) => repairedSettings.includes(k))
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
