import { describe, expect, it } from 'vitest';
import { PAGE_PATTERN_STALE, pagePatterns } from '../../build/page-pattern';

describe('the pattern the content script ships', () => {
  it('is the one its terms give today', () => {
    // `npm run pattern` writes it again after the glossary or the topic words change.
    const { shipped, fresh } = pagePatterns();
    expect(shipped, PAGE_PATTERN_STALE).toBe(fresh);
  });
});
