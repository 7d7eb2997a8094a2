import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { parseGlossary } from '../src/glossary/schema.ts';

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
    },
  };
}
