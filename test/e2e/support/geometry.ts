import type { PageDriver } from './driver';

/** Where things are on screen, for assertions about placement. */

export const overlaps = (
  a: { left: number; top: number; right: number; bottom: number },
  b: { left: number; top: number; right: number; bottom: number },
) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The box around every element of one highlighted occurrence. */
export const occurrenceRect = (page: PageDriver, selector: string) =>
  page.evaluate((sel) => {
    const rects = [...document.querySelectorAll(sel)].map((e) => e.getBoundingClientRect());
    return {
      left: Math.min(...rects.map((r) => r.left)),
      top: Math.min(...rects.map((r) => r.top)),
      right: Math.max(...rects.map((r) => r.right)),
      bottom: Math.max(...rects.map((r) => r.bottom)),
    };
  }, selector);
