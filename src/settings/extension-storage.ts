import browser from 'webextension-polyfill';
import { createStorage } from './storage';

/** Storage for the extension's own pages and its background, through webextension-polyfill. */
export const {
  loadSettings,
  saveSettings,
  onSettingsChanged,
  loadLocalState,
  saveLocalState,
  onLocalStateChanged,
  storedData,
  deleteStoredData,
} = createStorage(browser.storage);
