import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGlossary } from '../../src/glossary/schema';
import { createMatcher } from '../../src/match/matcher';
import { COURSE_FILE, hasCourse, ROOT, reportSkip } from '../support/shared';

const raw = JSON.parse(readFileSync(join(ROOT, 'glossary/glossary.json'), 'utf8'));
const glossary = parseGlossary(raw);
const clone = () => structuredClone(raw) as { terms: Array<Record<string, unknown>> };

describe('the glossary file', () => {
  it('is valid and holds the 30 course terms', () => {
    expect(glossary.terms).toHaveLength(30);
  });

  it('matches a name followed by its abbreviation in brackets as one term', () => {
    for (const term of glossary.terms) {
      if (!term.abbreviation) {
        continue;
      }
      const forms = term.forms.map((f) => f.toLowerCase());
      expect(forms, term.id).toContain(
        `${term.term.toLowerCase()} (${term.abbreviation.toLowerCase()})`,
      );
      expect(term.forms, term.id).toContain(term.abbreviation);
    }
  });

  it('gives AI, CRM and DPIA their abbreviations', () => {
    const abbreviations = glossary.terms.flatMap((t) => (t.abbreviation ? [t.abbreviation] : []));
    expect(abbreviations.sort()).toEqual(['AI', 'CRM', 'DPIA']);
  });

  it('relates every term to every other term its definition mentions', () => {
    const matcher = createMatcher(glossary.terms);
    for (const term of glossary.terms) {
      const mentioned = new Set(matcher.find(term.definition).map((m) => m.termId));
      mentioned.delete(term.id);
      for (const id of mentioned) {
        expect(term.related, `${term.id} mentions ${id}`).toContain(id);
      }
    }
  });

  it('lets each term be found on a page by its own name', () => {
    const matcher = createMatcher(glossary.terms);
    for (const term of glossary.terms) {
      expect(
        matcher.find(term.term).map((m) => m.termId),
        term.term,
      ).toEqual([term.id]);
    }
  });
});

describe.skipIf(!hasCourse)('definitions against the course text', () => {
  it('match the course word for word, in the course order', () => {
    const course = readFileSync(COURSE_FILE, 'utf8');
    const numbered = [...course.matchAll(/^(\d+)\. \*\*(.+?)\*\*: (.+)$/gm)];
    expect(numbered).toHaveLength(30);
    numbered.forEach((m, i) => {
      const term = glossary.terms[i];
      expect(Number(m[1])).toBe(i + 1);
      const courseName = term?.abbreviation ? `${term.term} (${term.abbreviation})` : term?.term;
      expect(courseName).toBe(m[2]);
      expect(term?.definition).toBe(m[3]);
    });
  });
});
if (!hasCourse) {
  reportSkip('definitions against the course text', COURSE_FILE);
}

describe('an invalid glossary', () => {
  const error = (data: unknown) => {
    try {
      parseGlossary(data);
    } catch (e) {
      return (e as Error).message;
    }
    return 'no error';
  };

  it('names the term and the field', () => {
    const bad = clone();
    (bad.terms[3] as Record<string, unknown>).category = 'vibes';
    expect(error(bad)).toMatch(/term #4 "bias", field "category": must be one of/);
    const noDef = clone();
    delete (noDef.terms[0] as Record<string, unknown>).definition;
    expect(error(noDef)).toMatch(/term #1 "ethics", field "definition"/);
  });

  it('rejects unknown related ids, clashing forms, duplicate ids and reserved names', () => {
    const bad = clone();
    (bad.terms[0] as Record<string, unknown>).related = ['nope'];
    (bad.terms[1] as Record<string, unknown>).forms = ['bias'];
    (bad.terms[2] as Record<string, unknown>).id = 'ethics';
    const message = error(bad);
    expect(message).toMatch(/"related": "nope" is not a term id/);
    expect(message).toMatch(
      /term #4 "bias", field "forms": "bias" is already a form of "artificial-intelligence"/,
    );
    expect(message).toMatch(/term #3 "ethics", field "id": is used by another term/);
    const reserved = clone();
    (reserved.terms[5] as Record<string, unknown>).id = '__proto__';
    expect(error(reserved)).toMatch(/term #6 "__proto__", field "id": is a reserved name/);
  });

  it('rejects other senses of a specialist term, and phrases without the word', () => {
    const bad = clone();
    (bad.terms[3] as Record<string, unknown>).otherSenses = ['inductive prior'];
    (bad.terms[8] as Record<string, unknown>).otherSenses = ['data governance board'];
    const message = error(bad);
    expect(message).toMatch(
      /term #4 "bias", field "otherSenses": "inductive prior" holds none of the term's forms/,
    );
    expect(message).toMatch(
      /term #9 "data-governance", field "otherSenses": only an everyday word has other senses/,
    );
  });

  it('rejects unknown fields and markup-sized text', () => {
    const bad = clone();
    (bad.terms[0] as Record<string, unknown>).html = '<b>x</b>';
    (bad.terms[1] as Record<string, unknown>).definition = 'x'.repeat(5000);
    const message = error(bad);
    expect(message).toMatch(/term #1 "ethics", field "html"/);
    expect(message).toMatch(
      /term #2 "artificial-intelligence", field "definition": must be at most/,
    );
  });
});
