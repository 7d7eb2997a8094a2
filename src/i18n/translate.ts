import type messages from '../../_locales/en/messages.json';

/**
 * Every string the extension shows goes through the browser's i18n, from
 * _locales/<language>/messages.json (English ships; a translation is one more folder). Each
 * context hands in its own API (see i18n.ts for the extension's pages, the content script's
 * page-api.ts), so this module reaches for no global.
 */

/** The name of a message in _locales/en/messages.json: a misspelt one is a type error. */
export type MessageKey = keyof typeof messages;

/** The message in the browser's language, its placeholders filled in order. */
export type Translate = (key: MessageKey, ...substitutions: Array<string | number>) => string;

/** The part of the extension API that translates: `browser.i18n` or `chrome.i18n`. */
export interface I18nApi {
  getMessage(key: string, substitutions?: string | string[]): string;
}

export function translator(i18n: I18nApi): Translate {
  return (key, ...substitutions) =>
    // An empty answer means a missing message: show its name rather than nothing.
    i18n.getMessage(key, substitutions.map(String)) || key;
}
