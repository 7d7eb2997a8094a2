import {
  autoUpdate,
  computePosition,
  flip,
  hide as hideWhenGone,
  offset,
  shift,
  size,
} from '@floating-ui/dom';

/**
 * Where the tooltip sits: beside its term (never over it), flipped and shifted to stay in the
 * window, following the term as the page scrolls and reflows. floating-ui does the geometry.
 */

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

export interface Placement {
  /** The CSS that puts the tooltip in its place, for the host's own sheet. */
  place(css: string): void;
  /** The term scrolled out of view or left the page: nothing left to explain. */
  gone(): void;
}

/** Keeps `floating` placed beside the term made of `anchors`; returns how to stop. */
export function followTerm(
  anchors: readonly Element[],
  floating: HTMLElement,
  placement: Placement,
): () => void {
  const reference = virtualReference(anchors);
  let maxHeight = 0;
  const place = () =>
    computePosition(reference, floating, {
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
        hideWhenGone(),
      ],
    }).then(({ x, y, middlewareData }) => {
      // Scrolled out of view (the page, or a scrolling box around the term).
      if (middlewareData.hide?.referenceHidden) {
        placement.gone();
        return;
      }
      placement.place(
        `left: ${x}px !important; top: ${y}px !important; max-height: ${maxHeight}px !important;`,
      );
    });
  return autoUpdate(reference, floating, () => {
    // The page removed the term (a re-render, a closed section).
    if (!anchors.some((a) => a.isConnected)) {
      placement.gone();
      return;
    }
    place().catch(() => undefined);
  });
}
