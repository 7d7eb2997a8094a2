import type Browser from 'webextension-polyfill';

/**
 * The extension API for code that runs in the content script, without webextension-polyfill.
 * The content script is parsed again in every page and frame the user opens; the polyfill is
 * about a third of its size, and what the content script calls needs no wrapping: Firefox
 * gives content scripts the promise-based `browser`, and Chrome's Manifest V3 `chrome`
 * returns promises for storage and runtime messages too. The extension's own pages and the
 * background keep the polyfill, where its wrapping of listeners and of every API matters.
 */
type Api = typeof Browser;
const scope = globalThis as unknown as { browser?: Api; chrome?: Api };

export const pageApi: Api = (scope.browser ?? scope.chrome) as Api;
