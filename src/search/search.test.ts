import { describe, expect, it } from 'vitest';
import { glossary, termsById } from '../glossary/data';
import { userTermsOf } from '../glossary/user-terms';
import { createSearch, createSearchInSlices, searchableTerms } from './search';

const search = createSearch(glossary.terms);
const names = (q: string) => search.search(q).map((id) => termsById.get(id)?.term);

describe('glossary search', () => {
  it('finds a term by its abbreviation, in any case', () => {
    expect(names('dpia')[0]).toBe('Data Protection Impact Assessment');
    expect(names('CRM')[0]).toBe('Business Customer Relationship Management');
  });

  it('finds a term from the start of a word as you type', () => {
    expect(names('explain')[0]).toBe('Model Explainability');
    expect(names('interp')[0]).toBe('Interpretability');
  });

  it('ranks a name match above terms that only mention the word', () => {
    const results = names('bias');
    expect(results[0]).toBe('Bias');
    expect(results.indexOf('AI Bias Mitigation')).toBeLessThan(results.indexOf('Fairness'));
    expect(results).toContain('Robustness'); // mentions biases in its definition
  });

  it('finds terms by words of the definition', () => {
    expect(names('GDPR')).toEqual(
      expect.arrayContaining(['Privacy', 'Data Protection Impact Assessment']),
    );
    expect(names('IEEE')).toEqual(['Ethical AI Frameworks']);
  });

  it('needs every word of a multi-word query', () => {
    expect(names('governance framework')[0]).toBe('AI Governance Framework');
  });

  it('lists every term A to Z for an empty query and nothing for nonsense', () => {
    const all = names('  ');
    expect(all).toHaveLength(30);
    expect([...all].sort((a, b) => (a ?? '').localeCompare(b ?? ''))).toEqual(all);
    expect(names('zzqx')).toEqual([]);
  });

  it('forgives the typos and spellings people make', () => {
    expect(names('fairnes')[0]).toBe('Fairness');
    expect(names('explainabilty')[0]).toBe('Model Explainability');
    expect(names('dpia')[0]).toBe('Data Protection Impact Assessment');
    expect(names('decision making')[0]).toBe('Ethical Decision-Making');
    expect(names('transparancy')[0]).toBe('Transparency');
  });

  it('answers a single letter with the names that start with it, as you begin to type', () => {
    expect(names('d')).toEqual([
      'Data Ethics',
      'Data Governance',
      'Data Protection Impact Assessment',
    ]);
    // The start of a next word waits for its second letter: the results so far stay.
    expect(names('decision m')).toEqual(names('decision'));
  });
});

describe('search across the course and the user glossaries', () => {
  const churn = {
    id: 'churn',
    term: 'Churn',
    definition: 'Customers who stop buying.',
    forms: ['Churn', 'churn rate'],
    related: [],
    everyday: false,
  };
  const ownBias = {
    ...churn,
    id: 'bias',
    term: 'Bias',
    definition: 'Skew in our lead list.',
    forms: ['Bias'],
  };
  const glossaries = [{ id: 'crm', name: 'CRM team', terms: [churn, ownBias] }];
  const user = userTermsOf(glossaries, glossary.terms);
  const both = createSearch(searchableTerms(glossary.terms, glossaries, user));

  it('finds an imported term by name, form and definition, by its page id', () => {
    expect(both.search('churn')[0]).toBe('crm/churn');
    expect(both.search('churn rate')[0]).toBe('crm/churn');
    expect(both.search('stop buying')).toEqual(['crm/churn']);
    expect(both.search('')).toContain('crm/churn');
  });

  it('answers the same when its index is built in slices', async () => {
    const terms = searchableTerms(glossary.terms, glossaries, user);
    const sliced = await createSearchInSlices(terms);
    for (const q of ['', 'c', 'churn', 'stop buying', 'explainabilty', 'dpia', 'lead list']) {
      expect(sliced.search(q)).toEqual(both.search(q));
    }
  });

  it('lists a term two glossaries share once, found by either definition', () => {
    expect(both.search('')).not.toContain('crm/bias');
    expect(both.search('lead list')).toEqual(['bias']);
    expect(both.search('bias')[0]).toBe('bias');
  });
});
