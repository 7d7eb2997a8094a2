import { pageApi as browser } from '../platform/page-api';
import {
  DEFAULT_SETTINGS,
  parseSettings,
  SETTING_KEYS,
  type SettingKey,
  type Settings,
} from './settings';

/**
 * The one module that reads and writes settings in the browser's storage. The content script
 * uses it too, hence the polyfill-free API (platform/page-api.ts).
 */

// storage.sync follows the user across their browsers where the browser syncs.
const area = () => browser.storage.sync;

export async function loadSettings(): Promise<Settings> {
  const stored = await area().get(SETTING_KEYS);
  const { settings, repaired } = parseSettings(stored);
  if (repaired.length) {
    // Write the defaults back so the broken value does not come back on every read, and
    // remember which, so the popup and options page can tell the user.
    await area().set(Object.fromEntries(repaired.map((k) => [k, DEFAULT_SETTINGS[k]])));
    const { repairedSettings: before } = await loadLocalState();
    await saveLocalState({ repairedSettings: [...new Set([...before, ...repaired])] });
  }
  return settings;
}

export async function saveSettings(change: Partial<Settings>): Promise<void> {
  await area().set(change);
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
    if (areaName === area && matters(changes)) void load().then(listener, () => undefined);
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}

/** Calls `listener` with the whole, parsed settings whenever one of them changes. */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  return whenChanged(
    'sync',
    (changes) => SETTING_KEYS.some((k) => k in changes),
    loadSettings,
    listener,
  );
}

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

export async function loadLocalState(): Promise<LocalState> {
  const { dismissedDay, repairedSettings } = await browser.storage.local.get([
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

export async function saveLocalState(change: Partial<LocalState>): Promise<void> {
  await browser.storage.local.set(change);
}

/** Calls `listener` with the whole local state whenever it changes (another page repaired a setting). */
export function onLocalStateChanged(listener: (state: LocalState) => void): () => void {
  return whenChanged('local', () => true, loadLocalState, listener);
}

/** Everything the extension has stored, as it is stored: the privacy panel shows and exports it. */
export async function storedData(): Promise<{ sync: unknown; local: unknown }> {
  const [sync, local] = await Promise.all([
    browser.storage.sync.get(null),
    browser.storage.local.get(null),
  ]);
  return { sync, local };
}

/** Deletes everything the extension has stored; settings fall back to their defaults. */
export async function deleteStoredData(): Promise<void> {
  await Promise.all([browser.storage.sync.clear(), browser.storage.local.clear()]);
}
