import type { Matcher, TermMatch } from './matcher';

/**
 * Words hyphenated at a line's end, as typeset documents break them ("fair-" / "ness"), found
 * as the words they are, while the text keeps its hyphen (a copy reads as the document does).
 * For the PDF reader's text layers: a web page's author does not break words by hand.
 *
 * A hyphen at a line's end is ambiguous: "fair-\nness" is one word, "decision-\nmaking" keeps
 * its hyphen. The text is read both ways: as it is (the matcher already takes a hyphen or a
 * line break between the words of a form) and with such breaks joined; a form found only in
 * the joined text, across a break, is added, and wins over the shorter forms it covers.
 */

/** A hyphen ending a line, between a letter and a lower-case letter (a name keeps its hyphen). */
const LINE_END_HYPHEN = /(?<=\p{L})[-\u00ad\u2010]\n[^\S\n]*(?=\p{Ll})/gu;

interface Joined {
  /** The text with each line-end hyphen and its line break taken out. */
  readonly text: string;
  /** Where each cut is in the joined text: the first character after it. */
  readonly cuts: readonly number[];
  /** How many characters each cut took out. */
  readonly lengths: readonly number[];
}

function join(text: string): Joined | null {
  if (!text.includes('\n')) {
    return null;
  }
  const cuts: number[] = [];
  const lengths: number[] = [];
  let joined = '';
  let last = 0;
  let removed = 0;
  for (const m of text.matchAll(LINE_END_HYPHEN)) {
    joined += text.slice(last, m.index);
    cuts.push(m.index - removed);
    lengths.push(m[0].length);
    removed += m[0].length;
    last = m.index + m[0].length;
  }
  return cuts.length ? { text: joined + text.slice(last), cuts, lengths } : null;
}

/** A place in the joined text as a place in the original: a start after a cut moves past it. */
function original(joined: Joined, at: number, isEnd: boolean): number {
  let offset = at;
  joined.cuts.forEach((cut, i) => {
    if (cut < at || (cut === at && !isEnd)) {
      offset += joined.lengths[i] as number;
    }
  });
  return offset;
}

/** The joined text's place for an original one (at or after it, where a cut swallowed it). */
function inJoined(joined: Joined, at: number): number {
  let offset = at;
  let removedBefore = 0;
  joined.cuts.forEach((cut, i) => {
    const length = joined.lengths[i] as number;
    const start = cut + removedBefore;
    if (start < at) {
      offset -= Math.min(length, at - start);
    }
    removedBefore += length;
  });
  return offset;
}

const spansCut = (joined: Joined, start: number, end: number) =>
  joined.cuts.some((cut) => cut > start && cut < end);

export function withLineEndHyphens(matcher: Matcher): Matcher {
  // The scan asks for places in the same text again and again, further on each time.
  let lastText: string | null = null;
  let lastJoined: Joined | null = null;
  const joinedOf = (text: string) => {
    if (text !== lastText) {
      lastText = text;
      lastJoined = join(text);
    }
    return lastJoined;
  };

  function find(text: string): TermMatch[] {
    const found = matcher.find(text);
    const joined = joinedOf(text);
    if (!joined) {
      return found;
    }
    let all = found;
    for (const m of matcher.find(joined.text)) {
      if (!spansCut(joined, m.start, m.end)) {
        continue;
      }
      const start = original(joined, m.start, false);
      const end = original(joined, m.end, true);
      const overlapping = all.filter((f) => f.start < end && f.end > start);
      // Only the longer reading wins: a form it cuts in part stays as it was found.
      if (overlapping.every((f) => f.start >= start && f.end <= end)) {
        all = [...all.filter((f) => !overlapping.includes(f)), { start, end, termId: m.termId }];
      }
    }
    return all.sort((a, b) => a.start - b.start);
  }

  function candidate(text: string, from: number): [number, number] | null {
    const plain = matcher.candidate(text, from);
    const joined = joinedOf(text);
    if (!joined) {
      return plain;
    }
    let place = matcher.candidate(joined.text, inJoined(joined, from));
    while (place && !spansCut(joined, place[0], place[1])) {
      place = matcher.candidate(joined.text, place[0] + 1);
    }
    if (!place) {
      return plain;
    }
    const start = original(joined, place[0], false);
    const end = original(joined, place[1], true);
    return !plain || start < plain[0] || (start === plain[0] && end > plain[1])
      ? [start, end]
      : plain;
  }

  return { engine: matcher.engine, find, candidate };
}
