import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchChromium, unpackedExtensionId } from './support/chromium';
import { grantAllSitesFromOnboarding, type PageDriver, tooltipOn, until } from './support/driver';
import { EXTENSION_DIRS } from './support/extension-dirs';
import { FIREFOX_PATH, GECKO_ID, launchFirefox } from './support/firefox';
import { useSession } from './support/session';

/**
 * A glossary a company installs for everyone, as an administrator sets it: Chromium's managed
 * policy folder (`3rdparty` > `extensions` > the extension's id) and Firefox's policies.json
 * (`3rdparty` > `Extensions` > its id), the same worked example as the README's. The policy is
 * written before the browser starts and removed after this file (e2e files run one at a time,
 * so no other test sees it). Where the folder cannot be written (not root) or already holds a
 * policy of someone else's, the test is skipped and says why.
 */

const GLOSSARIES = {
  glossaries: [
    {
      name: 'Acme compliance',
      terms: [
        {
          term: 'Churn',
          definition: 'Acme counts a customer as churned after 90 days without an order.',
          forms: ['churn rate'],
        },
        { term: 'DPIA', definition: 'At Acme the data protection officer signs every DPIA.' },
        { term: 'Broken', definition: '' },
      ],
    },
  ],
};

/** Whether `path` could be written: the closest folder that exists is writable. */
function writable(path: string): boolean {
  let folder = path;
  while (!existsSync(folder)) {
    folder = dirname(folder);
  }
  try {
    accessSync(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Why a policy cannot be placed at `file` for this run, or null when it can. */
function whyNot(file: string): string | null {
  if (existsSync(file)) {
    return `${file} already exists (a policy not written by this test): left alone`;
  }
  return writable(file) ? null : `cannot write ${file}: run as root to test managed glossaries`;
}

/** Policy files and folders this run made, to take away again. */
const placed: string[] = [];
function place(file: string, content: unknown): void {
  let top = dirname(file);
  while (!existsSync(dirname(top))) {
    top = dirname(top);
  }
  if (!existsSync(top)) {
    placed.push(top);
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(content, null, 2));
  placed.push(file);
}
function removePlaced(): void {
  for (const path of placed.splice(0).reverse()) {
    rmSync(path, { recursive: true, force: true });
  }
}
// A run stopped half-way must not leave a policy for the next browser started here.
process.once('exit', removePlaced);

const CHROMIUM_POLICY = '/etc/chromium/policies/managed/ethical-ai-glossary-e2e.json';
/** Firefox reads policies.json from the distribution folder beside its binary. */
const FIREFOX_POLICY = existsSync(FIREFOX_PATH)
  ? join(dirname(realpathSync(FIREFOX_PATH)), 'distribution/policies.json')
  : 'no Firefox';

const CASES = {
  chromium: {
    file: CHROMIUM_POLICY,
    launch: () =>
      launchChromium(EXTENSION_DIRS.chrome, {
        grantedSites: ['http://127.0.0.1/*'],
        // The policy names the extension by its id, which comes from the folder it loads from.
        beforeLaunch: (dir) =>
          place(CHROMIUM_POLICY, {
            '3rdparty': { extensions: { [unpackedExtensionId(dir)]: GLOSSARIES } },
          }),
      }),
  },
  firefox: {
    file: FIREFOX_POLICY,
    async launch() {
      place(FIREFOX_POLICY, {
        policies: { '3rdparty': { Extensions: { [GECKO_ID]: GLOSSARIES } } },
      });
      const browser = await launchFirefox(EXTENSION_DIRS.firefox);
      await grantAllSitesFromOnboarding(browser);
      return browser;
    },
  },
};

const ENTRY = '.glossary-list [data-glossary="org-acme-compliance"]';
const textOf = (page: PageDriver, selector: string) =>
  page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);

describe.each(['chromium', 'firefox'] as const)('%s managed glossaries', (name) => {
  const reason = whyNot(CASES[name].file);
  if (reason) {
    console.warn(`Skipped: managed glossaries in ${name}: ${reason}`);
  }
  describe.skipIf(reason !== null)(reason ? `skipped: ${reason}` : 'set by policy', () => {
    const session = useSession(CASES[name].launch);
    const opened: PageDriver[] = [];
    afterAll(async () => {
      for (const page of opened.splice(0)) {
        await page.close();
      }
      removePlaced();
    });
    it("shows the organisation's glossary as such, which the user cannot remove, and highlights it", async () => {
      const options = await session.browser.openExtensionPage('src/options/index.html');
      opened.push(options);
      await until(
        () => textOf(options, ENTRY),
        'the glossary the policy installs, in the options page',
      );
      const entry = await textOf(options, ENTRY);
      expect(entry).toContain('Acme compliance');
      // The term with no definition is left out alone.
      expect(entry).toContain('2 terms installed by your organisation');
      const buttons = await options.evaluate(
        (s) =>
          [...document.querySelectorAll(`${s} button, ${s} input[type="file"]`)].map(
            (b) => b.className || b.getAttribute('type'),
          ),
        ENTRY,
      );
      expect(buttons).toEqual(['export-json', 'export-csv']);

      const page = await session.browser.open(session.url('crm-page.html'));
      opened.push(page);
      await page.waitFor(() =>
        document.querySelector('[data-glossary-term="org-acme-compliance/churn"]'),
      );
      await page.click('[data-glossary-term="org-acme-compliance/churn"]');
      const churn = await tooltipOn(page, 'Churn');
      expect(churn.definition).toBe(
        'Acme counts a customer as churned after 90 days without an order.',
      );
      expect(churn.text).toContain('Source: your organisation’s glossary “Acme compliance”');
      await page.press('Escape');
      await page.click('[data-glossary-term="dpia"]');
      const dpia = await tooltipOn(page, 'Data Protection Impact Assessment (DPIA)');
      expect(dpia.text).toContain(
        'In your organisation’s glossary “Acme compliance”:At Acme the data protection officer signs every DPIA.',
      );

      // Deleting the reader's data leaves the organisation's glossary: its policy still holds.
      await options.evaluate(() =>
        [...document.querySelectorAll('button')]
          .find((b) => b.textContent === 'Delete my data')
          ?.click(),
      );
      await options.waitFor(() =>
        document.querySelector('.privacy .notice')?.textContent?.startsWith('Deleted.'),
      );
      await until(async () => {
        const stored = await options.evaluate(() =>
          (
            globalThis as unknown as { chrome: typeof import('webextension-polyfill') }
          ).chrome.storage.local.get(null),
        );
        return Object.keys(stored).some((key) => key.includes('org-acme-compliance'));
      }, "the organisation's glossary stored again after the reader's data was deleted");
      await until(
        async () => (await textOf(options, ENTRY))?.includes('Acme compliance'),
        "the organisation's glossary listed again",
      );
      expect([...options.errors(), ...page.errors()]).toEqual([]);
    });
  });
});
