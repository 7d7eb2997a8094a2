import browser from 'webextension-polyfill';
import { createPageStorage } from './page-storage';

/** Storage for the extension's own pages and its background, through webextension-polyfill. */
export const store = createPageStorage(browser.storage);
