import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { differences, filesUnder, releaseZip, unzipTo } from '../../scripts/release/files.mjs';
import { ROOT } from '../support/shared';

/**
 * What addons.mozilla.org's reviewers do with the source package: unpack it into an empty
 * folder, follow its BUILD.md (`npm ci && npm run build`), and compare what they get with the
 * packages submitted, file for file. Also what the packages hold: exactly the build.
 */

const sourceZip = releaseZip(ROOT, 'source');

/** Runs a command in `cwd`: null when it succeeds, else what it printed. */
function attempt(
  command: string,
  args: string[],
  cwd: string,
): { stdout: string; stderr: string } | null {
  try {
    execFileSync(command, args, { cwd, stdio: 'pipe', encoding: 'utf8' });
    return null;
  } catch (error) {
    const { stdout = '', stderr = String(error) } = error as { stdout?: string; stderr?: string };
    return { stdout, stderr };
  }
}

/** Runs a command in `cwd`; a failure says what the command printed. */
function run(command: string, args: string[], cwd: string): void {
  const failed = attempt(command, args, cwd);
  if (failed) {
    throw new Error(
      `${command} ${args.join(' ')} failed:\n${`${failed.stdout}\n${failed.stderr}`.slice(-3000)}`,
    );
  }
}

let work: string;

beforeAll(() => {
  if (!existsSync(sourceZip)) {
    throw new Error(`No ${sourceZip}: run npm run package first`);
  }
  work = mkdtempSync(join(tmpdir(), 'eaig-release-'));
});
afterAll(() => {
  if (work) {
    rmSync(work, { recursive: true, force: true });
  }
});

describe.each(['chrome', 'firefox'] as const)('the %s package', (browser) => {
  it('holds exactly the build, manifest at its root, and nothing else', () => {
    const unpacked = join(work, `${browser}-package`);
    unzipTo(releaseZip(ROOT, browser), unpacked);
    const files = filesUnder(unpacked);
    expect(files).toContain('manifest.json');
    expect(files.filter((f) => /\.map$|\.DS_Store|\.test\.|(^|\/)\./.test(f))).toEqual([]);
    expect(differences(unpacked, join(ROOT, 'dist', browser))).toEqual([]);
  });
});

describe(`the source package, ${basename(sourceZip)}`, () => {
  let source: string;
  beforeAll(() => {
    source = join(work, 'source');
    unzipTo(sourceZip, source);
  });

  it('holds the sources, the lockfile and the build steps, and no build output', () => {
    const files = filesUnder(source);
    for (const needed of ['BUILD.md', 'package.json', 'package-lock.json', 'vite.config.ts']) {
      expect(files).toContain(needed);
    }
    expect(files.filter((f) => /^(dist|node_modules|release)\/|\.map$|\.DS_Store/.test(f))).toEqual(
      [],
    );
    const steps = readFileSync(join(source, 'BUILD.md'), 'utf8');
    expect(steps).toContain('npm ci\nnpm run build');
    expect(steps).toMatch(/Node\.js \d+\.\d+\.\d+/);
  });

  it('rebuilds, in an empty folder, to the very files of both packages', () => {
    // BUILD.md's two commands, in vitest's environment (NODE_ENV=test: the build must not
    // care). The npm cache the test run installed from saves the download.
    run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], source);
    run('npm', ['run', 'build'], source);
    for (const browser of ['chrome', 'firefox'] as const) {
      const unpacked = join(work, `${browser}-package`);
      unzipTo(releaseZip(ROOT, browser), unpacked);
      expect(differences(join(source, 'dist', browser), unpacked), browser).toEqual([]);
    }
  }, 600_000);

  it('bumps its version only to one the stores take, with a changelog entry', () => {
    const pkg = () => JSON.parse(readFileSync(join(source, 'package.json'), 'utf8'));
    const { version } = pkg();
    // What the script said on stderr when it refused; '' when it did as asked.
    const bump = (to: string) => attempt('node', ['scripts/bump.mjs', to], source)?.stderr ?? '';
    expect(bump('2.0.0-beta.1')).toMatch(/1 to 4 numbers/);
    expect(bump('1.70000')).toMatch(/over 65535/);
    // Nothing under Unreleased yet: nothing to release.
    const changelog = join(source, 'CHANGELOG.md');
    writeFileSync(
      changelog,
      `# Changelog\n\n## [Unreleased]\n\n## [${version}] - 2026-01-01\n\n- Before.\n`,
    );
    expect(bump('minor')).toMatch(/nothing under "## \[Unreleased\]"/);
    expect(pkg().version).toBe(version);

    writeFileSync(
      changelog,
      readFileSync(changelog, 'utf8').replace(
        '## [Unreleased]\n',
        '## [Unreleased]\n\n- A change.\n',
      ),
    );
    expect(bump('minor')).toBe('');
    const next = pkg().version;
    expect(next).not.toBe(version);
    expect(next).toMatch(/^\d+\.\d+\.0$/);
    const lock = JSON.parse(readFileSync(join(source, 'package-lock.json'), 'utf8'));
    expect(lock.version).toBe(next);
    expect(readFileSync(changelog, 'utf8')).toMatch(
      new RegExp(
        `## \\[${next.replaceAll('.', '\\.')}\\] - \\d{4}-\\d\\d-\\d\\d\\n\\n- A change\\.`,
      ),
    );

    // A version the changelog does not describe is not packaged.
    writeFileSync(changelog, '# Changelog\n\n## [Unreleased]\n');
    expect(attempt('node', ['scripts/package.mjs', '--no-build'], source)?.stderr).toMatch(
      `CHANGELOG.md has no entry for ${next}`,
    );
    expect(existsSync(join(source, 'release'))).toBe(false);
  });
});
