import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root, wherever the checkout is. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** `../shared` beside the checkout: course text and real pages, absent in a clone elsewhere. */
export const SHARED = process.env.EAIG_SHARED_DIR ?? resolve(ROOT, '../shared');
export const COURSE_FILE = join(SHARED, 'course/ethical-ai-crm-course.txt');
export const hasCourse = existsSync(COURSE_FILE);

/** Says once, loudly, why tests that need shared material did not run. */
export function reportSkip(what: string, path: string): void {
  console.warn(`SKIPPED: ${what}: ${path} is not here (a clone without ../shared).`);
}
