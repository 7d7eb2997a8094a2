import type { TermView } from '../glossary/schema';

/** How long a hover tooltip stays open before its term counts as read (met while reading). */
export const READ_MS = 1_500;

/**
 * When the term on top of a tooltip counts as read: at once when the tooltip is pinned (the
 * reader chose it), else once it has stayed on top for READ_MS, so a pointer passing over a
 * term on its way elsewhere does not count.
 */
export function readingClock(onTop: () => TermView | undefined, onRead: (term: TermView) => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    /** `term` is on top now, in a tooltip `pinned` or not. */
    start(term: TermView, pinned: boolean): void {
      clearTimeout(timer);
      if (pinned) {
        onRead(term);
        return;
      }
      timer = setTimeout(() => {
        if (onTop() === term) {
          onRead(term);
        }
      }, READ_MS);
    },
    stop(): void {
      clearTimeout(timer);
    },
  };
}
