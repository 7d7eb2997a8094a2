import { readFileSync } from 'node:fs';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { manifestFor, type TargetBrowser } from './manifest.config.ts';
import { parseGlossary } from './src/glossary/schema.ts';

/** Stops the build when glossary/glossary.json breaks its schema, naming the term and field. */
function validateGlossary(): Plugin {
  return {
    name: 'eaig:validate-glossary',
    buildStart() {
      const file = 'glossary/glossary.json';
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

// `vite build --mode firefox` builds dist/firefox; any other mode builds dist/chrome.
export default defineConfig(({ mode }) => {
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    plugins: [
      validateGlossary(),
      preact({ devToolsEnabled: false, prefreshEnabled: false }),
      crx({
        manifest: manifestFor(browser),
        browser,
        // One self-contained content script: no loader, so no web_accessible_resources.
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }),
    ],
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
    },
  };
});
