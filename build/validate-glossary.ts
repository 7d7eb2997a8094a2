import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { parseGlossary } from '../src/glossary/schema.ts';
import { PAGE_PATTERN_FILE, PAGE_PATTERN_STALE, pagePatterns } from './page-pattern.ts';

/** Stops the build when the glossary breaks its schema, naming the term and the field. */
export function validateGlossary(file = 'glossary/glossary.json'): Plugin {
  return {
    name: 'eaig:validate-glossary',
    buildStart() {
      this.addWatchFile(file);
      let data: unknown;
      try {
        data = JSON.parse(readFileSync(file, 'utf8'));
      } catch (error) {
        this.error(`${file} is not valid JSON: ${(error as Error).message}`);
      }
      try {
        parseGlossary(data);
      } catch (error) {
        this.error(`${file}: ${(error as Error).message}`);
      }
      // The content script ships its pattern ready-made: one built from older terms would
      // miss the new forms on every page.
      this.addWatchFile(PAGE_PATTERN_FILE);
      const { shipped, fresh } = pagePatterns();
      if (shipped !== fresh) {
        this.error(PAGE_PATTERN_STALE);
      }
    },
  };
}
