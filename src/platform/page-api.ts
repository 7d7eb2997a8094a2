import type Browser from 'webextension-polyfill';

/**
 * The extension API for code that runs in the content script, without webextension-polyfill.
 * The content script is parsed again in every page and frame the user opens; the polyfill is
 * about a third of its size, and what the content script calls needs no wrapping: Firefox
 * gives content scripts the promise-based `browser`, and Chrome's Manifest V3 `chrome`
 * returns promises for storage and runtime messages too. The extension's own pages and the
 * background keep the polyfill, where its wrapping of listeners and of every API matters.
 */
export type ExtensionApi = typeof Browser;

/**
 * `browser` where it is the extension API (Firefox), else `chrome`. A global named `browser` is
 * not proof: where the browser has none, page elements answer to that name (`id="browser"`,
 * a frame named "browser"), and a form's fields or a frame's elements answer to `runtime` and
 * give it a string `id`. Named access never yields a function, so the runtime must also have
 * its methods; and a cross-origin frame throws when asked.
 */
function isExtensionApi(candidate: unknown): boolean {
  try {
    const runtime = (candidate as { runtime?: { id?: unknown; getURL?: unknown } } | undefined)
      ?.runtime;
    return typeof runtime?.id === 'string' && typeof runtime.getURL === 'function';
  } catch {
    return false;
  }
}

export function pickApi(scope: { browser?: unknown; chrome?: unknown }): ExtensionApi {
  return (isExtensionApi(scope.browser) ? scope.browser : scope.chrome) as ExtensionApi;
}

export const pageApi: ExtensionApi = pickApi(globalThis as { browser?: unknown; chrome?: unknown });
