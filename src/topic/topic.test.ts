import { describe, expect, it } from 'vitest';
import { glossary } from '../glossary/data';
import { createMatcher } from '../match/matcher';
import { createTopicCounter, DOMAIN_TERM } from './topic';

const matcher = createMatcher([...glossary.terms, DOMAIN_TERM]);

function inDomain(text: string): boolean {
  const counter = createTopicCounter(glossary.terms);
  counter.addText(text.length);
  for (const m of matcher.find(text)) {
    counter.addMatch(m.termId);
  }
  return counter.inDomain;
}

describe('topic rule', () => {
  it("calls a page about AI in the course's domain when AI words and specialist terms come up often enough", () => {
    expect(
      inDomain('Machine learning models need AI governance; a DPIA and AI ethics guidelines help.'),
    ).toBe(true);
  });

  it("does not count everyday words: a recipe with bias and privacy is outside the course's domain", () => {
    expect(
      inDomain(
        'Our privacy policy. Fairness to every cook: no bias toward butter. Transparency about salt. Privacy matters.',
      ),
    ).toBe(false);
  });

  it('calls a text on data protection law in the domain, with no AI in it', () => {
    expect(
      inDomain(
        'Under the GDPR a data subject may ask the data controller for the personal data it holds, and the processing must respect privacy.',
      ),
    ).toBe(true);
  });

  it('counts a site footer\'s "privacy policy" and one "personal data" in passing for nothing', () => {
    expect(
      inDomain(
        'The match went to extra time. Privacy policy. We use cookies; see how we handle personal data. Privacy settings.',
      ),
    ).toBe(false);
  });

  it('needs three mentions, not one in passing', () => {
    expect(inDomain('A football report. The coach used AI to plan. Then the match began.')).toBe(
      false,
    );
  });

  it('needs the mentions to be more than a footnote of a long page', () => {
    const long = `${'The match went on. '.repeat(2000)} AI, machine learning and an LLM.`;
    expect(inDomain(long)).toBe(false);
    expect(inDomain('AI, machine learning and an LLM.')).toBe(true);
  });
});
