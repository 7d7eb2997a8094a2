import { describe, expect, it } from 'vitest';
import { glossary } from '../glossary/data';
import { createMatcher, type Matcher, normalizeForm, TRIE_ENGINE_ABOVE } from './matcher';
import { isCaseSensitiveWord } from './steps';

const ENGINES = ['pattern', 'trie'] as const;

describe.each(ENGINES)('the %s engine', (engine) => {
  const matcher = createMatcher(glossary.terms, { engine });
  /** What a reader would see highlighted: the matched text and the term it explains. */
  const found = (text: string) =>
    matcher.find(text).map((m) => [text.slice(m.start, m.end), m.termId]);

  describe('matcher on tricky text', () => {
    it('takes the longest form at a position', () => {
      expect(found('Adopt an AI governance framework today.')).toEqual([
        ['AI governance framework', 'ai-governance-framework'],
      ]);
      expect(found('AI governance matters.')).toEqual([['AI governance', 'ai-governance']]);
      expect(found('A Data Protection Impact Assessment (DPIA) is due.')).toEqual([
        ['Data Protection Impact Assessment (DPIA)', 'dpia'],
      ]);
      // A name with its abbreviation is one term, for every term that has one.
      expect(
        found('Customer Relationship Management (CRM) and Artificial Intelligence (AI).'),
      ).toEqual([
        ['Customer Relationship Management (CRM)', 'crm'],
        ['Artificial Intelligence (AI)', 'artificial-intelligence'],
      ]);
    });

    it('matches whole words only', () => {
      expect(found('The biased model was unbiased; fairnesses aside.')).toEqual([]);
      expect(found('AIR quality, FAIR data, MAIL')).toEqual([]);
      expect(found('Privacy-first design')).toEqual([['Privacy', 'privacy']]);
    });

    it('ignores case for words but not for abbreviations', () => {
      expect(found('FAIRNESS and Transparency and privacy')).toEqual([
        ['FAIRNESS', 'fairness'],
        ['Transparency', 'transparency'],
        ['privacy', 'privacy'],
      ]);
      expect(found('ai and Ai are not AI')).toEqual([['AI', 'artificial-intelligence']]);
      expect(found('run a dpia, then two DPIAs')).toEqual([['DPIAs', 'dpia']]);
    });

    it('finds terms next to punctuation', () => {
      expect(found('(bias), "fairness"; accountability. AI\'s role: CRM!')).toEqual([
        ['bias', 'bias'],
        ['fairness', 'fairness'],
        ['accountability', 'accountability'],
        ['AI', 'artificial-intelligence'],
        ['CRM', 'crm'],
      ]);
    });

    it('treats straight and curly apostrophes alike', () => {
      expect(found("AI’s role and AI's role; the DPIA’s scope")).toEqual([
        ['AI', 'artificial-intelligence'],
        ['AI', 'artificial-intelligence'],
        ['DPIA', 'dpia'],
      ]);
      const m = createMatcher([{ id: 'o', forms: ["Ohm's law"] }], { engine });
      expect(m.find("Ohm’s law and Ohm's law").map((x) => x.termId)).toEqual(['o', 'o']);
    });

    it('treats spaces, hyphens and line breaks between words alike', () => {
      expect(found('ethical decision making and ethical decision-making')).toEqual([
        ['ethical decision making', 'ethical-decision-making'],
        ['ethical decision-making', 'ethical-decision-making'],
      ]);
      expect(found('data\n   governance and human-centred AI')).toEqual([
        ['data\n   governance', 'data-governance'],
        ['human-centred AI', 'human-centered-ai'],
      ]);
    });

    it('never returns overlapping matches', () => {
      const text =
        'Responsible AI bias mitigation and AI ethics guidelines with AI ethics officers.';
      const matches = matcher.find(text);
      for (let i = 1; i < matches.length; i++) {
        expect(matches[i]?.start).toBeGreaterThanOrEqual(matches[i - 1]?.end ?? 0);
      }
      expect(found(text).map(([t]) => t)).toEqual([
        'Responsible AI',
        'bias mitigation',
        'AI ethics guidelines',
        'AI ethics officers',
      ]);
    });

    it('keeps separate calls independent', () => {
      const m = createMatcher([{ id: 'x', forms: ['bias'] }], { engine });
      expect(m.find('bias bias')).toHaveLength(2);
      expect(m.find('bias')).toHaveLength(1);
    });

    it('escapes regular-expression characters in forms', () => {
      const m = createMatcher([{ id: 'q', forms: ['C++ (beta)'] }], { engine });
      expect(m.find('we use C++ (beta) here').map((x) => x.termId)).toEqual(['q']);
      expect(m.find('CCC (beta)')).toEqual([]);
    });
  });

  describe('matcher on the text of a page joined from its nodes', () => {
    const place = (text: string, from = 0) => {
      const found = matcher.candidate(text, from);
      return found && text.slice(found[0], found[1]);
    };
    it('finds the places where the letters of a form occur, the longest form there', () => {
      expect(place('Read about the AI governance framework today')).toBe('AI governance framework');
      expect(place('A Data\nProtection Impact Assessment.')).toBe(
        'Data\nProtection Impact Assessment',
      );
      expect(place('Nothing to see here.')).toBeNull();
      expect(place('   ')).toBeNull();
    });
    it('does not ask for word boundaries: joined nodes have none to trust', () => {
      // "<td>2024</td><td>bias</td>" reads "2024bias"; the caller checks each place.
      expect(place('2024bias')).toBe('bias');
      expect(place('unbiased')).toBe('bias');
    });
    it('searches from where it is told to', () => {
      const text = 'bias and fairness';
      expect(matcher.candidate(text, 1)).toEqual([9, 17]);
      expect(matcher.candidate(text, 10)).toBeNull();
    });
  });

  describe('matcher with a large glossary', () => {
    // Terms sharing their first words, as a big glossary does: the trie-shaped pattern must still
    // pick the longest form at every position.
    const big = createMatcher(
      [
        ...glossary.terms,
        ...Array.from({ length: 3000 }, (_, i) => ({
          id: `t${i}`,
          forms: [`model ${i.toString(36)} review`, `model ${i.toString(36)}`],
        })),
      ],
      { engine },
    );
    it('still takes the longest form and whole words only', () => {
      const text = 'A model 2s review, a model zz, model 2s reviews and AI governance framework.';
      expect(big.find(text).map((m) => text.slice(m.start, m.end))).toEqual([
        'model 2s review',
        'model zz',
        'model 2s',
        'AI governance framework',
      ]);
    });
  });
});

