import browser from 'webextension-polyfill';
import { createStorage } from './storage';

/** Storage for the extension's own pages and its background, through webextension-polyfill. */
export const store = createStorage(browser.storage);
