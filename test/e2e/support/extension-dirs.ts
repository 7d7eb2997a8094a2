import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../support/shared';

/** Where packages.setup.ts unpacks the release zips for the tests to load. */
export const PACKAGES_DIR = join(ROOT, 'test-results/packages');

const unpackedOr = (browser: 'chrome' | 'firefox') => {
  const unpacked = join(PACKAGES_DIR, browser);
  return existsSync(join(unpacked, 'manifest.json')) ? unpacked : join(ROOT, 'dist', browser);
};

/**
 * The extension each browser loads in the e2e tests: the store package as unpacked before the
 * run (the same files as dist/, checked), or dist/ where no package was made.
 */
export const EXTENSION_DIRS = { chrome: unpackedOr('chrome'), firefox: unpackedOr('firefox') };
