/**
 * When the tooltip opens and closes, from what the reader does: a short hover on a term opens
 * it, and it stays while the pointer travels into it; a click or a tap pins it; Esc, a click
 * elsewhere or the term scrolling away closes it. From the keyboard, a shortcut moves to a term
 * (see navigation.ts), Tab goes into a pinned tooltip's buttons and Esc brings focus back to
 * where it was. Only trusted events count: a page cannot open or move our tooltip by
 * dispatching events.
 */

export const SHOW_DELAY_MS = 250;
export const HIDE_DELAY_MS = 300;

export interface InteractionWiring {
  /** The first element of the highlight `target` belongs to, or null for anything else. */
  termAt(target: EventTarget | null): Element | null;
  isTooltip(target: EventTarget | null): boolean;
  /** A tooltip may open soon: get ready to show it within the hover delay. */
  prepare(): void;
  show(term: Element, pinned: boolean): void;
  pin(): void;
  hide(): void;
  readonly isOpen: boolean;
  readonly isPinned: boolean;
  /** Focuses the tooltip's first button (pinning it); false when it is closed. */
  focusInside(): boolean;
}

export interface Interaction {
  /** Focuses `term` (never a Tab stop of its own) and opens its tooltip, pinned. */
  openFromKeyboard(term: Element): void;
  /** The term whose tooltip is open, or null. */
  readonly current: Element | null;
  /** The tooltip closed on its own (its term scrolled away or left the page). */
  closed(): void;
}

export function watchInteraction(
  doc: Document,
  wiring: InteractionWiring,
  signal: AbortSignal,
): Interaction {
  let showTimer: ReturnType<typeof setTimeout> | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let shown: Element | null = null;
  /** Where keyboard focus was before it went to a term or into the tooltip. */
  let returnFocus: Element | null = null;

  const cancelShow = () => clearTimeout(showTimer);
  const cancelHide = () => clearTimeout(hideTimer);
  const forget = () => {
    cancelShow();
    cancelHide();
    shown = null;
  };
  const hideNow = () => {
    forget();
    wiring.hide();
  };
  const scheduleHide = () => {
    cancelShow();
    if (!shown || wiring.isPinned) {
      return;
    }
    cancelHide();
    hideTimer = setTimeout(hideNow, HIDE_DELAY_MS);
  };
  const open = (term: Element, pinned: boolean) => {
    forget();
    shown = term;
    wiring.show(term, pinned);
  };
  /** Gives focus back to where the reader was, if our term or tooltip holds it. */
  const restoreFocus = () => {
    const back = returnFocus;
    returnFocus = null;
    const active = doc.activeElement;
    const ours = wiring.isTooltip(active) || (active !== null && wiring.termAt(active) !== null);
    if (!ours) {
      return;
    }
    if (back?.isConnected && back !== doc.body) {
      (back as HTMLElement).focus?.();
    } else {
      (active as HTMLElement | null)?.blur?.();
    }
  };
  /** The element under the pointer, also inside an open shadow root (events are retargeted). */
  const origin = (event: Event) => event.composedPath()[0] ?? event.target;

  const options = { capture: true, passive: true, signal };
  doc.addEventListener(
    'mouseover',
    (event) => {
      if (!event.isTrusted || wiring.isPinned) {
        return;
      }
      const term = wiring.termAt(origin(event));
      if (term) {
        cancelHide();
        if (term === shown) {
          return;
        }
        cancelShow();
        wiring.prepare();
        showTimer = setTimeout(() => open(term, false), SHOW_DELAY_MS);
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
      if (event.isTrusted && (event as MouseEvent).relatedTarget === null) {
        scheduleHide();
      }
    },
    options,
  );
  doc.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted) {
        return;
      }
      const term = wiring.termAt(origin(event));
      if (term) {
        // A second click on the pinned term closes it; a click or tap on any other pins it.
        if (term === shown && wiring.isPinned) {
          hideNow();
        } else {
          open(term, true);
        }
      } else if (wiring.isTooltip(event.target)) {
        wiring.pin();
      }
    },
    options,
  );
  doc.addEventListener(
    'pointerdown',
    (event) => {
      if (!event.isTrusted || !wiring.isOpen) {
        return;
      }
      if (wiring.termAt(origin(event)) || wiring.isTooltip(event.target)) {
        return;
      }
      hideNow();
    },
    options,
  );
  doc.addEventListener(
    'keydown',
    (event) => {
      const key = event as KeyboardEvent;
      if (!key.isTrusted || !wiring.isOpen) {
        return;
      }
      if (key.key === 'Escape') {
        restoreFocus();
        hideNow();
      } else if (
        key.key === 'Tab' &&
        wiring.isPinned &&
        !key.altKey &&
        !key.ctrlKey &&
        !key.metaKey &&
        !wiring.isTooltip(doc.activeElement)
      ) {
        // The tooltip is at the end of the document: without this, Tab would walk the whole
        // page before reaching it.
        returnFocus ??= doc.activeElement;
        if (wiring.focusInside()) {
          key.preventDefault();
        }
      }
    },
    // Not passive: Tab into the tooltip replaces the browser's own move.
    { capture: true, signal },
  );
  signal.addEventListener('abort', hideNow, { once: true });

  return {
    openFromKeyboard(term) {
      const active = doc.activeElement;
      if (!returnFocus && active && !wiring.termAt(active) && !wiring.isTooltip(active)) {
        returnFocus = active;
      }
      // Focusable from script only: the page's tab order stays as its authors made it.
      if (!term.hasAttribute('tabindex')) {
        term.setAttribute('tabindex', '-1');
      }
      (term as HTMLElement).focus({ preventScroll: true });
      open(term, true);
    },
    get current() {
      return shown;
    },
    closed: forget,
  };
}
