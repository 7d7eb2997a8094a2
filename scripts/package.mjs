// `npm run package`: builds both browsers and writes what the stores take to release/: each
// browser's build as a zip (exactly its dist/ folder, manifest at the root), and the source
// from which a reviewer's `npm ci && npm run build` makes the same builds byte for byte.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { filesUnder } from './release/files.mjs';
import { packageName, releaseProblem } from './release/version.mjs';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'release');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/**
 * What a reviewer needs to rebuild the extension (no tests, fixtures or benchmarks), with the
 * changelog, the README and the release scripts, to bump and package from the source package.
 */
const SOURCE_FILES = [
  '_locales/',
  'build/',
  'glossary/',
  'icons/',
  'src/',
  // The release scripts too: a maintainer can bump and package from the source package.
  'scripts/release/',
  'scripts/bump.mjs',
  'scripts/package.mjs',
  '.gitignore',
  'CHANGELOG.md',
  'README.md',
  'manifest.json',
  'package-lock.json',
  'package.json',
  'tsconfig.json',
  'vite.config.ts',
];

/** Files no package may hold: left behind by an editor, an OS or a debugging build. */
const STRAY = /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini|\.git)(\/|$)|\.map$|~$/;

// One fixed time for every entry (the zip format's earliest): the same files make the same zip.
// fflate writes local time's fields, and a local date gives the same fields in every zone.
const MTIME = new Date(1980, 0, 1);

/** A zip of `files` (path in the zip -> absolute path), in a fixed order and time. */
function writeZip(name, files) {
  const stray = Object.keys(files).filter((f) => STRAY.test(f));
  if (stray.length) {
    throw new Error(`${name} would hold files no package should: ${stray.join(', ')}`);
  }
  const entries = Object.fromEntries(
    Object.entries(files)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([inZip, path]) => [inZip, [readFileSync(path), { mtime: MTIME, level: 9 }]]),
  );
  const path = join(OUT, name);
  writeFileSync(path, zipSync(entries));
  console.log(`  ${relative(ROOT, path)}  ${Object.keys(files).length} files`);
}

/**
 * The source files the build needs, in the folders and files above: those of the working tree
 * that git does not ignore, committed or not (the build reads them all).
 */
function sourceFiles() {
  const listed = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  return [...new Set(listed.split('\0'))].filter(
    (f) =>
      f &&
      existsSync(join(ROOT, f)) &&
      SOURCE_FILES.some((s) => (s.endsWith('/') ? f.startsWith(s) : f === s)),
  );
}

const BUILD_MD = (version) => `# Building Ethical AI Glossary ${version} from this source

For reviewers: these commands rebuild, byte for byte, the two packages submitted to the stores.

- Node.js ${process.versions.node} was used (any Node.js 20.19 or later builds the same files),
  with npm ${execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim()}, on Linux.
- Nothing is downloaded during the build; \`npm ci\` installs the exact versions in
  \`package-lock.json\` from the npm registry.

\`\`\`sh
npm ci
npm run build
\`\`\`

\`dist/chrome/\` is the Chrome Web Store package and \`dist/firefox/\` the addons.mozilla.org
package (\`ethical-ai-glossary-${version}-chrome.zip\` and \`-firefox.zip\` hold exactly these
folders). The code is bundled and minified by Vite (Rolldown and Oxc), not obfuscated;
\`src/\` is the TypeScript it is built from, and \`README.md\` says what each part does.
`;

const problem = releaseProblem(pkg.version, readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8'));
if (problem) {
  console.error(`npm run package: ${problem}`);
  process.exit(1);
}

if (!process.argv.includes('--no-build')) {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
}
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
console.log(`Ethical AI Glossary ${pkg.version}:`);
for (const browser of ['chrome', 'firefox']) {
  const dist = join(ROOT, 'dist', browser);
  writeZip(
    packageName(pkg.name, pkg.version, browser),
    Object.fromEntries(filesUnder(dist).map((f) => [f, join(dist, f)])),
  );
}
const buildMd = join(OUT, 'BUILD.md');
writeFileSync(buildMd, BUILD_MD(pkg.version));
writeZip(packageName(pkg.name, pkg.version, 'source'), {
  ...Object.fromEntries(sourceFiles().map((f) => [f, join(ROOT, f)])),
  'BUILD.md': buildMd,
});
rmSync(buildMd);
