import { describe, expect, it } from 'vitest';
import { glossary } from '../glossary/data';
import { createMatcher } from '../match/matcher';
import { createTopicCounter, TOPIC_TERM } from './topic';

const matcher = createMatcher([...glossary.terms, TOPIC_TERM]);

function aboutAI(text: string): boolean {
  const counter = createTopicCounter(glossary.terms);
  counter.addText(text.length);
  for (const m of matcher.find(text)) {
    counter.addMatch(m.termId);
  }
  return counter.aboutAI;
}

describe('topic rule', () => {
  it('calls a page about AI when AI words and specialist terms come up often enough', () => {
    expect(
      aboutAI('Machine learning models need AI governance; a DPIA and AI ethics guidelines help.'),
    ).toBe(true);
  });

  it('does not count everyday words: a recipe with bias and privacy is not about AI', () => {
    expect(
      aboutAI(
        'Our privacy policy. Fairness to every cook: no bias toward butter. Transparency about salt. Privacy matters.',
      ),
    ).toBe(false);
  });

  it('needs three mentions, not one in passing', () => {
    expect(aboutAI('A football report. The coach used AI to plan. Then the match began.')).toBe(
      false,
    );
  });

  it('needs the mentions to be more than a footnote of a long page', () => {
    const long = `${'The match went on. '.repeat(2000)} AI, machine learning and an LLM.`;
    expect(aboutAI(long)).toBe(false);
    expect(aboutAI('AI, machine learning and an LLM.')).toBe(true);
  });
});
