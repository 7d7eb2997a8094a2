import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { combinedPattern } from '../match/matcher';
import { PAGE_PATTERN_FILE, PAGE_PATTERN_UPDATE, pageTerms } from './page-terms';

describe('the pattern the content script ships', () => {
  it('is the one its terms give today', () => {
    const fresh = combinedPattern(pageTerms);
    // `npm run pattern` writes it again after the glossary or the topic words change.
    if (process.env.UPDATE_PATTERN) writeFileSync(PAGE_PATTERN_FILE, fresh);
    const shipped = readFileSync(PAGE_PATTERN_FILE, 'utf8');
    expect(shipped, `${PAGE_PATTERN_FILE} is out of date: run ${PAGE_PATTERN_UPDATE}`).toBe(fresh);
  });
});
