import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/shared';

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  icons?: Record<string, string>;
  content_scripts?: Array<{ js: string[]; matches: string[] }>;
};

const manifestOf = (browser: string): Manifest =>
  JSON.parse(readFileSync(join(ROOT, 'dist', browser, 'manifest.json'), 'utf8'));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe.each(['chrome', 'firefox'])('the built %s extension', (browser) => {
  const dir = join(ROOT, 'dist', browser);
  const manifest = manifestOf(browser);

  it('asks only for storage and exposes nothing to pages', () => {
    expect(manifest.permissions).toEqual(['storage']);
    expect(manifest).not.toHaveProperty('host_permissions');
    expect(manifest).not.toHaveProperty('web_accessible_resources');
  });

  it('runs one self-contained content script on http and https pages', () => {
    const [script] = manifest.content_scripts ?? [];
    expect(manifest.content_scripts).toHaveLength(1);
    expect(script?.matches).toEqual(['http://*/*', 'https://*/*']);
    expect(script?.js).toHaveLength(1);
    const code = readFileSync(join(dir, script?.js[0] ?? ''), 'utf8');
    // No loader: nothing imported at run time, no chunk fetched from the extension.
    expect(code).not.toMatch(/\bimport\s*\(|^\s*import\s/m);
    expect(gzipSync(code).length).toBeLessThan(30 * 1024);
  });

  it('ships its icons at 16, 32, 48 and 128 px', () => {
    for (const [size, file] of Object.entries(manifest.icons ?? {})) {
      expect(existsSync(join(dir, file))).toBe(true);
      expect(pngSize(join(dir, file))).toEqual([Number(size), Number(size)]);
    }
    expect(Object.keys(manifest.icons ?? {})).toEqual(['16', '32', '48', '128']);
  });
});

describe('the Firefox manifest', () => {
  it('names the add-on and declares that it collects no data', () => {
    expect(manifestOf('firefox').browser_specific_settings).toEqual({
      gecko: {
        id: 'ethical-ai-glossary@example.org',
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    });
  });
});
