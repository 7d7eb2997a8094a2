import { existsSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { differences, releaseZip, unzipTo } from '../../../scripts/release/files.mjs';
import { ROOT } from '../../support/shared';
import { PACKAGES_DIR } from './extension-dirs';

/**
 * Before the e2e tests: the zips `npm run package` made for the stores are unpacked, checked to
 * be the build in dist/ file for file, and are what the tests load (extension-dirs.ts). Where
 * there are none (only `npm run build` was run), the tests load dist/ and say so.
 */
export default function unpackReleases(): void {
  for (const browser of ['chrome', 'firefox'] as const) {
    const zip = releaseZip(ROOT, browser);
    const dir = join(PACKAGES_DIR, browser);
    if (!existsSync(zip)) {
      rmSync(dir, { recursive: true, force: true });
      console.log(
        `e2e: testing dist/${browser}: there is no release/${basename(zip)} (npm run package makes it)`,
      );
      continue;
    }
    unzipTo(zip, dir);
    const changed = differences(dir, join(ROOT, 'dist', browser));
    if (changed.length) {
      throw new Error(
        `release/${basename(zip)} is not the build in dist/${browser} (${changed.slice(0, 5).join('; ')}): run npm run package`,
      );
    }
    console.log(`e2e: testing release/${basename(zip)}, unpacked`);
  }
}
