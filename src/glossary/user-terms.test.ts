// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ImportedTerm } from '../import/rows';
import { userTermsOf, withOtherDefinitions } from './user-terms';

const term = (id: string, name: string, definition: string, more: Partial<ImportedTerm> = {}) => ({
  id,
  term: name,
  definition,
  forms: [name],
  related: [],
  everyday: false,
  ...more,
});

describe('the user glossaries as the extension shows them', () => {
  it('gives each term its page id, its related terms theirs, and names its glossary', () => {
    const churn = term('churn', 'Churn', 'Customers who leave.', {
      forms: ['Churn', 'churn rate'],
      related: ['upsell'],
      everyday: true,
    });
    const { byId, extra, also } = userTermsOf([{ id: 'crm', name: 'CRM team', terms: [churn] }]);
    expect([...byId]).toEqual([
      ['crm/churn', { ...churn, id: 'crm/churn', related: ['crm/upsell'], glossary: 'CRM team' }],
    ]);
    expect(extra).toEqual([{ id: 'crm/churn', forms: ['Churn', 'churn rate'], everyday: true }]);
    expect(also.size).toBe(0);
    expect(userTermsOf([])).toEqual({ byId: new Map(), extra: [], also: new Map() });
  });

  it("says which terms come from a glossary the user's organisation installed", () => {
    const churn = term('churn', 'Churn', 'Customers who leave.');
    const { byId } = userTermsOf([
      { id: 'org-acme', name: 'Acme', terms: [churn] },
      { id: 'mine', name: 'Mine', terms: [term('upsell', 'Upsell', 'Selling more.')] },
    ]);
    expect(byId.get('org-acme/churn')?.byOrganisation).toBe(true);
    expect(byId.get('mine/upsell')?.byOrganisation).toBeUndefined();
  });

  it("shows a term two glossaries define with both definitions, the course's first", () => {
    const course = [{ id: 'bias', term: 'Bias', forms: ['bias', 'biases'] }];
    const team = term('bias', 'BIAS', 'Our word for skewed leads.', {
      forms: ['BIAS', 'lead bias'],
      everyday: true,
    });
    const legal = term('dpia', 'Impact assessment', 'What legal signs off.', {
      abbreviation: 'IA',
      forms: ['Impact assessment', 'IA'],
    });
    const later = term('lead-bias', 'Lead bias', 'Skew in the lead list.');
    const { byId, extra, also } = userTermsOf(
      [
        { id: 'team', name: 'Team', terms: [team, legal] },
        { id: 'other', name: 'Other', terms: [later] },
      ],
      course,
    );
    // "BIAS" is the course's Bias: its new form highlights as the course's term, under the
    // course's rule for everyday words; the team's definition comes second on its card.
    expect(extra).toContainEqual({ id: 'bias', forms: ['BIAS', 'lead bias'], everyday: false });
    // A later glossary's "Lead bias" is a form the team's term gave the course's Bias: the
    // same term again, its definition third.
    expect(also.get('bias')?.map((v) => [v.id, v.definition, v.glossary])).toEqual([
      ['team/bias', 'Our word for skewed leads.', 'Team'],
      ['other/lead-bias', 'Skew in the lead list.', 'Other'],
    ]);
    expect(extra).toContainEqual({ id: 'bias', forms: ['Lead bias'], everyday: false });
    // A term no one else has stays its own, found by its page id.
    expect(extra).toContainEqual({ id: 'team/dpia', forms: legal.forms, everyday: false });
    expect(byId.get('team/bias')?.definition).toBe('Our word for skewed leads.');

    const card = withOtherDefinitions(
      { id: 'bias', term: 'Bias', definition: 'The course says.', related: [] },
      { also },
    );
    expect(card?.also?.map((v) => v.glossary)).toEqual(['Team', 'Other']);
    expect(withOtherDefinitions(byId.get('team/dpia'), { also })?.also).toBeUndefined();
  });

  it('joins a term by its abbreviation, and a later glossary to an earlier one', () => {
    const { also, extra } = userTermsOf([
      {
        id: 'a',
        name: 'A',
        terms: [
          term('cx', 'Customer experience', 'A1', {
            abbreviation: 'CX',
            forms: ['Customer experience', 'CX'],
          }),
        ],
      },
      { id: 'b', name: 'B', terms: [term('cx', 'CX', 'B1', { forms: ['CX'] })] },
    ]);
    expect(also.get('a/cx')?.map((v) => v.definition)).toEqual(['B1']);
    expect(extra.map((e) => e.id)).toEqual(['a/cx', 'a/cx']);
  });
});
