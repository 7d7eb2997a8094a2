import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestFor, type SourceManifest } from '../../build/manifest';
import {
  HIGHLIGHT_PAGE_COMMAND,
  NEXT_TERM_COMMAND,
  PREVIOUS_TERM_COMMAND,
} from '../../src/messages/messages';
import { ROOT } from '../support/shared';

const read = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
const source: SourceManifest = read('manifest.json');
const { version } = read('package.json') as { version: string };
/** What the build hands each browser, as a plain object to look into. */
const built = (browser: 'chrome' | 'firefox') =>
  manifestFor(structuredClone(source), browser, version) as unknown as Record<string, unknown> & {
    background: Record<string, unknown>;
  };

describe('manifest.json, for each browser', () => {
  it('gives Chrome its module service worker and minimum version, and no Firefox keys', () => {
    const chrome = built('chrome');
    expect(chrome.background).toEqual({
      service_worker: 'src/background/background.ts',
      type: 'module',
    });
    expect(chrome.minimum_chrome_version).toBe('120');
    expect(chrome).not.toHaveProperty('browser_specific_settings');
  });

  it('gives Firefox the same background as event-page scripts, its id, and no Chrome keys', () => {
    const firefox = built('firefox');
    expect(firefox.background).toEqual({
      scripts: ['src/background/background.ts'],
      type: 'module',
    });
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    const gecko = (firefox.browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
    expect(gecko.id).toBe('ethical-ai-glossary@example.org');
    // data_collection_permissions needs Firefox 142 on Android (140 on desktop).
    expect(Number.parseFloat(String(gecko.strict_min_version))).toBeGreaterThanOrEqual(142);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
  });

  it('leaves everything else as the file says, for both browsers', () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const manifest = built(browser);
      for (const key of [
        'permissions',
        'optional_host_permissions',
        'commands',
        'action',
        'icons',
      ]) {
        expect(manifest[key], `${browser} ${key}`).toEqual(source[key as keyof SourceManifest]);
      }
      expect(manifest).not.toHaveProperty('host_permissions');
      expect(manifest).not.toHaveProperty('web_accessible_resources');
    }
  });

  it('carries the version package.json names, the only place a version is written', () => {
    expect(source).not.toHaveProperty('version');
    expect(built('chrome').version).toBe(version);
    expect(built('firefox').version).toBe(version);
  });

  it('refuses to build a version the stores would reject', () => {
    for (const bad of ['1.0.0-beta.1', '1.2.3.4.5', '70000.0', '01.2', 'v1.0', '']) {
      expect(() => manifestFor(structuredClone(source), 'chrome', bad), bad).toThrow(
        /package.json's version/,
      );
    }
  });

  it('declares every command the code listens for, and the toolbar button, and no other', () => {
    // _execute_action is the browser's own: it opens the popup, and no listener hears it.
    expect(Object.keys(source.commands).sort()).toEqual(
      ['_execute_action', HIGHLIGHT_PAGE_COMMAND, NEXT_TERM_COMMAND, PREVIOUS_TERM_COMMAND].sort(),
    );
  });
});
