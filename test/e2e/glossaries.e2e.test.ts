import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../support/shared';
import { type ExtensionBrowser, type PageDriver, tooltipOn, until } from './support/driver';
import { BROWSERS, grantedLaunchers } from './support/launch';
import { useSession } from './support/session';

/**
 * A team's own glossary, as a user brings it: a CSV picked in the options page, previewed with
 * its bad row named, imported, then highlighted on a page with the tooltip naming it; switched
 * off, its highlights leave the open page; a file that is no glossary changes nothing.
 */

type Api = typeof import('webextension-polyfill');

const CSV = readFileSync(join(ROOT, 'test/fixtures/glossaries/crm-team.csv'), 'utf8');
const CHURN = '[data-glossary-term="crm-team/churn"]';

/** Every glossary the user imported, gone: each test starts without any. */
async function forgetGlossaries(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.openExtensionPage('src/options/index.html');
  await page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    const all = await api.storage.local.get(null);
    await api.storage.local.remove(
      Object.keys(all).filter((k) => k === 'glossaries' || k.startsWith('glossary:')),
    );
  });
  await page.close();
}

/** What storage.local holds of the user's glossaries, as the extension's pages read it. */
const storedGlossaries = (page: PageDriver) =>
  page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    const all = await api.storage.local.get(null);
    return Object.fromEntries(
      Object.entries(all).filter(([k]) => k === 'glossaries' || k.startsWith('glossary:')),
    );
  });

/** Chooses a file in the options page's glossary picker, as the file dialog would. */
const pick = (options: PageDriver, name: string, content: string) =>
  options.evaluate(
    ([fileName, text]) => {
      const input = document.querySelector<HTMLInputElement>('.glossaries input[type="file"]');
      const files = new DataTransfer();
      files.items.add(new File([text], fileName));
      if (input) {
        input.files = files.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }
    },
    [name, content] as const,
  );

const textOf = (page: PageDriver, selector: string) =>
  page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);

describe.each(BROWSERS)('%s own glossaries', (name) => {
  const session = useSession(grantedLaunchers[name]);
  const opened: PageDriver[] = [];
  const open = async (url: string) => {
    const page = await session.browser.open(url);
    opened.push(page);
    return page;
  };
  const openOptions = async () => {
    const page = await session.browser.openExtensionPage('src/options/index.html');
    opened.push(page);
    await page.waitFor(() => document.querySelector('.glossaries input[type="file"]'));
    return page;
  };

  afterEach(async () => {
    for (const page of opened.splice(0)) {
      await page.close();
    }
    await forgetGlossaries(session.browser);
  });

  it('imports a CSV after a preview naming its bad row, and explains its terms on pages', async () => {
    const options = await openOptions();
    await pick(options, 'crm-team.csv', CSV);
    await options.waitFor(() => document.querySelector('.glossary-preview'));
    expect(await textOf(options, '.glossary-preview strong')).toBe(
      '“crm-team”: 3 of 4 terms can be imported.',
    );
    expect(await textOf(options, '.glossary-preview .problems')).toBe(
      'Row 5: the definition is empty',
    );
    // Nothing is stored before the user says so.
    expect(await storedGlossaries(options)).toEqual({});

    await options.click('.glossary-preview .import');
    await until(
      async () => (await textOf(options, '.glossaries .notice'))?.startsWith('Imported “crm-team”'),
      'the import to be confirmed',
    );
    expect(await textOf(options, '.glossary-list [data-glossary="crm-team"]')).toContain('3 terms');

    const page = await open(session.url('crm-page.html'));
    // The course's terms and the team's, side by side.
    await page.waitFor(() => document.querySelector('[data-glossary-term="dpia"]'));
    await page.waitFor(() => document.querySelector('[data-glossary-term="crm-team/churn"]'));
    expect(await textOf(page, CHURN)).toBe('churn rate');
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll('[data-glossary-term^="crm-team/"]')].map((m) =>
          m.getAttribute('data-glossary-term'),
        ),
      ),
    ).toEqual(['crm-team/churn', 'crm-team/net-promoter-score', 'crm-team/lead-scoring']);

    await page.click(CHURN);
    const tip = await tooltipOn(page, 'Churn');
    expect(tip.definition).toBe(
      'The share of customers who stop buying from us in a period, counted monthly.',
    );
    expect(tip.text).toContain('Source: your glossary “crm-team”');
    expect(tip.text).toContain('metrics');
    // Only the way out: the glossary page and the learning features know the course's terms.
    expect(tip.buttons.map((b) => b.text)).toEqual([]);
    await page.press('Escape');

    // Markup in a definition is shown as the characters it is.
    await page.click('[data-glossary-term="crm-team/lead-scoring"]');
    const lead = await tooltipOn(page, 'Lead scoring');
    expect(lead.definition).toBe(
      'Ranking prospects by how likely they are to buy; <b>never</b> by who they are.',
    );
    expect(page.errors()).toEqual([]);
  });

  it('takes a switched-off glossary off open pages, and deletes it', async () => {
    const options = await openOptions();
    await pick(options, 'crm-team.csv', CSV);
    await options.waitFor(() => document.querySelector('.glossary-preview .import'));
    await options.click('.glossary-preview .import');
    await options.waitFor(() => document.querySelector('.glossary-list [data-glossary]'));
    const page = await open(session.url('crm-page.html'));
    await page.waitFor(() => document.querySelector('[data-glossary-term="crm-team/churn"]'));

    await options.click('.glossary-list [data-glossary="crm-team"] input[type="checkbox"]');
    await page.waitFor(() => !document.querySelector('[data-glossary-term="crm-team/churn"]'));
    // The course's terms stay.
    expect(await page.evaluate(() => !!document.querySelector('[data-glossary-term="dpia"]'))).toBe(
      true,
    );
    expect(await textOf(page, '#churn')).toBe(
      'Our churn rate fell this quarter, while the Net Promoter Score (NPS) rose.',
    );

    await options.click('.glossary-list [data-glossary="crm-team"] button.delete');
    await options.waitFor(() => !document.querySelector('.glossary-list [data-glossary]'));
    expect(await storedGlossaries(options)).toEqual({ glossaries: [] });
  });

  it('refuses a file that is no glossary with a sentence, and keeps what is there', async () => {
    const options = await openOptions();
    await pick(options, 'crm-team.csv', CSV);
    await options.waitFor(() => document.querySelector('.glossary-preview .import'));
    await options.click('.glossary-preview .import');
    await options.waitFor(() => document.querySelector('.glossary-list [data-glossary]'));
    const before = await storedGlossaries(options);

    await pick(options, 'notes.json', '[{"word": "churn"}]');
    await options.waitFor(() => document.querySelector('.glossaries [role="alert"]'));
    expect(await textOf(options, '.glossaries [role="alert"]')).toMatch(
      /^Not imported: This JSON file is not a glossary/,
    );
    await pick(options, 'team.csv', 'name,meaning\nChurn,Leaving\n');
    await until(
      async () =>
        (await textOf(options, '.glossaries [role="alert"]'))?.includes(
          'must name "term" and "definition"',
        ),
      'the second refusal',
    );
    expect(await options.evaluate(() => document.querySelector('.glossary-preview'))).toBe(null);
    expect(await storedGlossaries(options)).toEqual(before);
  });
});
