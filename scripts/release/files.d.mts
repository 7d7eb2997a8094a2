// Types of files.mjs, for the TypeScript that imports it (the tests).
export function filesUnder(dir: string): string[];
export function unzipTo(zipPath: string, dir: string): void;
export function differences(actual: string, expected: string): string[];
export function releaseZip(root: string, kind: 'chrome' | 'firefox' | 'source'): string;
