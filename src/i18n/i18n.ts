import browser from 'webextension-polyfill';
import { translator } from './translate';

export type { MessageKey, Translate } from './translate';

/** `t` for the extension's own pages and its background, through webextension-polyfill. */
export const t = translator(browser.i18n);
