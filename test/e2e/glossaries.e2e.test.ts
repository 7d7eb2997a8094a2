import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { glossary } from '../../src/glossary/data';
import { ROOT } from '../support/shared';
import {
  catchDownloads,
  clickTooltipButton,
  type ExtensionBrowser,
  openPopupFor,
  type PageDriver,
  savedFiles,
  tooltipOn,
  until,
} from './support/driver';
import { BROWSERS, grantedLaunchers } from './support/launch';
import { useSession } from './support/session';

/**
 * A team's own glossary, as a user brings it: a CSV picked in the options page, previewed with
 * its bad row named, imported, then highlighted on a page with the tooltip naming it; switched
 * off, its highlights leave the open page; a file that is no glossary changes nothing.
 */

type Api = typeof import('webextension-polyfill');

const CSV = readFileSync(join(ROOT, 'test/fixtures/glossaries/crm-team.csv'), 'utf8');
const LEGAL = readFileSync(join(ROOT, 'test/fixtures/glossaries/legal.json'), 'utf8');
const TBX = readFileSync(join(ROOT, 'test/fixtures/glossaries/crm-terms.tbx'), 'utf8');
const CHURN = '[data-glossary-term="crm-team/churn"]';
/**
 * A glossary no one here wrote: NetBSD's list of computing acronyms, tab-separated, without a
 * header row, as Debian's bsdgames package installs it (.ci/run installs it).
 */
const ACRONYMS = '/usr/share/games/bsdgames/acronyms.comp';
const hasAcronyms = existsSync(ACRONYMS);
if (!hasAcronyms) {
  console.warn(
    `Skipped: the import of a glossary no one here wrote: ${ACRONYMS} is missing (apt-get install bsdgames).`,
  );
}

