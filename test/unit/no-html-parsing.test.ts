import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/shared';

/**
 * The lint rule behind "text is text" (lint/no-html-parsing.grit), run by Biome itself on a
 * probe file for each way of parsing a string as HTML or code, and on code that only looks alike.
 */

const PARSES = {
  'innerHTML =': "document.body.innerHTML = 'x';",
  'innerHTML +=': "document.body.innerHTML += 'x';",
  'outerHTML +=': "document.body.outerHTML += 'x';",
  "['innerHTML'] =": "document.body['innerHTML'] = 'x';",
  '["outerHTML"] =': 'document.body["outerHTML"] = \'x\';',
  'srcdoc =': "document.createElement('iframe').srcdoc = '<p>x</p>';",
  insertAdjacentHTML: "document.body.insertAdjacentHTML('beforeend', 'x');",
  createContextualFragment: "document.createRange().createContextualFragment('<p>x</p>');",
  setHTMLUnsafe: "document.body.setHTMLUnsafe('<p>x</p>');",
  parseHTMLUnsafe: "Document.parseHTMLUnsafe('<p>x</p>');",
  'parseFromString as HTML': "new DOMParser().parseFromString('<p>', 'text/html');",
  'parseFromString as SVG': "new DOMParser().parseFromString('<svg/>', 'image/svg+xml');",
  'parseFromString of a type held in a variable':
    "declare const type: DOMParserSupportedType; new DOMParser().parseFromString('<p>', type);",
  'document.write': "document.write('<p>x</p>');",
  'document.writeln': "document.writeln('<p>x</p>');",
  'window.document.write': "window.document.write('x');",
  'new Function': "export const f = new Function('return 1');",
  'Function without new': "export const f = Function('return 1');",
  eval: "eval('1');",
};

const TEXT_ONLY = [
  "document.body.textContent = '<p>x</p>';",
  "export const names = { innerHTML: 1, srcdoc: 'innerHTML' };",
  "declare const stream: { write(s: string): void }; stream.write('x');",
  'export const read = document.body.innerHTML;',
  // XML parsed into an inert document that is only read (a TBX glossary): runs nothing.
  "export const tbx = new DOMParser().parseFromString('<martif/>', 'application/xml');",
].join('\n');

interface Report {
  diagnostics: Array<{ category: string; message: string; location: { path: string | null } }>;
}

describe('the lint rule that keeps text as text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'no-html-parsing-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects every way of parsing a string as HTML or code, and nothing else', () => {
    writeFileSync(
      join(dir, 'biome.json'),
      JSON.stringify({
        root: true,
        plugins: [join(ROOT, 'lint/no-html-parsing.grit')],
        linter: { rules: { preset: 'none' } },
      }),
    );
    const probes = Object.entries(PARSES).map(([name, code], i) => {
      writeFileSync(join(dir, `probe-${i}.ts`), `${code}\n`);
      return [name, `probe-${i}.ts`] as const;
    });
    writeFileSync(join(dir, 'text-only.ts'), `${TEXT_ONLY}\n`);
    let output = '';
    try {
      output = execFileSync(
        join(ROOT, 'node_modules/.bin/biome'),
        ['lint', '--reporter=json', '--max-diagnostics=none', '.'],
        { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
    } catch (error) {
      // Biome exits with 1 when it reports errors: those are what this test reads.
      output = (error as { stdout: string }).stdout;
    }
    const report = JSON.parse(output) as Report;
    const flagged = new Set(
      report.diagnostics
        .filter((d) => d.category === 'plugin' && d.message.startsWith('Text is text'))
        .map((d) => d.location.path),
    );
    // A rule that fails to run reports as a plugin error of another wording: none allowed.
    expect(report.diagnostics.filter((d) => /errored/.test(d.message))).toEqual([]);
    for (const [name, file] of probes) {
      expect(flagged.has(file), name).toBe(true);
    }
    expect(flagged.has('text-only.ts')).toBe(false);
  });
});
