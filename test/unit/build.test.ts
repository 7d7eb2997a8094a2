import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateGlossary } from '../../build/validate-glossary';

/** Runs the build step the way Vite would, with an error() that fails like Rollup's. */
function runBuildStart(file: string): void {
  const plugin = validateGlossary(file);
  const context = {
    addWatchFile: () => undefined,
    error: (message: string) => {
      throw new Error(message);
    },
  };
  (plugin.buildStart as unknown as (this: typeof context) => void).call(context);
}

function glossaryFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'eaig-')), 'glossary.json');
  writeFileSync(file, content);
  return file;
}

describe('the build', () => {
  it('accepts the shipped glossary', () => {
    expect(() => runBuildStart('glossary/glossary.json')).not.toThrow();
  });

  it('stops on an invalid glossary, naming the term and the field', () => {
    const file = glossaryFile(
      JSON.stringify({
        source: 'x',
        terms: [
          {
            id: 'bias',
            term: 'Bias',
            definition: 'd',
            category: 'principles',
            related: [],
            forms: [],
          },
        ],
      }),
    );
    expect(() => runBuildStart(file)).toThrow(
      /term #1 "bias", field "forms": must list at least one form/,
    );
  });

  it('stops on a glossary that is not JSON', () => {
    expect(() => runBuildStart(glossaryFile('{ "terms": ['))).toThrow(/is not valid JSON/);
  });
});
