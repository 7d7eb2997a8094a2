import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { manifestFor, type TargetBrowser } from './build/manifest.ts';
import { selfContainedContentScript } from './build/self-contained-content-script.ts';
import { validateGlossary } from './build/validate-glossary.ts';
import manifest from './manifest.json' with { type: 'json' };

// `vite build --mode firefox` builds dist/firefox; any other mode builds dist/chrome.
export default defineConfig(({ mode }) => {
  const browser: TargetBrowser = mode === 'firefox' ? 'firefox' : 'chrome';
  const outDir = `dist/${browser}`;
  return {
    plugins: [
      validateGlossary(),
      preact({ devToolsEnabled: false, prefreshEnabled: false }),
      crx({
        manifest: manifestFor(manifest, browser),
        browser,
        // One self-contained content script, injected at run time by the scripting API.
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }),
      selfContainedContentScript('src/content/index.ts', outDir),
    ],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      // Pages the manifest does not name: the first-run page the background opens.
      rollupOptions: { input: { onboarding: 'src/onboarding/index.html' } },
      sourcemap: false,
    },
  };
});
