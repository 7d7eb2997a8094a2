import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import type { GlossaryTerm } from '../glossary/schema';
import { TOOLTIP_CSS } from './styles';
import { Tooltip } from './Tooltip';

export const TOOLTIP_HOST_TAG = 'eaig-tooltip';

/** Removes tooltips a previous run of the extension left open (see removeLeftoverHighlights). */
export function removeLeftoverTooltips(doc: Document): void {
  for (const el of doc.querySelectorAll(TOOLTIP_HOST_TAG)) el.remove();
}

export interface TooltipHost {
  /** Shows `term` next to the highlight made of `anchors` (one term may span several marks). */
  show(term: GlossaryTerm, related: readonly GlossaryTerm[], anchors: readonly Element[]): void;
  hide(): void;
  /** True when `node` is the tooltip (events from inside a shadow root are retargeted to it). */
  contains(node: EventTarget | null): boolean;
  destroy(): void;
}

/**
 * Styles the shadow root and returns how to move it. Constructable stylesheets are not subject
 * to the page's style-src CSP; the position goes into a sheet of its own, because `!important`
 * rules of a shadow root beat every rule of the page, inline styles included.
 */
function styleShadow(shadow: ShadowRoot, doc: Document): (position: string) => void {
  const rule = (position: string) => `:host { ${position} }`;
  try {
    const base = new CSSStyleSheet();
    base.replaceSync(TOOLTIP_CSS);
    const place = new CSSStyleSheet();
    shadow.adoptedStyleSheets = [base, place];
    return (position) => place.replaceSync(rule(position));
  } catch {
    const base = doc.createElement('style');
    base.textContent = TOOLTIP_CSS;
    const place = doc.createElement('style');
    shadow.append(base, place);
    return (position) => {
      place.textContent = rule(position);
    };
  }
}

/** Union of the anchors' boxes: the tooltip is placed around the whole term, never over it. */
function virtualReference(anchors: readonly Element[]) {
  return {
    getBoundingClientRect() {
      const rects = anchors.filter((a) => a.isConnected).map((a) => a.getBoundingClientRect());
      const left = Math.min(...rects.map((r) => r.left));
      const top = Math.min(...rects.map((r) => r.top));
      const right = Math.max(...rects.map((r) => r.right));
      const bottom = Math.max(...rects.map((r) => r.bottom));
      return {
        x: left,
        y: top,
        left,
        top,
        right,
        bottom,
        width: right - left,
        height: bottom - top,
      };
    },
    contextElement: anchors[0],
  };
}

export function createTooltipHost(doc: Document): TooltipHost {
  let host: HTMLElement | null = null;
  let mount: HTMLElement | null = null;
  let setPosition: (position: string) => void = () => undefined;
  let stopFollowing: (() => void) | null = null;
  let serial = 0;

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
        if (host.matches(':popover-open')) host.hidePopover();
        container.append(host);
      }
      return { host, mount };
    }
    host = doc.createElement(TOOLTIP_HOST_TAG);
    // The top layer puts the tooltip above any z-index and any open modal dialog.
    host.setAttribute('popover', 'manual');
    const shadow = host.attachShadow({ mode: 'closed' });
    setPosition = styleShadow(shadow, doc);
    mount = doc.createElement('div');
    shadow.append(mount);
    container.append(host);
    return { host, mount };
  }

  function hide(): void {
    stopFollowing?.();
    stopFollowing = null;
    if (host?.matches(':popover-open')) host.hidePopover();
  }

  function show(term: GlossaryTerm, related: readonly GlossaryTerm[], anchors: readonly Element[]) {
    if (!anchors.length) return;
    const el = ensureHost(containerFor(anchors[0]));
    stopFollowing?.();
    render(<Tooltip term={term} related={related} id={`eaig-tip-${++serial}`} />, el.mount);
    if (!el.host.matches(':popover-open')) {
      // Invisible until placed, so it never flashes where the browser would put it.
      setPosition('visibility: hidden !important;');
      el.host.showPopover();
    }
    const reference = virtualReference(anchors);
    let maxHeight = 0;
    const place = () =>
      computePosition(reference, el.host, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(6),
          // Above or below the term, never across it; shift only along the line.
          flip({ fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply({ availableHeight }) {
              maxHeight = Math.max(80, Math.floor(availableHeight));
            },
          }),
        ],
      }).then(({ x, y }) => {
        setPosition(
          `left: ${x}px !important; top: ${y}px !important; max-height: ${maxHeight}px !important;`,
        );
      });
    stopFollowing = autoUpdate(reference, el.host, () => {
      // The page removed the term (a re-render, a closed section): nothing left to explain.
      if (!anchors.some((a) => a.isConnected)) {
        hide();
        return;
      }
      void place().catch(() => undefined);
    });
  }

  return {
    show,
    hide,
    contains: (node) => node !== null && node === host,
    destroy() {
      hide();
      if (mount) render(null, mount);
      host?.remove();
      host = null;
      mount = null;
    },
  };
}
