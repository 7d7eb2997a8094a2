import type { TermsOnPageMessage } from '../messages/messages';

/** Highlights change in bursts (a page's first pass, a feed): the badge follows once they calm. */
const BADGE_DELAY_MS = 300;

export interface Badge {
  /** Says the count again soon, if it changed since it was last said. */
  reportSoon(): void;
  /** Forgets what was said: the next report is sent whatever the count (the setting changed). */
  forget(): void;
}

/**
 * Tells the background how many distinct terms the tab shows (the toolbar badge), a moment
 * after highlights stop changing. Nothing is sent once `signal` is aborted: a timer still
 * waiting then is cleared, so a script whose extension went away never calls it.
 */
export function createBadge(
  count: () => number,
  send: (message: TermsOnPageMessage) => Promise<unknown>,
  signal: AbortSignal,
): Badge {
  let told = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  return {
    reportSoon() {
      if (signal.aborted) {
        return;
      }
      clearTimeout(timer);
      timer = setTimeout(() => {
        const now = count();
        if (now === told) {
          return;
        }
        told = now;
        send({ type: 'terms-on-page', count: now }).catch(() => undefined);
      }, BADGE_DELAY_MS);
    },
    forget() {
      told = -1;
    },
  };
}
