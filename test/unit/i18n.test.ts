import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/i18n';
import { getMessage, MESSAGES } from '../support/i18n';
import { ROOT } from '../support/shared';

/** Every source file of the extension, and the manifest source. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('UI strings', () => {
  const code = [...sources(join(ROOT, 'src')), join(ROOT, 'manifest.config.ts')]
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
    expect(t('popupOnPageLabel', 'Bias', 3)).toBe('Bias, 3 times: show on the page');
    for (const [key, entry] of Object.entries(MESSAGES)) {
      for (const name of entry.message.match(/\$[A-Za-z0-9_@]+\$/g) ?? []) {
        expect(entry.placeholders, `${key} ${name}`).toHaveProperty(
          name.slice(1, -1).toLowerCase(),
        );
      }
    }
  });
});
