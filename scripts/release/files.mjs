// Reading release packages back: what the lint, the e2e tests and the release tests check.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { unzipSync } from 'fflate';
import { packageName } from './version.mjs';

/**
 * Every file under `dir`, as paths relative to it with `/`, sorted.
 * @param {string} dir
 * @returns {string[]}
 */
export function filesUnder(dir) {
  /** @type {string[]} */
  const found = [];
  /** @param {string} at */
  const walk = (at) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) {
        walk(path);
      } else {
        found.push(relative(dir, path).split(sep).join('/'));
      }
    }
  };
  walk(dir);
  return found.sort();
}

/**
 * Unpacks the zip at `zipPath` into `dir`, emptied first.
 * @param {string} zipPath
 * @param {string} dir
 */
export function unzipTo(zipPath, dir) {
  rmSync(dir, { recursive: true, force: true });
  for (const [name, data] of Object.entries(unzipSync(readFileSync(zipPath)))) {
    if (name.endsWith('/')) {
      continue;
    }
    const path = join(dir, name);
    if (relative(dir, path).startsWith('..')) {
      throw new Error(`${zipPath} names a file outside its folder: ${name}`);
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, data);
  }
}

/**
 * How the files under `actual` differ from those under `expected`, one line each (missing,
 * extra, or different bytes); empty when they are the same files, byte for byte.
 * @param {string} actual
 * @param {string} expected
 * @returns {string[]}
 */
export function differences(actual, expected) {
  const have = filesUnder(actual);
  const want = filesUnder(expected);
  return [
    ...want.filter((f) => !have.includes(f)).map((f) => `missing: ${f}`),
    ...have.filter((f) => !want.includes(f)).map((f) => `extra: ${f}`),
    ...want
      .filter((f) => have.includes(f))
      .filter((f) => !readFileSync(join(actual, f)).equals(readFileSync(join(expected, f))))
      .map((f) => `different: ${f}`),
  ];
}

/**
 * Where `npm run package` writes the `kind` package of the version package.json names.
 * @param {string} root the project's folder
 * @param {'chrome' | 'firefox' | 'source'} kind
 * @returns {string}
 */
export function releaseZip(root, kind) {
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return join(root, 'release', packageName(name, version, kind));
}
