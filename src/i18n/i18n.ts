import type messages from '../../_locales/en/messages.json';

/**
 * Every string the extension shows goes through the browser's i18n, from
 * _locales/<language>/messages.json (English ships; a translation is one more folder).
 */

/** The name of a message in _locales/en/messages.json: a misspelt one is a type error. */
export type MessageKey = keyof typeof messages;

type GetMessage = (key: string, substitutions?: string[]) => string;
type WithI18n = { i18n?: { getMessage: GetMessage } };
const scope = globalThis as unknown as { browser?: WithI18n; chrome?: WithI18n };

/** The message in the browser's language, its placeholders filled in order. */
export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const i18n = scope.browser?.i18n ?? scope.chrome?.i18n;
  // An empty answer means a missing message: show its name rather than nothing.
  return i18n?.getMessage(key, substitutions.map(String)) || key;
}
