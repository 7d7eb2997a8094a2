import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { COURSE_FILE, hasCourse, reportSkip } from './shared';

export interface CourseEntry {
  /** The name as the course writes it, abbreviation in brackets: "Artificial Intelligence (AI)". */
  readonly heading: string;
  readonly name: string;
  readonly definition: string;
}

/**
 * The course's numbered terms, read from the course text itself; null in a clone without
 * ../shared. Never read from glossary/glossary.json: that file is what the extension shows, so
 * comparing the extension with it would prove nothing.
 */
export function courseEntries(): CourseEntry[] | null {
  if (!hasCourse) {
    return null;
  }
  const text = readFileSync(COURSE_FILE, 'utf8');
  return [...text.matchAll(/^\d+\. \*\*(.+?)\*\*: (.+)$/gm)].map((m) => ({
    heading: m[1] as string,
    name: (m[1] as string).replace(/ \([A-Z]+\)$/, ''),
    definition: m[2] as string,
  }));
}

let skipReported = false;

/**
 * Asserts that `shown` is, word for word, the course's definition of the term `name`. Where the
 * course text is absent the comparison is skipped, and said so once.
 */
export function expectCourseDefinition(shown: string | null | undefined, name: string): void {
  const entries = courseEntries();
  if (!entries) {
    if (!skipReported) {
      reportSkip('comparing the definitions shown with the course text', COURSE_FILE);
      skipReported = true;
    }
    expect(shown, `a definition is shown for ${name}`).toMatch(/\S/);
    return;
  }
  const entry = entries.find((e) => e.name === name);
  if (!entry) {
    throw new Error(`No course entry named ${name}`);
  }
  expect(shown, `the definition of ${name}`).toBe(entry.definition);
}
