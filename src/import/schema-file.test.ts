// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { previewGlossary } from './read-file';

/**
 * glossary/glossary.schema.json is what the README points people to when they write a
 * glossary by hand or by tool: it must accept what the import accepts and refuse what it
 * leaves out, and describe the course's own file.
 */

const ROOT = join(__dirname, '../..');
const schema = JSON.parse(readFileSync(join(ROOT, 'glossary/glossary.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);
const imported = (data: unknown) =>
  previewGlossary('x.json', new TextEncoder().encode(JSON.stringify(data)));

describe('glossary/glossary.schema.json', () => {
  it("describes the course's glossary.json", () => {
    const course = JSON.parse(readFileSync(join(ROOT, 'glossary/glossary.json'), 'utf8'));
    expect(validate(course), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts a small hand-written glossary, which imports whole', () => {
    const small = {
      $schema: './glossary.schema.json',
      name: 'CRM team',
      terms: [
        { term: 'Churn', definition: 'Customers who leave.', forms: ['churn rate'] },
        {
          id: 'nps',
          term: 'Net Promoter Score',
          abbreviation: 'NPS',
          definition: 'How likely customers are to recommend us.',
          category: 'metrics',
          related: ['Churn'],
          everyday: false,
        },
      ],
    };
    expect(validate(small), JSON.stringify(validate.errors)).toBe(true);
    const p = imported(small);
    expect(p.problems).toEqual([]);
    expect(p.terms).toHaveLength(2);
  });

  it.each([
    ['a term without a definition', { term: 'Churn' }, 'the definition is empty'],
    ['a blank term', { term: '  ', definition: 'x' }, 'the term is empty'],
    [
      'a misspelt field',
      { term: 'Churn', definition: 'x', defintion: 'y' },
      "'defintion' is not a field",
    ],
    [
      'a lower-case abbreviation',
      { term: 'Churn', definition: 'x', abbreviation: 'cr' },
      'the abbreviation',
    ],
  ])('refuses %s, as the import names it', (_, term, message) => {
    expect(validate({ terms: [term] })).toBe(false);
    expect(
      imported({ terms: [term] })
        .problems.map((p) => p.message)
        .join(' '),
    ).toContain(message);
  });
});
