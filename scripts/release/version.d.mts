// Types of version.mjs, for the TypeScript that imports it (the build, the tests).
export function storeVersionProblem(version: string): string | null;
export function nextVersion(current: string, how: string): string;
export function changelogEntry(changelog: string, name: string): string | null;
export function releaseChangelog(changelog: string, version: string, date: string): string;
export function releaseProblem(version: string, changelog: string): string | null;
export function packageName(
  name: string,
  version: string,
  kind: 'chrome' | 'firefox' | 'source',
): string;
