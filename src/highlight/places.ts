import type { Matcher } from '../match/matcher';

/** Characters searched between two looks at the clock: about half a millisecond of pattern. */
const CHARS_PER_CHECK = 1 << 16;

/**
 * The next place some form's letters occur in `text` from `from`, one window of text at a
 * time: the place, null when the text has none, or the number to search on from (the window
 * held none), so that the scan can look at the clock in between.
 */
export function placeFrom(
  matcher: Pick<Matcher, 'candidate'>,
  text: string,
  from: number,
): [number, number] | null | number {
  if (from >= text.length) {
    return null;
  }
  const windowEnd = from + CHARS_PER_CHECK;
  if (windowEnd >= text.length) {
    return matcher.candidate(text, from);
  }
  const place = matcher.candidate(text.slice(0, windowEnd), from);
  // The window may have cut the place short: its full extent is read from all the text.
  return place ? matcher.candidate(text, place[0]) : windowEnd;
}
