import { PAGE_PORT } from '../messages/messages';
import type { ExtensionApi } from '../platform/page-api';

/**
 * Notices when this content script is orphaned: the extension was disabled, updated or
 * removed while the page stayed open. Its port to the background then disconnects and the
 * extension context is invalidated (runtime.id is gone); `onGone` runs once.
 */

const POLL_MS = 2_000;
const SOON_MS = 100;

/** The part of the extension API this watch uses. */
type Runtime = Pick<ExtensionApi['runtime'], 'id' | 'connect'>;

function contextIsAlive(runtime: Runtime): boolean {
  try {
    return Boolean(runtime?.id);
  } catch {
    return false;
  }
}

export function watchExtensionLife(
  runtime: Runtime,
  onGone: () => void,
  signal: AbortSignal,
): void {
  let timer: ReturnType<typeof setInterval> | undefined;
  const gone = () => {
    if (signal.aborted) {
      return;
    }
    clearInterval(timer);
    onGone();
  };
  const check = () => contextIsAlive(runtime) || gone();
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  try {
    const port = runtime.connect({ name: PAGE_PORT });
    port.onDisconnect.addListener(() => {
      if (!contextIsAlive(runtime)) {
        return gone();
      }
      // Chromium closes the port a moment before it invalidates the context: look again soon.
      const soon = setTimeout(check, SOON_MS);
      signal.addEventListener('abort', () => clearTimeout(soon), { once: true });
      // Or only the background went idle (it does after 30 s in MV3). Keeping a port open
      // would wake it again and again, so from now on a cheap check of the context does.
      timer ??= setInterval(check, POLL_MS);
    });
    signal.addEventListener('abort', () => port.disconnect(), { once: true });
  } catch {
    gone();
  }
}
