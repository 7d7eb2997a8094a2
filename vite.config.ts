import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { manifestFor, type TargetBrowser } from './build/manifest.ts';
import { selfContainedScripts } from './build/self-contained-scripts.ts';
import { stableScriptNames } from './build/stable-script-names.ts';
import { validateGlossary } from './build/validate-glossary.ts';
import managedSchema from './glossary/managed-schema.json' with { type: 'json' };
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

const INJECTED_SCRIPTS = ['src/content/index.ts', 'src/tooltip/bundle.ts'] as const;

// `vite build --mode firefox` builds dist/firefox; any other mode builds dist/chrome.
export default defineConfig(({ mode }) => {
  // Always the production build: a NODE_ENV left in the shell (vitest sets 'test') would
  // otherwise give other files, and a reviewer's rebuild would not match the store package.
  process.env.NODE_ENV = 'production';
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  const outDir = `dist/${browser}`;
  return {
    plugins: [
      validateGlossary(),
      preact({ devToolsEnabled: false, prefreshEnabled: false }),
      crx({
        manifest: manifestFor(manifest, browser, pkg.version),
        browser,
        // Self-contained scripts the scripting API injects: the content script, and the
        // tooltip's UI it asks for when a page's first tooltip is about to open.
        contentScripts: { standaloneFiles: [...INJECTED_SCRIPTS] },
      }),
      selfContainedScripts(INJECTED_SCRIPTS, outDir),
      stableScriptNames(INJECTED_SCRIPTS, import.meta.dirname),
      {
        // Chrome checks an organisation's policy against this schema (manifest storage.managed_schema).
        name: 'managed-schema',
        generateBundle() {
          if (browser === 'chrome') {
            this.emitFile({
              type: 'asset',
              fileName: 'managed-schema.json',
              source: JSON.stringify(managedSchema),
            });
          }
        },
      },
    ],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      // Vite's module-preload polyfill is the only fetch() in the bundle: every browser we ship
      // to preloads modules itself, and nothing but the PDF reader may connect anywhere.
      modulePreload: { polyfill: false },
      // Pages the manifest does not name: the first-run page the background opens, and the
      // glossary page "Look up in glossary" and the popup open, the review page, and the PDF
      // reader the popup opens on a PDF.
      rollupOptions: {
        // pdf.js in a chunk of its own: only the PDF reader loads it, and the add-on linter's
        // warnings about it (eval, innerHTML: pdf.js's own, guarded) are told from ours.
        output: {
          manualChunks: (id: string) => (id.includes('/node_modules/pdfjs-dist/') ? 'pdfjs' : null),
        },
        input: {
          onboarding: 'src/onboarding/index.html',
          glossary: 'src/glossary-page/index.html',
          review: 'src/review-page/index.html',
          'pdf-reader': 'src/pdf-reader/index.html',
        },
      },
      sourcemap: false,
    },
  };
});
