import { describe, expect, it } from 'vitest';
import { glossary } from '../glossary/data';
import { withLineEndHyphens } from './line-end-hyphens';
import { createMatcher } from './matcher';

const plain = createMatcher(glossary.terms);
const matcher = withLineEndHyphens(plain);
const found = (text: string) =>
  matcher.find(text).map((m) => [m.termId, text.slice(m.start, m.end)]);

describe('words hyphenated at the end of a line', () => {
  it('finds a word broken over two lines, its hyphen and line break kept in the text', () => {
    expect(found('algorithmic fair-\nness and ex-\n  plainability')).toEqual([
      ['fairness', 'fair-\nness'],
      ['model-explainability', 'ex-\n  plainability'],
    ]);
    expect(plain.find('algorithmic fair-\nness')).toEqual([]);
  });

  it('keeps a hyphen that belongs to the words, and a name, as they are', () => {
    expect(found('ethical decision-\nmaking, data-\ngovernance')).toEqual([
      ['ethical-decision-making', 'ethical decision-\nmaking'],
      ['data-governance', 'data-\ngovernance'],
    ]);
    // Joined, "nonbias" is no term; read as written, "bias" is one.
    expect(found('non-\nbias')).toEqual([['bias', 'bias']]);
    // A capital after the break: two words joined by a hyphen, not one word broken.
    expect(found('fair-\nNess')).toEqual([]);
    // A hyphen in a line is no line's end.
    expect(found('fair-ness')).toEqual([]);
  });

  it('lets the longer form win over the shorter one it covers', () => {
    expect(found('our AI gov-\nernance board')).toEqual([['ai-governance', 'AI gov-\nernance']]);
    expect(found('our AI board')).toEqual([['artificial-intelligence', 'AI']]);
  });

  it('points the scan at a broken word, from any place before it', () => {
    const text = 'Some text, then algorithmic fair-\nness, then bias.';
    const at = text.indexOf('fair-');
    expect(matcher.candidate(text, 0)).toEqual([at, at + 'fair-\nness'.length]);
    expect(matcher.candidate(text, at + 1)).toEqual(plain.candidate(text, at + 1));
    expect(matcher.candidate('no break here, bias', 0)).toEqual(
      plain.candidate('no break here, bias', 0),
    );
  });
});
