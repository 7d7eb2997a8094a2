import { describe, expect, it } from 'vitest';
import {
  changelogEntry,
  nextVersion,
  releaseChangelog,
  releaseProblem,
  storeVersionProblem,
} from '../../scripts/release/version.mjs';

const CHANGELOG = `# Changelog

## [Unreleased]

### Added
- Own glossaries.

## [0.1.0] - 2026-11-30

### Added
- The course's 30 terms.

[0.1.0]: https://example.org/releases/0.1.0
`;

describe('a release version', () => {
  it('is what both stores take: 1 to 4 numbers, each 0 to 65535', () => {
    for (const ok of ['1', '0.1', '1.2.3', '1.2.3.4', '65535.0.0', '0.0.0.0']) {
      expect(storeVersionProblem(ok), ok).toBeNull();
    }
    expect(storeVersionProblem('1.2.3-beta.1')).toMatch(/1 to 4 numbers/);
    expect(storeVersionProblem('1.2.3.4.5')).toMatch(/1 to 4 numbers/);
    expect(storeVersionProblem('01.2')).toMatch(/1 to 4 numbers/);
    expect(storeVersionProblem('1.65536')).toMatch(/65536 is over 65535/);
    expect(storeVersionProblem('')).toMatch(/1 to 4 numbers/);
  });

  it('steps as npm version does, or takes the version it is given', () => {
    expect(nextVersion('0.1.9', 'patch')).toBe('0.1.10');
    expect(nextVersion('0.1.9', 'minor')).toBe('0.2.0');
    expect(nextVersion('0.1.9', 'major')).toBe('1.0.0');
    expect(nextVersion('0.1.9', '0.3.0.1')).toBe('0.3.0.1');
  });
});

describe('the changelog', () => {
  it("reads one version's entry, without the link references below the last", () => {
    expect(changelogEntry(CHANGELOG, '0.1.0')).toBe("### Added\n- The course's 30 terms.");
    expect(changelogEntry(CHANGELOG, 'Unreleased')).toBe('### Added\n- Own glossaries.');
    expect(changelogEntry(CHANGELOG, '0.1')).toBeNull();
  });

  it('gives the unreleased entry to the new version, under a fresh Unreleased heading', () => {
    const released = releaseChangelog(CHANGELOG, '0.2.0', '2026-12-07');
    expect(changelogEntry(released, '0.2.0')).toBe('### Added\n- Own glossaries.');
    expect(changelogEntry(released, 'Unreleased')).toBe('');
    expect(released).toContain('## [0.2.0] - 2026-12-07');
    expect(changelogEntry(released, '0.1.0')).toBe(changelogEntry(CHANGELOG, '0.1.0'));
  });

  it('refuses a release with nothing unreleased, or one already written', () => {
    const released = releaseChangelog(CHANGELOG, '0.2.0', '2026-12-07');
    expect(() => releaseChangelog(released, '0.3.0', '2026-12-08')).toThrow(/nothing under/);
    expect(() => releaseChangelog(CHANGELOG, '0.1.0', '2026-12-08')).toThrow(/already/);
  });

  it('must have an entry for the version packaged', () => {
    expect(releaseProblem('0.1.0', CHANGELOG)).toBeNull();
    expect(releaseProblem('0.2.0', CHANGELOG)).toMatch(/no entry for 0.2.0/);
    expect(releaseProblem('0.2.0-rc', CHANGELOG)).toMatch(/1 to 4 numbers/);
  });
});