/** A seeded mix of glossary words in every case, separators, punctuation and other words. */
function randomTexts(count: number, wordsPerText: number): string[] {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const words = glossary.terms
    .flatMap((t) => t.forms)
    .flatMap((f) => f.split(/\s+/))
    .concat(['the', 'biased', 'fairnesses', 'x', 'ai', 'Ai', 'AIR', 'model', '12', 'é', '日本'])
    .flatMap((w) => [w, w.toUpperCase(), w.toLowerCase(), `${w}s`]);
  const gaps = [' ', '  ', '-', '\u2010', '\n', ', ', '. ', '(', ')', '’s ', "'", '_', '\u00a0'];
  return Array.from({ length: count }, () => {
    let text = '';
    for (let k = 0; k < wordsPerText; k++) {
      text += words[Math.floor(random() * words.length)];
      text += gaps[Math.floor(random() * gaps.length)];
    }
    // Cut anywhere, as markup cuts a page's text into nodes: mid-word, mid-term, mid-gap.
    return text.slice(0, Math.floor(random() * (text.length + 1)));
  });
}

describe('both engines', () => {
  const pattern = createMatcher(glossary.terms, { engine: 'pattern' });
  const trie = createMatcher(glossary.terms, { engine: 'trie' });

  it('find the same terms in any text', () => {
    for (const text of randomTexts(300, 40)) {
      expect(trie.find(text), text).toEqual(pattern.find(text));
    }
  });

  /** Every place `candidate` finds, searching on from one character past the last. */
  const places = (m: Matcher, text: string) => {
    const found: Array<[number, number]> = [];
    for (let p = m.candidate(text, 0); p; p = m.candidate(text, p[0] + 1)) {
      found.push(p);
    }
    return found;
  };

  it('find the same places in any text', () => {
    for (const text of randomTexts(300, 40)) {
      expect(places(trie, text), text).toEqual(places(pattern, text));
    }
  });

  it('find a place wherever a term is, reaching at least to its end', () => {
    let terms = 0;
    for (const text of randomTexts(300, 40)) {
      const found = places(pattern, text);
      for (const term of pattern.find(text)) {
        const at = found.find(([start]) => start === term.start);
        expect(at?.[1], JSON.stringify(text)).toBeGreaterThanOrEqual(term.end);
        terms++;
      }
    }
    // The texts must hold terms to try.
    expect(terms).toBeGreaterThan(300);
  });

  it('switches to the trie engine above a thousand forms, with the same answers', () => {
    const glossaryOf = (size: number) =>
      Array.from({ length: size }, (_, i) => ({ id: `g${i}`, forms: [`term number ${i}`] }));
    expect(createMatcher(glossaryOf(TRIE_ENGINE_ABOVE)).engine).toBe('pattern');
    const many = glossaryOf(TRIE_ENGINE_ABOVE + 1);
    const large = createMatcher(many);
    expect(large.engine).toBe('trie');
    const text = 'See term number 7, term-number 1000 and term number 10000.';
    expect(large.find(text)).toEqual(createMatcher(many, { engine: 'pattern' }).find(text));
  });
});

describe('form helpers', () => {
  it('recognises abbreviations by their capitals', () => {
    expect(['AI', 'CRM', 'DPIAs'].map(isCaseSensitiveWord)).toEqual([true, true, true]);
    expect(['Bias', 'privacy', 'Data'].map(isCaseSensitiveWord)).toEqual([false, false, false]);
  });
  it('folds separators and case', () => {
    expect(normalizeForm('Ethical  Decision-\nMaking')).toBe('ethical decision making');
  });
});
