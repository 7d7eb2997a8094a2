// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { newGlossaryId, readIndex, readTerms } from './library';

const churn = {
  id: 'churn',
  term: 'Churn',
  definition: 'Customers who leave.',
  forms: ['Churn', 'churn rate'],
  related: [],
  everyday: false,
};

describe('the glossaries as stored', () => {
  it('reads the index, leaving out an unreadable entry alone and naming it', () => {
    const ok = { id: 'crm', name: 'CRM', enabled: true, added: 20_000, terms: 3 };
    const read = readIndex([ok, { id: 'Bad Id', name: 'Broken', enabled: true }, ok]);
    expect(read.entries).toEqual([ok]);
    expect(read.dropped).toEqual(['a glossary (Broken)', 'a glossary (CRM)']);
    expect(readIndex(undefined)).toEqual({ entries: [], dropped: [] });
    expect(readIndex('nonsense').dropped).toEqual(['the list of your glossaries']);
  });

  it("reads a glossary's terms, leaving out one that is not whole and naming it", () => {
    const read = readTerms(
      {
        terms: [
          churn,
          { ...churn, id: 'nps', term: 'NPS', forms: [] },
          { ...churn, id: 'x', definition: 7 },
        ],
      },
      'CRM',
    );
    expect(read.terms).toEqual([churn]);
    expect(read.dropped).toEqual(['a term of CRM (NPS)', 'a term of CRM (Churn)']);
    expect(readTerms(null, 'CRM')).toEqual({ terms: [], dropped: ['the terms of CRM'] });
  });

  it('makes a new id from the name, unlike the ids in use', () => {
    expect(newGlossaryId('Équipe CRM: 2027!', new Set())).toBe('equipe-crm-2027');
    expect(newGlossaryId('CRM', new Set(['crm', 'crm-2']))).toBe('crm-3');
    expect(newGlossaryId('***', new Set())).toBe('glossary');
  });
});
