import type { ManifestV3Export } from '@crxjs/vite-plugin';
import type source from '../manifest.json';
import { storeVersionProblem } from '../scripts/release/version.mjs';

export type TargetBrowser = 'chrome' | 'firefox';

/** The top-level manifest.json, as written: Chrome's background and both browsers' keys. */
export type SourceManifest = typeof source;

/**
 * The manifest one browser gets from manifest.json. The file is written for Chrome's background
 * (a service worker) and names each browser's own keys; this applies the few differences:
 * Firefox runs the background as an event page (`background.scripts`) and reads
 * `browser_specific_settings`, Chrome reads `minimum_chrome_version` and the schema of the
 * policy an organisation sets (`storage.managed_schema`; Firefox takes policies.json as it is),
 * and neither is given the other's key (both warn about keys they do not know). The version is
 * package.json's, the one place it is written; one the stores would refuse stops the build.
 */
export function manifestFor(
  manifest: SourceManifest,
  browser: TargetBrowser,
  version: string,
): ManifestV3Export {
  const problem = storeVersionProblem(version);
  if (problem) {
    throw new Error(`package.json's version: ${problem}`);
  }
  const { background, browser_specific_settings, minimum_chrome_version, storage, ...common } =
    manifest;
  const own =
    browser === 'firefox'
      ? {
          background: { scripts: [background.service_worker], type: background.type },
          browser_specific_settings,
        }
      : { background, minimum_chrome_version, storage };
  return { ...common, version, ...own } as ManifestV3Export;
}
