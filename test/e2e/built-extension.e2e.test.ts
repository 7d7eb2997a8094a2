import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pngSize } from '../support/png';
import { ROOT } from '../support/shared';
import { EXTENSION_DIRS } from './support/extension-dirs';

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  icons?: Record<string, string>;
};

const manifestOf = (browser: 'chrome' | 'firefox'): Manifest =>
  JSON.parse(readFileSync(join(EXTENSION_DIRS[browser], 'manifest.json'), 'utf8'));

/** Mozilla's pdf.js: the library with its viewer components, and its worker. */
const PDF_JS = /^assets\/(pdfjs-|pdf\.worker\.min-)[\w-]+\.m?js$/;
/** What names pdf.js's files: only the reader's page and its own code may. */
const NAMES_PDF_JS = /pdfjs-|pdf\.worker/;

describe.each(['chrome', 'firefox'] as const)('the built %s extension', (browser) => {
  const dir = EXTENSION_DIRS[browser];
  const manifest = manifestOf(browser);

  it("carries package.json's version, one the stores take", () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(manifest.version).toBe(version);
    expect(manifest.version).toMatch(/^\d+(\.\d+){0,3}$/);
  });

  it('asks for no site at install and exposes nothing to pages', () => {
    expect(manifest.permissions).toEqual(['storage', 'activeTab', 'scripting', 'contextMenus']);
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest).not.toHaveProperty('host_permissions');
    expect(manifest).not.toHaveProperty('content_scripts');
    expect(manifest).not.toHaveProperty('web_accessible_resources');
  });

  it('forbids its own pages any network, remote script, plugin, base or form target', () => {
    const csp = (manifest.content_security_policy as { extension_pages: string }).extension_pages;
    const directives = Object.fromEntries(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'object-src': "'none'",
      // The PDF reader fetches the document the user opened, from its site or a local file.
      'connect-src': 'http: https: file:',
      // pdf.js's viewer draws its icons from data: and blob: images.
      'img-src': "'self' data: blob:",
      'base-uri': "'none'",
      'form-action': "'none'",
    });
    // No code that could reach the network but pdf.js's, which fetches the PDF the user opened
    // in the reader, and which only the reader's page loads (checked below).
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
      (f) => /\.m?js$/.test(f) && !PDF_JS.test(f.split(sep).join('/')),
    );
    expect(readdirSync(join(dir, 'assets')).filter((f) => PDF_JS.test(`assets/${f}`))).toHaveLength(
      2,
    );
    for (const file of files) {
      const code = readFileSync(join(dir, file), 'utf8');
      // A call of the global fetch, not a method of that name (MiniSearch's `fetch(key, init) {`).
      const network = /(?<![\w$.])fetch\((?![^)]*\)\s*\{)|XMLHttpRequest|sendBeacon|WebSocket\(/;
      const at = code.search(network);
      expect(at < 0 ? null : code.slice(Math.max(0, at - 60), at + 60), file).toBeNull();
      expect(code.includes('modulepreload'), file).toBe(false);
      // Nothing but the reader's page reaches pdf.js.
      if (!/(^|\/)pdf-reader-/.test(file)) {
        expect(code.match(NAMES_PDF_JS)?.[0] ?? null, file).toBeNull();
      }
    }
    const pages = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
      f.endsWith('.html'),
    );
    for (const page of pages) {
      const loadsPdfJs = /pdf-reader-|pdfjs-/.test(readFileSync(join(dir, page), 'utf8'));
      expect(loadsPdfJs, page).toBe(page === join('src', 'pdf-reader', 'index.html'));
    }
  });

  it('declares the shortcuts, each with a default the user can change in the browser', () => {
    const commands = manifest.commands as Record<string, { suggested_key?: { default?: string } }>;
    expect(
      Object.fromEntries(Object.entries(commands).map(([k, v]) => [k, v.suggested_key?.default])),
    ).toEqual({
      _execute_action: 'Alt+Shift+L',
      'highlight-page': 'Alt+Shift+G',
      'next-term': 'Alt+Shift+Period',
      'previous-term': 'Alt+Shift+Comma',
    });
  });

  it('ships its UI strings for the browser to translate, English by default', () => {
    expect(manifest.default_locale).toBe('en');
    expect(manifest.name).toBe('__MSG_extensionName__');
    const shipped = JSON.parse(readFileSync(join(dir, '_locales/en/messages.json'), 'utf8'));
    const source = JSON.parse(readFileSync(join(ROOT, '_locales/en/messages.json'), 'utf8'));
    expect(shipped).toEqual(source);
  });

  it('builds the content script and the tooltip UI as self-contained scripts to inject', () => {
    const scripts = ['src/content/index.js', 'src/tooltip/bundle.js'].map((file) =>
      readFileSync(join(dir, file), 'utf8'),
    );
    for (const code of scripts) {
      // No loader: nothing imported at run time, no chunk fetched from the extension.
      expect(code).not.toMatch(/\bimport\s*\(|^\s*import\s/m);
    }
    const [content, tooltip] = scripts as [string, string];
    // The budget: every page and frame the reader opens parses the content script again.
    expect(gzipSync(content).length).toBeLessThanOrEqual(34 * 1024);
    // Preact and floating-ui come with the tooltip, on the first hover, not with every page.
    expect(tooltip).toContain('__k');
    expect(content).not.toContain('__k');
    const assets = readdirSync(join(dir, 'assets')).map((f) =>
      readFileSync(join(dir, 'assets', f), 'utf8'),
    );
    expect(assets.some((s) => s.includes('src/content/index.js'))).toBe(true);
    expect(assets.some((s) => s.includes('src/tooltip/bundle.js'))).toBe(true);
  });

  it('resolves every script the extension loads', () => {
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' });
    const background = manifest.background as { service_worker?: string; scripts?: string[] };
    const entries = [background.service_worker, ...(background.scripts ?? [])].filter(Boolean);
    expect(entries.length).toBeGreaterThan(0);
    for (const file of files.filter((f) => f.endsWith('.js'))) {
      const code = readFileSync(join(dir, file), 'utf8');
      for (const [, target] of code.matchAll(/(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']/g)) {
        expect(
          existsSync(join(dir, dirname(file), target ?? '')),
          `${file} imports ${target}`,
        ).toBe(true);
      }
    }
    for (const page of [
      'src/popup/index.html',
      'src/options/index.html',
      'src/onboarding/index.html',
    ]) {
      expect(files).toContain(page);
    }
  });

  it('ships its icons at 16, 32, 48 and 128 px', () => {
    for (const [size, file] of Object.entries(manifest.icons ?? {})) {
      expect(existsSync(join(dir, file))).toBe(true);
      expect(pngSize(join(dir, file))).toEqual([Number(size), Number(size)]);
    }
    expect(Object.keys(manifest.icons ?? {})).toEqual(['16', '32', '48', '128']);
  });
});

describe('the built manifests', () => {
  const source = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as Manifest;
  const otherBrowsers = [
    'background',
    'browser_specific_settings',
    'minimum_chrome_version',
    'storage',
  ];

  it.each(['chrome', 'firefox'] as const)(
    '%s: manifest.json, as written, but for what differs',
    (b) => {
      const built = manifestOf(b);
      for (const [key, value] of Object.entries(source)) {
        if (!otherBrowsers.includes(key)) {
          expect(built[key], key).toEqual(value);
        }
      }
    },
  );

  it('chrome: a module service worker and the oldest Chrome it runs on, no Firefox keys', () => {
    const chrome = manifestOf('chrome');
    expect(chrome.background).toEqual({
      service_worker: 'service-worker-loader.js',
      type: 'module',
    });
    expect(chrome.minimum_chrome_version).toBe(source.minimum_chrome_version);
    expect(chrome).not.toHaveProperty('browser_specific_settings');
    // The schema an organisation's policy is checked against ships beside the manifest.
    expect(chrome.storage).toEqual({ managed_schema: 'managed-schema.json' });
    expect(
      JSON.parse(readFileSync(join(EXTENSION_DIRS.chrome, 'managed-schema.json'), 'utf8')),
    ).toEqual(JSON.parse(readFileSync(join(ROOT, 'glossary/managed-schema.json'), 'utf8')));
  });

  it('firefox: the background as scripts of an event page, no Chrome keys', () => {
    const firefox = manifestOf('firefox');
    expect(firefox.background).toEqual({ scripts: ['service-worker-loader.js'], type: 'module' });
    expect(firefox).not.toHaveProperty('minimum_chrome_version');
    // Firefox takes policies.json as it is, and warns about a key it does not know.
    expect(firefox).not.toHaveProperty('storage');
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
