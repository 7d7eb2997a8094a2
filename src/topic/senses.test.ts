import { describe, expect, it } from 'vitest';
import { glossary } from '../glossary/data';
import { createMatcher } from '../match/matcher';
import { createSenseCounter, otherSenseTerms } from './senses';

const matcher = createMatcher([...glossary.terms, ...otherSenseTerms(glossary.terms)]);
const found = (text: string) => matcher.find(text).map((m) => text.slice(m.start, m.end));

function usesOtherSense(text: string, termId = 'bias'): boolean {
  const counter = createSenseCounter();
  for (const m of matcher.find(text)) {
    counter.addMatch(m.termId);
  }
  return counter.usesOtherSense(termId);
}

describe('other senses of an everyday word', () => {
  it('finds the whole phrase, so the word inside it is not the term', () => {
    const text =
      'BitFit tunes the bias terms; inductive biases differ; logged to Weights & Biases.';
    expect(found(text)).toEqual(['bias terms', 'inductive biases', 'Weights & Biases']);
    expect(matcher.find(text).some((m) => m.termId === 'bias')).toBe(false);
  });

  it('decides for the whole page: the sense it uses the word in most', () => {
    expect(
      usesOtherSense('Update the bias terms. Bias parameters are few. Query biases matter most.'),
    ).toBe(true);
    expect(
      usesOtherSense(
        'Bias in hiring data harms people; an inductive bias does not. Biases add up.',
      ),
    ).toBe(false);
  });

  it('keeps the course sense on a tie, and for words never seen in another sense', () => {
    expect(usesOtherSense('The bias term, and the bias.')).toBe(false);
    expect(usesOtherSense('Privacy and fairness.', 'privacy')).toBe(false);
  });
});
