import { showsHydrationSign } from './hydration';

/**
 * When the first pass may change the page: at once on a page that shows no sign of being
 * hydrated (hydration.ts), else once it has loaded and its scripts are idle.
 *
 * A server-rendered page (Next.js, Nuxt, any React or Vue app rendered on the server) shows
 * text that its framework will later hydrate: it walks the DOM and expects every text node
 * exactly as the server sent it. A highlight cut into that text before then is a hydration
 * mismatch: React throws it, Vue logs it, and both render the page again. The browser runs
 * this script as soon as the document is parsed, while async bundles may still be on their
 * way, so the first pass waits for the load event (which waits for every script) and then for
 * an idle moment: React hydrates in slices of a few milliseconds, and an idle callback only
 * comes once it has finished. Hydration a page puts off on purpose (on a timer, when a region
 * scrolls into view) is not covered: the README says so.
 */

/** A page whose load event never comes (a request that hangs) still gets its highlights. */
export const LOAD_WAIT_MS = 5_000;
/** A page that is never idle (it changes its DOM all the time) still gets its highlights. */
export const IDLE_WAIT_MS = 500;

export function whenPageReady(signal: AbortSignal): Promise<void> {
  return showsHydrationSign(document) ? whenPageSettled(signal) : Promise.resolve();
}

export function whenPageSettled(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const idle = () => {
      if (signal.aborted) {
        return;
      }
      if (typeof requestIdleCallback === 'function') {
        const handle = requestIdleCallback(() => resolve(), { timeout: IDLE_WAIT_MS });
        signal.addEventListener('abort', () => cancelIdleCallback(handle), { once: true });
      } else {
        const timer = setTimeout(resolve, 0);
        signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
      }
    };
    if (document.readyState === 'complete') {
      idle();
      return;
    }
    let waiting = true;
    const loaded = () => {
      if (!waiting) {
        return;
      }
      waiting = false;
      clearTimeout(timer);
      window.removeEventListener('load', loaded);
      idle();
    };
    const timer = setTimeout(loaded, LOAD_WAIT_MS);
    window.addEventListener('load', loaded, { once: true, signal });
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  });
}
