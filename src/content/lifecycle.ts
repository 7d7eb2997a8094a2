import { PAGE_PORT } from '../messages/messages';
import { pageApi as browser } from '../platform/page-api';

/**
 * Notices when this content script is orphaned: the extension was disabled, updated or
 * removed while the page stayed open. Its port to the background then disconnects and the
 * extension context is invalidated (runtime.id is gone); `onGone` runs once.
 */

const POLL_MS = 2_000;
const SOON_MS = 100;

function contextIsAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

export function watchExtensionLife(onGone: () => void, signal: AbortSignal): void {
  let timer: ReturnType<typeof setInterval> | undefined;
  const gone = () => {
    if (signal.aborted) {
      return;
    }
    clearInterval(timer);
    onGone();
  };
  const check = () => contextIsAlive() || gone();
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  try {
    const port = browser.runtime.connect({ name: PAGE_PORT });
    port.onDisconnect.addListener(() => {
      if (!contextIsAlive()) {
        return gone();
      }
      // Chromium closes the port a moment before it invalidates the context: look again soon.
      setTimeout(check, SOON_MS);
      // Or only the background went idle (it does after 30 s in MV3). Keeping a port open
      // would wake it again and again, so from now on a cheap check of the context does.
      timer ??= setInterval(check, POLL_MS);
    });
    signal.addEventListener('abort', () => port.disconnect(), { once: true });
  } catch {
    gone();
  }
}
