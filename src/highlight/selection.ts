/**
 * The user's selection, asked of the browser only when it may have changed. Chromium answers
 * any question about the selection (isCollapsed, rangeCount) by laying the page out first, so
 * asking after every batch of highlights cost a whole-page layout each time. The browser
 * announces every change with `selectionchange`; until one comes, the last answer holds.
 */

export interface SelectionWatch {
  /** The user's non-empty selection ranges. */
  ranges(): readonly Range[];
  /** Stops listening: nothing of ours stays on the page. */
  stop(): void;
}

export function watchSelection(doc: Document): SelectionWatch {
  let known: readonly Range[] | null = null;
  const forget = () => {
    known = null;
  };
  doc.addEventListener('selectionchange', forget, { capture: true, passive: true });
  return {
    ranges: () => {
      known ??= selectedRanges(doc);
      return known;
    },
    stop: () => doc.removeEventListener('selectionchange', forget, { capture: true }),
  };
}

function selectedRanges(doc: Document): Range[] {
  const selection = doc.getSelection?.();
  if (!selection || selection.isCollapsed) {
    return [];
  }
  const ranges: Range[] = [];
  for (let i = 0; i < selection.rangeCount; i++) {
    ranges.push(selection.getRangeAt(i));
  }
  return ranges;
}
