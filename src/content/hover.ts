/**
 * Decides when the tooltip opens and closes from the pointer: after a short hover on a term,
 * kept open while the pointer travels into the tooltip, closed shortly after it leaves both.
 * Only trusted events count, so a page cannot open or move our tooltip by dispatching events.
 */

export const SHOW_DELAY_MS = 250;
export const HIDE_DELAY_MS = 300;

export interface HoverWiring {
  /** The highlight element `target` is, or null. */
  termAt(target: EventTarget | null): Element | null;
  isTooltip(target: EventTarget | null): boolean;
  show(mark: Element): void;
  hide(): void;
}

export function watchHover(doc: Document, wiring: HoverWiring, signal: AbortSignal): void {
  let showTimer: ReturnType<typeof setTimeout> | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let shown: Element | null = null;

  const cancelShow = () => clearTimeout(showTimer);
  const cancelHide = () => clearTimeout(hideTimer);
  const hideNow = () => {
    cancelShow();
    cancelHide();
    shown = null;
    wiring.hide();
  };
  const scheduleHide = () => {
    cancelShow();
    if (!shown) return;
    cancelHide();
    hideTimer = setTimeout(hideNow, HIDE_DELAY_MS);
  };

  const options = { capture: true, passive: true, signal };
  doc.addEventListener(
    'mouseover',
    (event) => {
      if (!event.isTrusted) return;
      // Inside an open shadow root the event reaches the document retargeted to its host;
      // the path still starts at the element under the pointer.
      const target = event.composedPath()[0] ?? event.target;
      const mark = wiring.termAt(target);
      if (mark) {
        cancelHide();
        if (mark === shown) return;
        cancelShow();
        showTimer = setTimeout(() => {
          shown = mark;
          wiring.show(mark);
        }, SHOW_DELAY_MS);
      } else if (wiring.isTooltip(event.target)) {
        cancelHide();
      } else {
        scheduleHide();
      }
    },
    options,
  );
  doc.addEventListener(
    'mouseout',
    (event) => {
      // Leaving the window altogether: there is no next mouseover to tell us.
      if (event.isTrusted && (event as MouseEvent).relatedTarget === null) scheduleHide();
    },
    options,
  );
  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.isTrusted && (event as KeyboardEvent).key === 'Escape' && shown) hideNow();
    },
    options,
  );
  signal.addEventListener('abort', hideNow, { once: true });
}
