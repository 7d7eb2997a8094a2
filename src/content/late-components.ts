/** How long after the page's load event the last look for late web components waits. */
const SETTLED_MS = 2000;

/**
 * Web components whose scripts run after the first pass (async scripts, a bundle that defines
 * its elements on load) attach shadow roots to elements already read, and no DOM change says
 * so: `look` again when the page has loaded (if it had not yet), and once more when it has
 * settled. Nothing is looked at, and no timer is left, once `signal` is aborted.
 */
export function lookForLateComponents(look: () => void, signal: AbortSignal): void {
  const lookNow = () => {
    if (!signal.aborted) {
      look();
    }
  };
  const settled = () => {
    const timer = setTimeout(lookNow, SETTLED_MS);
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  };
  if (document.readyState === 'complete') {
    settled();
    return;
  }
  const loaded = () => {
    lookNow();
    settled();
  };
  window.addEventListener('load', loaded, { once: true, signal });
}
