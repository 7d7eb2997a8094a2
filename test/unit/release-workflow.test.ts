import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageName } from '../../scripts/release/version.mjs';
import { ROOT } from '../support/shared';

const workflow = readFileSync(join(ROOT, '.github/workflows/release.yml'), 'utf8');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const { name } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('the release workflow', () => {
  it('tests as CI does, then packages', () => {
    expect(existsSync(join(ROOT, '.ci/run'))).toBe(true);
    expect(workflow.indexOf('bash .ci/run')).toBeGreaterThan(-1);
    expect(workflow.indexOf('npm run package')).toBeGreaterThan(workflow.indexOf('bash .ci/run'));
  });

  it('submits the very zips npm run package names', () => {
    // The workflow's shell fills in the version: ${VERSION}, as written there.
    const version = ['$', '{VERSION}'].join('');
    const named = (kind: 'chrome' | 'source') => `release/${packageName(name, version, kind)}`;
    expect(workflow).toContain(`--upload-source-code ${named('source')}`);
    expect(workflow).toContain(`--source ${named('chrome')}`);
    expect(workflow).toContain('--channel listed');
  });

  it('uses only secrets the README names', () => {
    const secrets = [...workflow.matchAll(/secrets\.([A-Z_]+)/g)].map((m) => m[1] as string);
    expect(secrets.length).toBeGreaterThanOrEqual(7);
    for (const secret of secrets) {
      expect(readme, secret).toContain(`\`${secret}\``);
    }
  });
});
