import { pageApi as browser } from '../platform/page-api';
import { DEFAULT_SETTINGS, parseSettings, SETTING_KEYS, type Settings } from './settings';

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
    // Write the defaults back so the broken value does not come back on every read.
    await area().set(Object.fromEntries(repaired.map((k) => [k, DEFAULT_SETTINGS[k]])));
  }
  return settings;
}

export async function saveSettings(change: Partial<Settings>): Promise<void> {
  await area().set(change);
}

/** Calls `listener` with the whole, parsed settings whenever one of them changes. */
export function onSettingsChanged(listener: (settings: Settings) => void): () => void {
  const handle = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName !== 'sync' || !SETTING_KEYS.some((k) => k in changes)) return;
    void loadSettings().then(listener, () => undefined);
  };
  browser.storage.onChanged.addListener(handle);
  return () => browser.storage.onChanged.removeListener(handle);
}
