// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { exportName, glossaryCsv, glossaryJson } from './export';
import { previewGlossary } from './read-file';
import type { ImportedTerm } from './rows';

const terms: ImportedTerm[] = [
  {
    id: 'churn',
    term: 'Churn',
    definition: 'Customers who stop buying, "counted" monthly; see NPS.\nA second line.',
    forms: ['Churn', 'churn rate', 'churns'],
    category: 'metrics',
    related: ['nps'],
    everyday: true,
  },
  {
    id: 'nps',
    term: 'Net Promoter Score',
    abbreviation: 'NPS',
    definition: 'How likely customers are to recommend us; <b>markup</b> stays text.',
    forms: ['Net Promoter Score', 'NPS'],
    related: [],
    everyday: false,
  },
];

const bytes = (text: string) => new TextEncoder().encode(text);

describe('a glossary exported', () => {
  it('reads back, as JSON and as CSV, into the same terms with the same ids', () => {
    const json = previewGlossary('x.json', bytes(glossaryJson('CRM team', terms)));
    expect(json.name).toBe('CRM team');
    expect(json.problems).toEqual([]);
    expect(json.terms).toEqual(terms);

    const csv = previewGlossary('crm-team.csv', bytes(glossaryCsv(terms)));
    expect(csv.problems).toEqual([]);
    expect(csv.terms).toEqual(terms);
  });

  it('writes CSV as a spreadsheet opens it: a UTF-8 mark, a header, quoted cells', () => {
    const csv = glossaryCsv(terms);
    expect(
      csv.startsWith('\uFEFFid,term,definition,abbreviation,forms,category,related,everyday\r\n'),
    ).toBe(true);
    expect(csv).toContain(
      '"Customers who stop buying, ""counted"" monthly; see NPS.\nA second line."',
    );
    expect(csv).toContain('churn rate | churns');
  });

  it('names the file after the glossary', () => {
    expect(exportName('Équipe CRM', 'csv')).toBe('equipe-crm.csv');
    expect(exportName('!!!', 'json')).toBe('glossary.json');
  });
});
