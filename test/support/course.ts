import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COURSE_FILE, hasCourse, ROOT } from './shared';

export interface CourseEntry {
  /** The name as the course writes it, abbreviation in brackets: "Artificial Intelligence (AI)". */
  readonly heading: string;
  readonly name: string;
  readonly definition: string;
}

/**
 * The definitions a reader must see, read from the course text itself where it is present, or
 * else from the glossary file (whose equality with the course the unit tests prove).
 */
export function courseEntries(): CourseEntry[] {
  if (hasCourse) {
    const text = readFileSync(COURSE_FILE, 'utf8');
    return [...text.matchAll(/^\d+\. \*\*(.+?)\*\*: (.+)$/gm)].map((m) => ({
      heading: m[1] as string,
      name: (m[1] as string).replace(/ \([A-Z]+\)$/, ''),
      definition: m[2] as string,
    }));
  }
  const data = JSON.parse(readFileSync(join(ROOT, 'glossary/glossary.json'), 'utf8')) as {
    terms: Array<{ term: string; abbreviation?: string; definition: string }>;
  };
  return data.terms.map((t) => ({
    heading: t.abbreviation ? `${t.term} (${t.abbreviation})` : t.term,
    name: t.term,
    definition: t.definition,
  }));
}

export function definitionOf(name: string): string {
  const entry = courseEntries().find((e) => e.name === name);
  if (!entry) throw new Error(`No course entry named ${name}`);
  return entry.definition;
}