/** Every glossary the user imported and all progress, gone: each test starts without any. */
async function forgetGlossaries(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.openExtensionPage('src/options/index.html');
  await page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    const all = await api.storage.local.get(null);
    await api.storage.local.remove(
      Object.keys(all).filter(
        (k) => ['glossaries', 'met', 'metWhere', 'review'].includes(k) || k.startsWith('glossary:'),
      ),
    );
    const sync = await api.storage.sync.get(null);
    await api.storage.sync.remove(
      Object.keys(sync).filter((k) => k.startsWith('known.') || k === 'courseTerms'),
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
const pick = (
  options: PageDriver,
  name: string,
  content: string,
  picker = '.glossaries .import-new input[type="file"]',
) =>
  options.evaluate(
    ([fileName, text, selector]) => {
      const input = document.querySelector<HTMLInputElement>(selector);
      const files = new DataTransfer();
      files.items.add(new File([text], fileName));
      if (input) {
        input.files = files.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      }
    },
    [name, content, picker] as const,
  );

/** Drops a file on the options page's glossaries, as dragging it from the desktop would. */
const drop = (options: PageDriver, name: string, content: string) =>
  options.evaluate(
    ([fileName, text]) => {
      const files = new DataTransfer();
      files.items.add(new File([text], fileName));
      const target = document.querySelector('.glossaries');
      target?.dispatchEvent(new DragEvent('dragover', { dataTransfer: files, bubbles: true }));
      target?.dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true }));
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

  /** Imports a file through the options page, as the user would, and waits until it is listed. */
  const importFile = async (options: PageDriver, file: string, content: string, id: string) => {
    await pick(options, file, content);
    await options.waitFor(() => document.querySelector('.glossary-preview .import'));
    await options.click('.glossary-preview .import');
    await until(
      () => textOf(options, `.glossary-list [data-glossary="${id}"]`),
      `${file} to be listed`,
    );
  };

  afterEach(async () => {
    for (const page of opened.splice(0)) {
      await page.close();
    }
    await forgetGlossaries(session.browser);
  });

  it('imports a CSV after a preview naming its bad row, and explains its terms on pages', async () => {
    const options = await openOptions();
    // What the page's workers answer: the file is read off the page's thread.
    await options.evaluate(() => {
      const answers: string[] = [];
      (window as unknown as { workerAnswers: string[] }).workerAnswers = answers;
      const Real = window.Worker;
      window.Worker = class extends Real {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          this.addEventListener('message', (e) => answers.push(Object.keys(e.data).join()));
        }
      };
    });
    await pick(options, 'crm-team.csv', CSV);
    await options.waitFor(() => document.querySelector('.glossary-preview'));
    expect(
      await options.evaluate(
        () => (window as unknown as { workerAnswers: string[] }).workerAnswers,
      ),
    ).toEqual(['preview']);
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
    // The glossary page lists the course's terms: no look-up there, but it can be known.
    expect(tip.buttons.map((b) => b.text)).toEqual(['I know this']);
    await page.press('Escape');

    // Markup in a definition is shown as the characters it is.
    await page.click('[data-glossary-term="crm-team/lead-scoring"]');
    const lead = await tooltipOn(page, 'Lead scoring');
    expect(lead.definition).toBe(
      'Ranking prospects by how likely they are to buy; <b>never</b> by who they are.',
    );

    // Read in a tooltip, an imported term is met: the review asks for it as for the course's.
    const review = await session.browser.openExtensionPage('src/review-page/index.html');
    opened.push(review);
    await review.waitFor(() => document.querySelector('main[aria-busy="false"] .review-card'));
    const card = await review.evaluate(() => ({
      definition: document.querySelector('.definition')?.textContent,
      choices: [...document.querySelectorAll('.choices button')].map((b) =>
        b.textContent?.replace(/^\d\s*/, ''),
      ),
    }));
    const read = { Churn: tip.definition, 'Lead scoring': lead.definition };
    const right = card.definition === read.Churn ? 'Churn' : 'Lead scoring';
    expect(card.definition).toBe(read[right]);
    expect(card.choices).toHaveLength(4);
    await review.click(`.choices li:nth-child(${card.choices.indexOf(right) + 1}) button`);
    await until(
      async () => (await textOf(review, '.outcome')) === `Right: ${right}.`,
      'the right answer',
    );
    expect([...page.errors(), ...review.errors()]).toEqual([]);
  });

  it('shows a term two glossaries define with both, and the popup finds and lists imported terms', async () => {
    const options = await openOptions();
    await importFile(options, 'crm-team.csv', CSV, 'crm-team');
    await importFile(options, 'legal.json', LEGAL, 'legal-team');
    const page = await open(session.url('crm-page.html'));
    await page.waitFor(() => document.querySelector('[data-glossary-term="crm-team/churn"]'));

    // The legal team's DPIA is the course's: highlighted as that term, both definitions shown.
    await page.click('[data-glossary-term="dpia"]');
    const tip = await tooltipOn(page, 'Data Protection Impact Assessment (DPIA)');
    const course = glossary.terms.find((t) => t.id === 'dpia')?.definition ?? '';
    const legal = 'Legal signs off every DPIA before a model that scores customers goes live.';
    expect(tip.definition).toBe(course);
    expect(tip.text).toContain(`In your glossary “Legal team”:${legal}`);
    expect(tip.text.indexOf(course)).toBeLessThan(tip.text.indexOf(legal));
    await page.press('Escape');

    const popup = await openPopupFor(session.browser, page);
    opened.push(popup);
    await popup.waitFor(() => document.querySelector('.on-page button'));
    expect(
      await popup.evaluate(() =>
        [...document.querySelectorAll('.on-page button')].map((b) => b.textContent),
      ),
    ).toEqual(
      expect.arrayContaining([
        'Churn ×1',
        'Net Promoter Score ×1',
        'Lead scoring ×1',
        'Data Protection Impact Assessment ×1',
      ]),
    );
    await popup.type('retention');
    await popup.waitFor(() =>
      document.querySelector('.results [data-term-id="legal-team/retention-period"]'),
    );
    expect(await textOf(popup, '.results .term')).toBe(
      "Retention periodFrom your glossary “Legal team”How long we keep a customer's records after the contract ends: six years.",
    );

    // An imported term can be known: off the page at once, listed in the popup, and back.
    await page.click(CHURN);
    await tooltipOn(page, 'Churn');
    await clickTooltipButton(page, 'I know this');
    await page.waitFor(() => !document.querySelector('[data-glossary-term="crm-team/churn"]'));
    await popup.waitFor(() => document.querySelector('.progress summary'));
    await popup.click('.progress summary');
    expect(await textOf(popup, '.progress li')).toBe('ChurnNot known yet');
    await popup.click('.progress li button');
    await page.waitFor(() => document.querySelector('[data-glossary-term="crm-team/churn"]'));
    expect([...popup.errors(), ...page.errors()]).toEqual([]);
  });

  it('renames, exports and replaces a glossary, and open pages follow', async () => {
    const options = await openOptions();
    await importFile(options, 'crm-team.csv', CSV, 'crm-team');
    const page = await open(session.url('crm-page.html'));
    await page.waitFor(() =>
      document.querySelector('[data-glossary-term="crm-team/lead-scoring"]'),
    );
    const entry = '.glossary-list [data-glossary="crm-team"]';

    await options.click(`${entry} .rename-button`);
    await options.waitFor(() => document.activeElement?.matches('.rename input'));
    await options.evaluate(() =>
      document.querySelector<HTMLInputElement>('.rename input')?.select(),
    );
    await options.type('Sales words');
    await options.click(`${entry} .rename .save`);
    await until(
      async () => (await textOf(options, `${entry} .name`)) === 'Sales words',
      'the new name',
    );
    await page.click(CHURN);
    expect((await tooltipOn(page, 'Churn')).text).toContain('Source: your glossary “Sales words”');
    await page.press('Escape');

    await catchDownloads(options);
    await options.click(`${entry} .export-csv`);
    await until(async () => (await savedFiles(options)).length === 1, 'the exported file');
    const [csv] = await savedFiles(options);
    expect(csv?.name).toBe('sales-words.csv');
    expect(csv?.text).toContain('id,term,definition,abbreviation,forms,category,related,everyday');
    expect(csv?.text).toContain('churn,Churn,');

    // A new version: Churn reworded, Lead scoring gone, Upsell new.
    const next = (csv?.text ?? '')
      .replace('counted monthly', 'counted every week')
      .split('\r\n')
      .filter((line) => !line.startsWith('lead-scoring,'))
      .concat('upsell,Upsell,Selling more to a customer who already buys.,,,sales,,no')
      .join('\r\n');
    await pick(options, 'crm-team-v2.csv', next, `${entry} input[type="file"]`);
    await options.waitFor(() => document.querySelector('.glossary-preview .import'));
    expect(await textOf(options, '.glossary-preview .replacing')).toBe(
      'In place of “Sales words”: 2 of its terms stay, with your progress on them; new terms: 1; terms no longer in it: 1.',
    );
    await options.click('.glossary-preview .import');
    await page.waitFor(
      () => !document.querySelector('[data-glossary-term="crm-team/lead-scoring"]'),
    );
    expect(await textOf(options, `${entry} .muted`)).toBe('3 terms');
    await page.click(CHURN);
    const tip = await tooltipOn(page, 'Churn');
    expect(tip.definition).toBe(
      'The share of customers who stop buying from us in a period, counted every week.',
    );
    expect(tip.text).toContain('Source: your glossary “Sales words”');
    expect([...options.errors(), ...page.errors()]).toEqual([]);
  });

  it("imports a terminology tool's TBX file dropped on the page, read by the browser's XML parser", async () => {
    const options = await openOptions();
    await drop(options, 'crm-terms.tbx', TBX);
    await options.waitFor(() => document.querySelector('.glossary-preview .import'));
    expect(await textOf(options, '.glossary-preview strong')).toBe(
      '“CRM terminology”: 2 of 3 terms can be imported.',
    );
    expect(await textOf(options, '.glossary-preview .problems')).toBe(
      'Entry 3: the definition is empty',
    );
    await options.click('.glossary-preview .import');
    await until(
      () => textOf(options, '.glossary-list [data-glossary="crm-terminology"]'),
      'the TBX glossary to be listed',
    );
    const page = await open(session.url('crm-page.html'));
    const churn = '[data-glossary-term="crm-terminology/te-001"]';
    await page.waitFor(() =>
      document.querySelector('[data-glossary-term="crm-terminology/te-001"]'),
    );
    expect(await textOf(page, churn)).toBe('churn rate');
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll('[data-glossary-term="crm-terminology/te-002"]')].map(
          (m) => m.textContent,
        ),
      ),
    ).toEqual(['Net Promoter Score']);
    await page.click(churn);
    const tip = await tooltipOn(page, 'Customer churn');
    expect(tip.definition).toBe(
      'The share of customers who stop buying in a period; <b>not</b> markup.',
    );
    expect(tip.text).toContain('Customer analytics');
    expect(tip.text).toContain('Source: your glossary “CRM terminology”');
    expect([...options.errors(), ...page.errors()]).toEqual([]);
  });

  it.skipIf(!hasAcronyms)(
    "imports a glossary no one here wrote, NetBSD's computing acronyms, as a user picks it",
    async () => {
      const file = readFileSync(ACRONYMS, 'utf8');
      /** The file's first definition of `acronym`, read from the file itself. */
      const definitionOf = (acronym: string) =>
        file
          .split('\n')
          .find((line) => line.startsWith(`${acronym}\t`))
          ?.split('\t')[1];
      const options = await openOptions();
      await pick(options, 'acronyms.comp', file);
      await options.waitFor(() => document.querySelector('.glossary-preview .import'));
      const summary = (await textOf(options, '.glossary-preview strong')) ?? '';
      const [, importable, rows] = summary.match(/^“acronyms”: ([\d,]+) of ([\d,]+) terms/) ?? [];
      // Every line of the file is a row; the header-less list is said, and most rows are terms.
      expect(Number(rows?.replace(',', ''))).toBe(file.trim().split('\n').length);
      expect(Number(importable?.replace(',', ''))).toBeGreaterThan(1000);
      expect(await textOf(options, '.glossary-preview .detail')).toBe(
        'The first row names no columns: each row is read as a term, then its definition.',
      );
      await options.click('.glossary-preview .import');
      await until(
        () => textOf(options, '.glossary-list [data-glossary="acronyms"]'),
        'the acronyms to be listed',
      );

      const page = await open(session.url('acronyms-page.html'));
      await page.waitFor(() => document.querySelector('[data-glossary-term="acronyms/mtu"]'));
      expect(
        await page.evaluate(() =>
          [...document.querySelectorAll('[data-glossary-term^="acronyms/"]')].map(
            (m) => m.textContent,
          ),
        ),
      ).toEqual(['ABI', 'API', 'DNS', 'MTU']);
      await page.click('[data-glossary-term="acronyms/abi"]');
      const tip = await tooltipOn(page, 'ABI');
      expect(tip.definition).toBe(definitionOf('ABI'));
      expect(tip.text).toContain('Source: your glossary “acronyms”');
      expect([...options.errors(), ...page.errors()]).toEqual([]);
    },
  );

  it('takes a switched-off glossary off open pages, and deletes it', async () => {
    const options = await openOptions();
    await importFile(options, 'crm-team.csv', CSV, 'crm-team');
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

    // The course's glossary can be switched off too, leaving the team's; and on again.
    await options.click('.glossary-list [data-glossary="crm-team"] input[type="checkbox"]');
    await page.waitFor(() => document.querySelector('[data-glossary-term="crm-team/churn"]'));
    await options.click('.glossary-list [data-glossary="course"] input[type="checkbox"]');
    await page.waitFor(() => !document.querySelector('[data-glossary-term="dpia"]'));
    expect(await textOf(page, CHURN)).toBe('churn rate');
    expect(
      await options.evaluate(() =>
        document.querySelector('.glossary-list [data-glossary="course"] button.delete'),
      ),
    ).toBe(null);
    await options.click('.glossary-list [data-glossary="course"] input[type="checkbox"]');
    await page.waitFor(() => document.querySelector('[data-glossary-term="dpia"]'));

    await options.click('.glossary-list [data-glossary="crm-team"] button.delete');
    await options.waitFor(
      () => !document.querySelector('.glossary-list [data-glossary]:not([data-glossary="course"])'),
    );
    expect(await storedGlossaries(options)).toEqual({ glossaries: [] });
  });

  it('keeps both glossaries imported at the same moment in two tabs', async () => {
    const [one, other, holder] = [await openOptions(), await openOptions(), await openOptions()];
    // A third page holds the lock every change to the glossaries takes (Web Locks, shared by
    // every page of the extension and its background), so both imports have to wait for it.
    await holder.evaluate(
      () =>
        new Promise<void>((held) => {
          void navigator.locks.request(
            'eaig-glossaries',
            () =>
              new Promise<void>((release) => {
                (window as unknown as { release: () => void }).release = release;
                held();
              }),
          );
        }),
    );
    for (const [options, file, content] of [
      [one, 'crm-team.csv', CSV],
      [other, 'legal.json', LEGAL],
    ] as const) {
      await pick(options, file, content);
      await options.waitFor(() => document.querySelector('.glossary-preview .import'));
      await options.click('.glossary-preview .import');
    }
    await until(
      async () =>
        (await holder.evaluate(async () => (await navigator.locks.query()).pending?.length)) === 2,
      'both imports waiting for the lock',
    );
    expect(await storedGlossaries(holder)).toEqual({});
    await holder.evaluate(() => (window as unknown as { release: () => void }).release());
    for (const id of ['crm-team', 'legal-team']) {
      await until(
        () => textOf(one, `.glossary-list [data-glossary="${id}"]`),
        `${id} listed in the first tab`,
      );
    }
    const stored = (await storedGlossaries(one)) as { glossaries?: Array<{ id: string }> };
    expect(stored.glossaries?.map((e) => e.id).sort()).toEqual(['crm-team', 'legal-team']);
    expect(Object.keys(stored).sort()).toEqual([
      'glossaries',
      'glossary:crm-team',
      'glossary:legal-team',
    ]);
  });

  it('refuses a file that is no glossary with a sentence, and keeps what is there', async () => {
    const options = await openOptions();
    await importFile(options, 'crm-team.csv', CSV, 'crm-team');
    const before = await storedGlossaries(options);

    await pick(options, 'notes.json', '{"version": 2, "count": 3}');
    await options.waitFor(() => document.querySelector('.glossaries [role="alert"]'));
    expect(await textOf(options, '.glossaries [role="alert"]')).toMatch(
      /^Not imported: This JSON file is not a glossary/,
    );
    await pick(options, 'team.csv', 'product,price\nChurn,Leaving\n');
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
