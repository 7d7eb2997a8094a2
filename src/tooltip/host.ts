import type { TermView } from '../glossary/schema';
import { isTooltipHost, TOOLTIP_ATTRIBUTE, tooltipElementName } from '../highlight/elements';
import type { TooltipHost, TooltipWiring } from './contract';
import { type CardNote, knownNote } from './known-note';
import { readingClock } from './reading';
import { styleShadow } from './shadow-style';
import type { TooltipUi } from './ui';

/** Removes tooltips a previous run of the extension left open (see removeLeftoverHighlights). */
export function removeLeftoverTooltips(doc: Document): void {
  for (const el of doc.querySelectorAll(`[${TOOLTIP_ATTRIBUTE}]`)) {
    if (isTooltipHost(el)) {
      el.remove();
    }
  }
}

/** The definition, said by screen readers with the term while its tooltip is open. */
const DESCRIPTION = 'aria-description';

export function createTooltipHost(doc: Document, wiring: TooltipWiring): TooltipHost {
  /** Named when first made: a page whose tooltips never open pays nothing for the randomness. */
  let hostName: string | null = null;
  let host: HTMLElement | null = null;
  let mount: HTMLElement | null = null;
  let shadow: ShadowRoot | null = null;
  let setPosition: (position: string) => void = () => undefined;
  let stopFollowing: (() => void) | null = null;
  let serial = 0;
  let ui: TooltipUi | null = null;
  /**
   * What is open: the terms shown, the last one on top (related terms chosen in between), and
   * what the user's last "I know this" did.
   */
  let open: {
    anchors: readonly Element[];
    trail: TermView[];
    pinned: boolean;
    note?: CardNote;
  } | null = null;

  /**
   * Where the host lives. Beside an open modal dialog everything else is inert (a tooltip
   * there could not be reached or even hit-tested), so a term inside one gets the tooltip inside
   * that dialog; the top layer still shows it above the dialog.
   */
  function containerFor(anchor: Element | undefined): Element {
    const dialog = anchor?.closest('dialog');
    return dialog?.matches(':modal') ? dialog : doc.documentElement;
  }

  function ensureHost(container: Element): { host: HTMLElement; mount: HTMLElement } {
    if (host && mount && host.isConnected) {
      if (host.parentNode !== container) {
        // Moving an open popover closes it; it is shown again right after.
        if (host.matches(':popover-open')) {
          host.hidePopover();
        }
        container.append(host);
      }
      return { host, mount };
    }
    hostName ??= tooltipElementName();
    host = doc.createElement(hostName);
    host.setAttribute(TOOLTIP_ATTRIBUTE, '');
    // The top layer puts the tooltip above any z-index and any open modal dialog.
    host.setAttribute('popover', 'manual');
    shadow = host.attachShadow({ mode: 'closed' });
    setPosition = styleShadow(shadow, doc);
    mount = doc.createElement('div');
    mount.addEventListener('keydown', keepTabInside);
    shadow.append(mount);
    container.append(host);
    return { host, mount };
  }

  const buttons = () => [...(mount?.querySelectorAll('button') ?? [])];

  /** The tooltip sits at the end of the document: Tab goes round its buttons until Esc. */
  function keepTabInside(event: KeyboardEvent): void {
    if (event.key !== 'Tab' || !event.isTrusted) {
      return;
    }
    const all = buttons();
    if (!all.length) {
      return;
    }
    const at = all.indexOf(shadow?.activeElement as HTMLButtonElement);
    const step = event.shiftKey ? all.length - 1 : 1;
    event.preventDefault();
    all[at < 0 ? 0 : (at + step) % all.length]?.focus();
  }

  function draw(): void {
    if (!open || !mount || !ui) {
      return;
    }
    const { trail, pinned, note } = open;
    const term = trail[trail.length - 1] as TermView;
    const related = term.related.flatMap((id) => wiring.termById(id) ?? []);
    ui.renderCard(mount, {
      term,
      related,
      id: `eaig-tip-${serial}`,
      source: wiring.source,
      t: wiring.t,
      pinned,
      previous: trail[trail.length - 2],
      known: wiring.isKnown(term.id),
      note,
      onRelated: (next) => go([...trail, next]),
      onBack: () => go(trail.slice(0, -1)),
      onLookUp: wiring.onLookUp,
      onKnown: (marked, known) => void mark(marked, known),
    });
  }

  /**
   * "I know this", "Not known yet" and Undo. The term's highlights may leave the page (on every
   * open tab): the tooltip stays where it is, pinned, to say so and to offer Undo, until the
   * reader closes it or scrolls.
   */
  async function mark(term: TermView, known: boolean): Promise<void> {
    const opening = open;
    if (!opening) {
      return;
    }
    stayInPlace();
    const problem = await wiring.setKnown(term, known);
    // Still the same tooltip (pinning or moving along related terms keeps its anchors).
    if (!open || open.anchors !== opening.anchors) {
      return;
    }
    const note = knownNote(wiring.t, term, known, { problem, faint: wiring.knownStayFaint() });
    open = { ...open, pinned: true, note };
    draw();
    // The button pressed is gone or renamed: focus goes to what can be done next.
    (mount?.querySelector<HTMLElement>('.undo') ?? buttons()[0])?.focus();
  }

  /** Stops following the term (it may leave the page) and closes once the page scrolls. */
  function stayInPlace(): void {
    stopFollowing?.();
    const stop = new AbortController();
    doc.addEventListener('scroll', closeOnItsOwn, {
      capture: true,
      passive: true,
      once: true,
      signal: stop.signal,
    });
    stopFollowing = () => stop.abort();
  }

  const onTop = () => open?.trail[open.trail.length - 1];
  const clock = readingClock(onTop, wiring.onRead);
  /** The term on top counts as read now when pinned, or once it has stayed there a while. */
  function reading(): void {
    const term = onTop();
    if (open && term) {
      clock.start(term, open.pinned);
    } else {
      clock.stop();
    }
  }

  /** Keeps the open tooltip open until it is closed on purpose: its buttons are for use now. */
  function pin(): void {
    if (open && !open.pinned) {
      open = { ...open, pinned: true };
      draw();
      reading();
    }
  }

  /** Shows another term of the trail in the same tooltip; using it pins the tooltip. */
  function go(trail: TermView[]): void {
    if (!open || !trail.length) {
      return;
    }
    open = { anchors: open.anchors, trail, pinned: true };
    draw();
    reading();
    // The buttons were replaced: keep the keyboard user inside, on the first one.
    buttons()[0]?.focus();
  }

  function hide(): void {
    clock.stop();
    stopFollowing?.();
    stopFollowing = null;
    open?.anchors[0]?.removeAttribute(DESCRIPTION);
    open = null;
    if (host?.matches(':popover-open')) {
      host.hidePopover();
    }
    // Nothing left to show: a page calling showPopover() on our host gets an empty box.
    if (mount && ui) {
      ui.clearCard(mount);
    }
  }

  function closeOnItsOwn(): void {
    hide();
    wiring.onClosed();
  }

  /** Loads the UI ahead of a tooltip that may open soon (the pointer is on a term). */
  function prepare(): void {
    if (ui) {
      return;
    }
    void loadUi();
  }

  /** The UI, kept once it is here (the loader asks the background only once for it). */
  async function loadUi(): Promise<TooltipUi | null> {
    ui ??= await wiring.loadUi();
    return ui;
  }

  function show(term: TermView, anchors: readonly Element[], options: { pinned: boolean }) {
    if (!anchors.length) {
      return;
    }
    stopFollowing?.();
    stopFollowing = null;
    open?.anchors[0]?.removeAttribute(DESCRIPTION);
    serial++;
    const opening = { anchors, trail: [term], pinned: options.pinned };
    open = opening;
    // Said with the term by screen readers, wherever focus or the reading cursor is on it.
    anchors[0]?.setAttribute(DESCRIPTION, term.definition);
    if (ui) {
      place(opening);
      return;
    }
    void loadUi().then((loaded) => {
      // Still the tooltip to open, and not closed meanwhile.
      if (loaded && open === opening) {
        place(opening);
      }
    });
  }

  /** Draws the open tooltip and keeps it beside its term. */
  function place(opening: NonNullable<typeof open>): void {
    if (!ui) {
      return;
    }
    const el = ensureHost(containerFor(opening.anchors[0]));
    draw();
    reading();
    if (!el.host.matches(':popover-open')) {
      // Invisible until placed, so it never flashes where the browser would put it.
      setPosition('visibility: hidden !important;');
      el.host.showPopover();
    }
    stopFollowing = ui.followTerm(opening.anchors, el.host, {
      place: setPosition,
      gone: closeOnItsOwn,
    });
  }

  return {
    prepare,
    show,
    pin,
    get isOpen() {
      return open !== null;
    },
    get isPinned() {
      return open?.pinned ?? false;
    },
    hide,
    focusInside() {
      if (!open) {
        return false;
      }
      pin();
      const first = buttons()[0];
      first?.focus();
      return Boolean(first);
    },
    contains: (node) => node !== null && node === host,
    destroy() {
      hide();
      host?.remove();
      host = null;
      mount = null;
      shadow = null;
    },
  };
}
