// The rules a release's version and changelog must follow, kept apart from the scripts that use
// them (bump, package, the build) so that unit tests can try them.

/** Both stores take 1 to 4 dot-separated integers, each 0 to 65535, without leading zeros. */
const STORE_VERSION = /^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){0,3}$/;

/**
 * Why the stores would refuse `version` (Chrome's and Firefox's manifest rule), or null.
 * @param {string} version
 * @returns {string | null}
 */
export function storeVersionProblem(version) {
  if (!STORE_VERSION.test(version)) {
    return `"${version}" is not 1 to 4 numbers joined by dots (such as 1.2.0): the stores take no other version`;
  }
  const big = version.split('.').find((n) => Number(n) > 65535);
  return big ? `"${version}": ${big} is over 65535, the largest number a store takes` : null;
}

/**
 * The version after `current`, as `npm version` names the steps (major, minor, patch), or
 * `how` itself when it is a version.
 * @param {string} current
 * @param {string} how
 * @returns {string}
 */
export function nextVersion(current, how) {
  const [major = 0, minor = 0, patch = 0] = current.split('.').map(Number);
  switch (how) {
    case 'major':
      return `${major + 1}.0.0`;
    case 'minor':
      return `${major}.${minor + 1}.0`;
    case 'patch':
      return `${major}.${minor}.${patch + 1}`;
    default:
      return how;
  }
}

/** A version's heading in Keep a Changelog's style: `## [1.2.0] - 2026-12-07`. */
const heading = (/** @type {string} */ name) =>
  new RegExp(`^## \\[${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\][^\\n]*$`, 'm');

/**
 * The text under `name`'s heading in `changelog` (up to the next version), trimmed; null when
 * there is no such heading, '' when it has nothing under it.
 * @param {string} changelog
 * @param {string} name a version, or 'Unreleased'
 * @returns {string | null}
 */
export function changelogEntry(changelog, name) {
  const found = heading(name).exec(changelog);
  if (!found) {
    return null;
  }
  const rest = changelog.slice(found.index + found[0].length);
  const next = /^## \[/m.exec(rest);
  // Link references at the end of the file ([1.0.0]: https://…) belong to no entry.
  return rest
    .slice(0, next ? next.index : undefined)
    .replace(/^\[[^\]]+\]:.*$/gm, '')
    .trim();
}

/**
 * `changelog` with its Unreleased entry given to `version`, dated `date`, and a new empty
 * Unreleased heading above it. Throws when there is nothing unreleased to give.
 * @param {string} changelog
 * @param {string} version
 * @param {string} date YYYY-MM-DD
 * @returns {string}
 */
export function releaseChangelog(changelog, version, date) {
  if (changelogEntry(changelog, version) !== null) {
    throw new Error(`CHANGELOG.md already has an entry for ${version}`);
  }
  if (!changelogEntry(changelog, 'Unreleased')) {
    throw new Error(
      'CHANGELOG.md says nothing under "## [Unreleased]": write what changed there first',
    );
  }
  return changelog.replace(heading('Unreleased'), `## [Unreleased]\n\n## [${version}] - ${date}`);
}

/**
 * Why `npm run package` must not package `version`, or null.
 * @param {string} version
 * @param {string} changelog
 * @returns {string | null}
 */
export function releaseProblem(version, changelog) {
  const problem = storeVersionProblem(version);
  if (problem) {
    return problem;
  }
  if (!changelogEntry(changelog, version)) {
    return `CHANGELOG.md has no entry for ${version}: add "## [${version}] - date" with what changed (npm run bump does it from "Unreleased")`;
  }
  return null;
}

/** The file name of one of a release's packages: `ethical-ai-glossary-1.2.0-chrome.zip`. */
export const packageName = (
  /** @type {string} */ name,
  /** @type {string} */ version,
  /** @type {'chrome' | 'firefox' | 'source'} */ kind,
) => `${name}-${version}-${kind}.zip`;
