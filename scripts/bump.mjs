// `npm run bump -- <patch | minor | major | 1.2.3>`: the next version, as `npm version` names the
// steps, refused when a store would refuse it; package.json and its lockfile take it (through
// npm version, without a commit or tag) and CHANGELOG.md's Unreleased entry becomes its entry.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nextVersion, releaseChangelog, storeVersionProblem } from './release/version.mjs';

const ROOT = join(import.meta.dirname, '..');
const how = process.argv[2];
if (!how) {
  console.error('Usage: npm run bump -- <patch | minor | major | a version such as 1.2.0>');
  process.exit(1);
}
const { version: current } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const next = nextVersion(current, how);
const problem = storeVersionProblem(next);
if (problem) {
  console.error(`npm run bump: ${problem}`);
  process.exit(1);
}
const changelogPath = join(ROOT, 'CHANGELOG.md');
let changelog;
try {
  const today = new Date().toISOString().slice(0, 10);
  changelog = releaseChangelog(readFileSync(changelogPath, 'utf8'), next, today);
} catch (error) {
  console.error(`npm run bump: ${error.message}`);
  process.exit(1);
}
execFileSync('npm', ['version', next, '--no-git-tag-version'], { cwd: ROOT, stdio: 'inherit' });
writeFileSync(changelogPath, changelog);
console.log(`${current} -> ${next}: package.json, package-lock.json and CHANGELOG.md updated`);
