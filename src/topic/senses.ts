import type { MatchableTerm } from '../match/matcher';

/**
 * Which sense a page uses an everyday word in. "Bias" in an article about BitFit is a
 * parameter of a neural network, not the course's unfair distortion; "bias terms",
 * "inductive bias" or "Weights & Biases" say so. A page keeps to one sense of a word (a
 * writer does not switch meanings mid-article), so the sense is decided per page: the word
 * is the course's unless the page uses it more often in the glossary's other senses.
 *
 * Pure: it counts what it is told; the highlighter tells it what its first pass finds.
 */

export interface SenseTerm {
  readonly id: string;
  readonly otherSenses?: readonly string[];
}

const PREFIX = 'other-sense-of:';

/** The other senses as terms of their own for the matcher: found, counted, never shown. */
export function otherSenseTerms(terms: readonly SenseTerm[]): MatchableTerm[] {
  return terms
    .filter((t) => t.otherSenses?.length)
    .map((t) => ({ id: PREFIX + t.id, forms: t.otherSenses ?? [] }));
}

export interface SenseCounter {
  addMatch(termId: string): void;
  /** True when the page has used the term's word more often in another sense than as the term. */
  usesOtherSense(termId: string): boolean;
}

export function createSenseCounter(): SenseCounter {
  const asTerm = new Map<string, number>();
  const otherwise = new Map<string, number>();
  const bump = (counts: Map<string, number>, id: string) =>
    counts.set(id, (counts.get(id) ?? 0) + 1);
  return {
    addMatch(termId) {
      if (termId.startsWith(PREFIX)) {
        bump(otherwise, termId.slice(PREFIX.length));
      } else {
        bump(asTerm, termId);
      }
    },
    usesOtherSense(termId) {
      return (otherwise.get(termId) ?? 0) > (asTerm.get(termId) ?? 0);
    },
  };
}
