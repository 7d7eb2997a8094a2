import { readFileSync, writeFileSync } from 'node:fs';
import { pageTerms } from '../src/content/page-terms.ts';
import { combinedPattern } from '../src/match/matcher.ts';

/**
 * The content script's combined pattern, kept ready-made in the source so a page need not
 * build it: where it is, how it is written again, and the one check the build and the unit
 * tests share that it is still the pattern the terms give.
 */

/** From the project's root; imported by page-highlighter.ts with `?raw`. */
export const PAGE_PATTERN_FILE = 'src/content/page-pattern.txt';

/** What to do when the glossary's or the topic words' forms changed. */
export const PAGE_PATTERN_STALE = `${PAGE_PATTERN_FILE} is out of date: run npm run pattern`;

/** The pattern as shipped, and as today's terms give it. */
export function pagePatterns(): { shipped: string; fresh: string } {
  return { shipped: readFileSync(PAGE_PATTERN_FILE, 'utf8'), fresh: combinedPattern(pageTerms) };
}

/** `npm run pattern`: writes the file from today's terms. */
export function writePagePattern(): void {
  writeFileSync(PAGE_PATTERN_FILE, combinedPattern(pageTerms));
}
