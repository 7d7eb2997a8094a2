import type { ManifestV3Export } from '@crxjs/vite-plugin';
import type source from '../manifest.json';

export type TargetBrowser = 'chrome' | 'firefox';

/** The top-level manifest.json, as written: Chrome's background and both browsers' keys. */
export type SourceManifest = typeof source;

/**
 * The manifest one browser gets from manifest.json. The file is written for Chrome's background
 * (a service worker) and names each browser's own keys; this applies the few differences:
 * Firefox runs the background as an event page (`background.scripts`) and reads
 * `browser_specific_settings`, Chrome reads `minimum_chrome_version` and the schema of the
 * policy an organisation sets (`storage.managed_schema`; Firefox takes policies.json as it is),
 * and neither is given the other's key (both warn about keys they do not know).
 */
export function manifestFor(manifest: SourceManifest, browser: TargetBrowser): ManifestV3Export {
  const { background, browser_specific_settings, minimum_chrome_version, storage, ...common } =
    manifest;
  const own =
    browser === 'firefox'
      ? {
          background: { scripts: [background.service_worker], type: background.type },
          browser_specific_settings,
        }
      : { background, minimum_chrome_version, storage };
  return { ...common, ...own } as ManifestV3Export;
}
