import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translate';
import { getMessage, MESSAGES } from '../support/i18n';
import { ROOT } from '../support/shared';

/** Every source file of the extension, and the manifest. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return sources(path);
    }
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('UI strings', () => {
  const code = [...sources(join(ROOT, 'src')), join(ROOT, 'manifest.json')]
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');

  it('has no message nobody shows', () => {
    const unused = Object.keys(MESSAGES).filter(
      (key) => !code.includes(`'${key}'`) && !code.includes(`__MSG_${key}__`),
    );
    expect(unused).toEqual([]);
  });

  it('gives every placeholder of a message its substitution, as the browser does', () => {
    expect(getMessage('tooltipBack', ['Bias'])).toBe('← Back to Bias');
    for (const [key, entry] of Object.entries(MESSAGES)) {
      for (const name of entry.message.match(/\$[A-Za-z0-9_@]+\$/g) ?? []) {
        expect(entry.placeholders, `${key} ${name}`).toHaveProperty(
          name.slice(1, -1).toLowerCase(),
        );
      }
    }
  });
});

describe('translator', () => {
  it('asks the API it is given, with every substitution as text', () => {
    const asked: Array<[string, unknown]> = [];
    const t = translator({
      getMessage(key, substitutions) {
        asked.push([key, substitutions]);
        return getMessage(key, substitutions);
      },
    });
    expect(t('popupOnPageLabel', 'Bias', 3)).toBe('Bias ×3: show on the page');
    expect(asked).toEqual([['popupOnPageLabel', ['Bias', '3']]]);
  });

  it('shows a message’s name rather than nothing when the browser has no such message', () => {
    const t = translator({ getMessage: () => '' });
    expect(t('tooltipLookUp')).toBe('tooltipLookUp');
  });
});
