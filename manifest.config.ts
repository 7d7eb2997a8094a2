import type { ManifestV3Export } from '@crxjs/vite-plugin';
import pkg from './package.json' with { type: 'json' };

export type TargetBrowser = 'chrome' | 'firefox';

/** The Firefox add-on id: stable, because storage and the pinned UUID in tests key on it. */
export const GECKO_ID = 'ethical-ai-glossary@example.org';

/** One manifest source for both browsers; only what differs between them branches here. */
export function manifestFor(browser: TargetBrowser): ManifestV3Export {
  const icons = {
    16: 'icons/icon-16.png',
    32: 'icons/icon-32.png',
    48: 'icons/icon-48.png',
    128: 'icons/icon-128.png',
  };
  return {
    manifest_version: 3,
    name: 'Ethical AI Glossary',
    version: pkg.version,
    description: pkg.description,
    icons,
    action: {
      default_title: 'Ethical AI Glossary',
      default_popup: 'src/popup/index.html',
      default_icon: icons,
    },
    // Only what shipped features use: settings live in storage.
    permissions: ['storage'],
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*'],
        js: ['src/content/index.ts'],
        css: ['src/content/highlight.css'],
        run_at: 'document_idle',
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '120' }),
  } as ManifestV3Export;
}
