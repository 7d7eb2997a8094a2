import { afterEach, describe, expect, it } from 'vitest';
import { expectCourseDefinition } from '../support/course';
import { axeViolations } from './support/axe';
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
import { textNodes, useSession } from './support/session';

/**
 * Known terms, as a student uses them: "I know this" in the tooltip takes the term off every
 * open page at once and Undo brings it back; the popup counts what is known and takes a term
 * off the list; a reader who wants the reminder keeps known terms drawn faintly.
 */

type Api = typeof import('webextension-polyfill');

/** Writes `items` to synced storage (and removes `remove`) from an extension page, as a setting change would. */
async function store(
  browser: ExtensionBrowser,
  items: Record<string, unknown>,
  remove: string[] = [],
): Promise<void> {
  const page = await browser.openExtensionPage('src/options/index.html');
  await page.evaluate(
    async ([set, keys]) => {
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      await api.storage.sync.set(set);
      await api.storage.sync.remove(keys);
    },
    [items, remove] as const,
  );
  await page.close();
}

/** Everything stored about known terms, forgotten: each test starts as a new student. */
async function forgetKnown(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.openExtensionPage('src/options/index.html');
  await page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: Api }).chrome;
    const all = await api.storage.sync.get(null);
    await api.storage.sync.remove(Object.keys(all).filter((k) => k.startsWith('known.')));
    await api.storage.sync.set({ knownTerms: 'hidden', whereMet: false });
    await api.storage.local.remove(['met', 'metWhere', 'review']);
  });
  await page.close();
}

const BIAS = '[data-glossary-term="bias"]';
const has = (page: PageDriver, selector: string) =>
  page.evaluate((s) => document.querySelector(s) !== null, selector);

describe.each(BROWSERS)('%s known terms', (name) => {
  const session = useSession(grantedLaunchers[name]);
  const opened: PageDriver[] = [];
  /** A fixture page once its highlighting is done (its last term is highlighted). */
  const open = async (path: string, last: string) => {
    const page = await session.browser.open(session.url(path));
    opened.push(page);
    await until(() => has(page, last), `${last} on ${path}`, 15_000);
    return page;
  };
  const tooltipPage = () => open('tooltip.html', '#notes [data-glossary-term="privacy"]');
  const articlePage = () => open('demo-article.html', BIAS);

  afterEach(async () => {
    for (const page of opened.splice(0)) {
      await page.close();
    }
    await forgetKnown(session.browser);
  });

  it('takes a term marked known off every open page at once, and Undo brings it back', async () => {
    const page = await tooltipPage();
    const other = await articlePage();
    expect(await has(other, BIAS)).toBe(true);

    await page.click(`#intro ${BIAS}`);
    await tooltipOn(page, 'Bias');
    await clickTooltipButton(page, 'I know this');
    await until(
      async () => (await page.readTooltip())?.text.includes('Marked as known'),
      'the tooltip to say the term is known',
    );
    await page.waitFor(() => !document.querySelector('[data-glossary-term="bias"]'));
    await other.waitFor(() => !document.querySelector('[data-glossary-term="bias"]'));
    // The tooltip stays to offer Undo, where it was.
    expect((await page.readTooltip())?.buttons.map((b) => b.text)).toContain('Undo');

    // Given back exactly: the page's text nodes are those of the same page read fresh with the
    // term known from the start.
    const fresh = await tooltipPage();
    expect(await has(fresh, BIAS)).toBe(false);
    expect(await textNodes(page)).toEqual(await textNodes(fresh));

    await clickTooltipButton(page, 'Undo');
    await page.waitFor(() => document.querySelector('[data-glossary-term="bias"]'));
    await other.waitFor(() => document.querySelector('[data-glossary-term="bias"]'));
    await fresh.waitFor(() => document.querySelector('[data-glossary-term="bias"]'));
    await until(
      async () => (await page.readTooltip())?.text.includes('Bias is highlighted again'),
      'the tooltip to say the term is back',
    );
    expect(page.errors()).toEqual([]);
    expect(other.errors()).toEqual([]);
  });

  it('keeps both terms read and marked known at the same moment in two tabs', async () => {
    const page = await tooltipPage();
    const other = await articlePage();
    const FAIRNESS = '[data-glossary-term="fairness"]';
    await until(() => has(other, FAIRNESS), 'fairness on the article');
    // Each tooltip read, and each mark, is a read and a write of a stored list: the background
    // takes them in turn, so neither write undoes the other.
    await Promise.all([page.click(`#intro ${BIAS}`), other.click(FAIRNESS)]);
    await tooltipOn(page, 'Bias');
    await tooltipOn(other, 'Fairness');
    const options = await session.browser.openExtensionPage('src/options/index.html');
    const metIds = () =>
      options.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: Api }).chrome;
        const { met } = await api.storage.local.get('met');
        return Object.keys(met ?? {}).sort();
      });
    await until(async () => (await metIds()).length === 2, 'both terms counted as read');
    expect(await metIds()).toEqual(['bias', 'fairness']);
    await options.close();
    await Promise.all([
      clickTooltipButton(page, 'I know this'),
      clickTooltipButton(other, 'I know this'),
    ]);
    await other.waitFor(
      () =>
        !document.querySelector('[data-glossary-term="bias"]') &&
        !document.querySelector('[data-glossary-term="fairness"]'),
    );
    const stored = await session.browser.openExtensionPage('src/options/index.html');
    const known = await stored.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      const all = await api.storage.sync.get(null);
      return Object.entries(all)
        .filter(([key]) => key.startsWith('known.'))
        .flatMap(([, shard]) => Object.keys(shard as object))
        .sort();
    });
    await stored.close();
    expect(known).toEqual(['bias', 'fairness']);
    expect(page.errors()).toEqual([]);
    expect(other.errors()).toEqual([]);
  });

  it('is reachable from the keyboard in the pinned tooltip, Undo included', async () => {
    const page = await tooltipPage();
    await page.click(`#intro ${BIAS}`);
    await tooltipOn(page, 'Bias');
    for (let i = 0; i < 8 && (await page.readTooltip())?.focused !== 'I know this'; i++) {
      await page.press('Tab');
    }
    expect((await page.readTooltip())?.focused).toBe('I know this');
    await page.press('Enter');
    // Focus moves to Undo, so the next key can take the mark back.
    await until(async () => (await page.readTooltip())?.focused === 'Undo', 'focus on Undo');
    await page.waitFor(() => !document.querySelector('[data-glossary-term="bias"]'));
    await page.press('Enter');
    await page.waitFor(() => document.querySelector('[data-glossary-term="bias"]'));
  });

  it('counts known terms in the popup, where one can be marked as not known again', async () => {
    const page = await tooltipPage();
    const popupLine = async (popup: PageDriver) =>
      popup.evaluate(() => document.querySelector('.progress-line')?.textContent ?? null);
    let popup = await openPopupFor(session.browser, page);
    await until(
      async () => (await popupLine(popup)) === '0 of 30 terms known · 0 due for review',
      'no term known',
    );
    await popup.close();

    // One pinned by a click, one from a hover tooltip the pointer travels into.
    for (const term of ['bias', 'privacy']) {
      const selector = `[data-glossary-term="${term}"]`;
      await (term === 'bias' ? page.click(selector) : page.hover(selector));
      await tooltipOn(page, term === 'bias' ? 'Bias' : 'Privacy');
      await clickTooltipButton(page, 'I know this');
      await until(
        async () => !(await has(page, `[data-glossary-term="${term}"]`)),
        `${term} to leave the page`,
      );
      await page.press('Escape');
    }

    popup = await openPopupFor(session.browser, page);
    opened.push(popup);
    await until(
      async () => (await popupLine(popup))?.startsWith('2 of 30 terms known ·'),
      'two known',
    );
    await popup.click('.progress summary');
    const list = () =>
      popup.evaluate(() =>
        [...document.querySelectorAll('.progress li span')].map((s) => s.textContent),
      );
    expect(await list()).toEqual(['Bias', 'Privacy']);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.click('.progress li button[aria-label="Not known yet: Bias"]');
    await until(
      async () => (await popupLine(popup))?.startsWith('1 of 30 terms known ·'),
      'one known',
    );
    expect(await list()).toEqual(['Privacy']);
    await page.waitFor(() => document.querySelector('[data-glossary-term="bias"]'));
    expect(await has(page, '[data-glossary-term="privacy"]')).toBe(false);

    // The way on to everything else about the terms.
    await popup.click('.progress-head button:last-of-type');
    await until(
      async () =>
        (await session.browser.tabUrls()).some((u) => u.endsWith('src/glossary-page/index.html')),
      'the glossary page to open',
    );
  });

  it('keeps known terms drawn faintly when the reader asks for the reminder', async () => {
    await store(session.browser, { knownTerms: 'faint' });
    const page = await tooltipPage();
    await page.click(`#intro ${BIAS}`);
    await tooltipOn(page, 'Bias');
    await clickTooltipButton(page, 'I know this');
    await page.waitFor(() =>
      document.querySelector('#intro [data-glossary-term="bias"][data-glossary-known]'),
    );
    const look = (selector: string) =>
      page.evaluate((s) => {
        const el = document.querySelector(s);
        return el ? getComputedStyle(el).textDecorationColor : null;
      }, selector);
    // Still underlined, in a fainter colour than an unknown term's.
    expect(await look(`#intro ${BIAS}`)).not.toBe(
      await look('#intro [data-glossary-term]:not([data-glossary-term="bias"])'),
    );
    await page.press('Escape');
    await page.click(`#intro ${BIAS}`);
    await tooltipOn(page, 'Bias');
    await clickTooltipButton(page, 'Not known yet');
    await page.waitFor(() => !document.querySelector('[data-glossary-known]'));
    expect(await has(page, `#intro ${BIAS}`)).toBe(true);
  });

  it('lists every term on the glossary page, searchable, where a term can be marked known', async () => {
    const page = await tooltipPage();
    const glossary = await session.browser.openExtensionPage('src/glossary-page/index.html');
    opened.push(glossary);
    await glossary.waitFor(() => document.querySelector('main[aria-busy="false"] .term'));
    const entries = () =>
      glossary.evaluate(() =>
        [...document.querySelectorAll('.term')].map((entry) => ({
          name: entry.querySelector('.term-name')?.textContent,
          status: entry.querySelector('.status')?.textContent,
        })),
      );
    // The course's 30 numbered terms, each new to a new reader.
    const all = await entries();
    expect(all).toHaveLength(30);
    expect(new Set(all.map((e) => e.status))).toEqual(new Set(['New']));
    for (const scheme of ['light', 'dark'] as const) {
      await glossary.colorScheme(scheme);
      expect(await axeViolations(glossary), scheme).toEqual([]);
    }
    await glossary.colorScheme('light');

    await glossary.click('#term-bias button[aria-label="I know this: Bias"]');
    await until(
      async () =>
        (await entries()).find((e) => e.name === 'Bias')?.status?.startsWith('Known since'),
      'Bias known on the glossary page',
    );
    await page.waitFor(() => !document.querySelector('[data-glossary-term="bias"]'));
    expect(
      await glossary.evaluate(() => document.querySelector('.progress-line')?.textContent),
    ).toBe('1 of 30 terms known');

    await glossary.click('.search-box input');
    await glossary.type('dpia');
    await until(
      async () =>
        JSON.stringify((await entries()).map((e) => e.name)) ===
        JSON.stringify(['Data Protection Impact Assessment (DPIA)']),
      'the search to find DPIA alone',
    );
  });

  it('counts a term read in a tooltip as met, and keeps where only when the reader asks', async () => {
    const glossaryEntry = async (id: string) => {
      const glossary = await session.browser.openExtensionPage(
        `src/glossary-page/index.html?term=${id}`,
      );
      await glossary.waitFor(() => document.querySelector('main[aria-busy="false"] .term'));
      const entry = await glossary.evaluate((termId) => {
        const el = document.getElementById(`term-${termId}`);
        return {
          met: el?.querySelector('.met')?.textContent ?? null,
          places: [...(el?.querySelectorAll('.met-in a') ?? [])].map((a) => ({
            text: a.textContent,
            href: a.getAttribute('href'),
          })),
        };
      }, id);
      await glossary.close();
      return entry;
    };
    expect((await glossaryEntry('bias')).met).toBe('Not met while reading yet');

    // Hovered long enough to read it: met, and nothing kept about the page.
    const page = await tooltipPage();
    await page.hover(`#intro ${BIAS}`);
    await tooltipOn(page, 'Bias');
    await until(
      async () => (await glossaryEntry('bias')).met?.startsWith('Met once, on '),
      'bias counted as met',
    );
    expect((await glossaryEntry('bias')).places).toEqual([]);

    // With the reader's consent, a pinned term is met where it was read.
    await store(session.browser, { whereMet: true });
    await page.press('Escape');
    await page.click('#governance [data-glossary-term="dpia"]');
    await tooltipOn(page, 'Data Protection Impact Assessment (DPIA)');
    const title = await page.evaluate(() => document.title);
    const address = await page.evaluate(() => location.href.split('#')[0]);
    await until(
      async () => (await glossaryEntry('dpia')).places.length === 1,
      'where DPIA was met',
    );
    expect((await glossaryEntry('dpia')).places).toEqual([{ text: title, href: address }]);

    // Turning the switch off in the privacy panel deletes the places, not the counts.
    const options = await session.browser.openExtensionPage('src/options/index.html');
    opened.push(options);
    await options.waitFor(() =>
      document.querySelector('.stored')?.textContent?.includes('metWhere'),
    );
    await options.click('.privacy input[type="checkbox"]');
    await options.waitFor(
      () => !document.querySelector('.stored')?.textContent?.includes('metWhere'),
    );
    expect((await glossaryEntry('dpia')).met).toMatch(/^Met once, on /);
    expect((await glossaryEntry('dpia')).places).toEqual([]);

    // Switched off elsewhere (the setting syncs from the reader's other device): the places
    // kept on this one go as well.
    await store(session.browser, { whereMet: true });
    const again = await tooltipPage();
    await again.click('#governance [data-glossary-term="dpia"]');
    await tooltipOn(again, 'Data Protection Impact Assessment (DPIA)');
    await until(
      async () => (await glossaryEntry('dpia')).places.length === 1,
      'where DPIA was met again',
    );
    await store(session.browser, { whereMet: false });
    await until(
      async () => (await glossaryEntry('dpia')).places.length === 0,
      'the places forgotten once the setting was switched off elsewhere',
    );
    expect((await glossaryEntry('dpia')).met).toMatch(/^Met 2 times, last on /);
  });

  describe('review', () => {
    const NOW = '2026-12-06T10:00:00.000Z';
    const day = Math.floor(Date.parse(NOW) / 86_400_000);
    /** Terms met while reading, as the content script counts them, oldest first. */
    const meet = async (ids: string[]) => {
      const page = await session.browser.openExtensionPage('src/options/index.html');
      await page.evaluate(
        async ([terms, today]) => {
          const api = (globalThis as unknown as { chrome: Api }).chrome;
          const met = Object.fromEntries(
            terms.map((id, i) => [id, [1, today - terms.length + i, today]]),
          );
          await api.storage.local.set({ met });
        },
        [ids, day] as const,
      );
      await page.close();
    };
    const reviewPage = async (now = NOW) => {
      const page = await session.browser.openExtensionPage(
        `src/review-page/index.html?now=${encodeURIComponent(now)}`,
      );
      opened.push(page);
      await page.waitFor(() => document.querySelector('main[aria-busy="false"]'));
      return page;
    };
    const cards = (page: PageDriver) =>
      page.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: Api }).chrome;
        const { review } = await api.storage.local.get('review');
        return ((review as { cards?: Record<string, number[]> } | undefined)?.cards ??
          {}) as Record<string, number[]>;
      });
    const shown = (page: PageDriver) =>
      page.evaluate(() => ({
        prompt: document.querySelector('.prompt')?.textContent ?? null,
        definition: document.querySelector('.definition')?.textContent ?? null,
        choices: [...document.querySelectorAll('.choices button')].map((b) =>
          b.textContent?.replace(/^\d\s*/, ''),
        ),
        outcome: document.querySelector('.outcome')?.textContent ?? null,
        focusedInCard: document.activeElement?.classList.contains('review-card') ?? false,
      }));

    it('schedules a term chosen rightly later than one chosen wrongly, with the keyboard alone', async () => {
      await meet(['bias', 'fairness']);
      const page = await reviewPage();
      for (const scheme of ['dark', 'light'] as const) {
        await page.colorScheme(scheme);
        expect(await axeViolations(page), scheme).toEqual([]);
      }
      await until(async () => (await shown(page)).focusedInCard, 'the first card focused');

      // Bias (met first): the right choice, by its number key.
      let card = await shown(page);
      expectCourseDefinition(card.definition, 'Bias');
      expect(card.choices).toHaveLength(4);
      const first = card.definition;
      await page.press(String(card.choices.indexOf('Bias') + 1));
      await until(async () => (await shown(page)).outcome === 'Right: Bias.', 'the right answer');
      expect(await axeViolations(page)).toEqual([]);
      await page.press('Enter');

      // Fairness: a wrong one.
      await until(async () => (await shown(page)).definition !== first, 'the second card');
      card = await shown(page);
      expectCourseDefinition(card.definition, 'Fairness');
      const wrong = card.choices.findIndex((c) => c !== 'Fairness');
      await page.press(String(wrong + 1));
      await until(async () => (await shown(page)).outcome?.startsWith('Not this one'), 'wrong');
      await page.press('Enter');
      await until(
        async () =>
          (await page.evaluate(() => document.querySelector('.review-end')?.textContent)) ===
          'Done: 2 reviewed. Terms come back when they are due.',
        'the end of the session',
      );

      const stored = await cards(page);
      const due = (id: string) => stored[id]?.[0] ?? 0;
      expect(due('fairness')).toBeGreaterThan(Date.parse(NOW));
      expect(due('bias')).toBeGreaterThan(due('fairness'));
    });

    it('asks to recall a term in review, shows its definition, and takes a rating', async () => {
      await meet(['dpia']);
      // A card FSRS moved to review (state 2) a week ago, due yesterday.
      const week = 7 * 86_400_000;
      const page = await session.browser.openExtensionPage('src/options/index.html');
      await page.evaluate(
        async ([now, weekMs]) => {
          const api = (globalThis as unknown as { chrome: Api }).chrome;
          const t = Date.parse(now);
          await api.storage.local.set({
            review: {
              cards: { dpia: [t - 86_400_000, 6, 5, 6, 0, 3, 0, 2, t - weekMs] },
              day: 0,
              newToday: 0,
            },
          });
        },
        [NOW, week] as const,
      );
      await page.close();
      const review = await reviewPage();
      await until(async () => (await shown(review)).focusedInCard, 'the card focused');
      expect(await review.evaluate(() => document.querySelector('.review-term')?.textContent)).toBe(
        'Data Protection Impact Assessment (DPIA)',
      );
      expect((await shown(review)).definition).toBeNull();
      await review.press('Enter');
      await until(async () => (await shown(review)).definition !== null, 'the definition shown');
      expectCourseDefinition((await shown(review)).definition, 'Data Protection Impact Assessment');
      expect(await axeViolations(review)).toEqual([]);
      await review.press('3');
      await until(
        async () => ((await cards(review)).dpia?.[0] ?? 0) > Date.parse(NOW) + 86_400_000,
        'the next review days away',
      );
    });
  });

  it('exports progress and the Anki file, and imports progress back, or nothing from a bad file', async () => {
    const glossary = await session.browser.openExtensionPage('src/glossary-page/index.html');
    opened.push(glossary);
    await glossary.waitFor(() => document.querySelector('main[aria-busy="false"] .term'));
    await glossary.click('#term-bias button[aria-label="I know this: Bias"]');
    await glossary.waitFor(
      () => document.querySelector('.progress-line')?.textContent === '1 of 30 terms known',
    );
    await catchDownloads(glossary);
    const downloads = () => savedFiles(glossary);
    const button = (text: string) =>
      glossary.evaluate(
        (label) =>
          [...document.querySelectorAll<HTMLButtonElement>('.transfer button')]
            .find((b) => b.textContent === label)
            ?.click(),
        text,
      );
    await button('Export progress (JSON)');
    await button('Export for Anki');
    await until(async () => (await downloads()).length === 2, 'two files');
    const [progress, anki] = await downloads();
    expect(progress?.name).toBe('ethical-ai-glossary-progress.json');
    expect(Object.keys(JSON.parse(progress?.text ?? '{}').known)).toEqual(['bias']);
    expect(anki?.text.split('\n').slice(0, 4)).toEqual([
      '#separator:tab',
      '#html:false',
      '#columns:Term\tDefinition\tStatus\tTags',
      '#tags column:4',
    ]);
    expect(anki?.text).toContain('\tknown\tethical-ai-glossary principles known\n');

    // Forgotten here, then brought back from the file.
    await glossary.click('#term-bias button[aria-label="Not known yet: Bias"]');
    await glossary.waitFor(
      () => document.querySelector('.progress-line')?.textContent === '0 of 30 terms known',
    );
    const pick = (name: string, text: string) =>
      glossary.evaluate(
        ([fileName, content]) => {
          const input = document.querySelector<HTMLInputElement>('.transfer input[type="file"]');
          const files = new DataTransfer();
          files.items.add(new File([content], fileName, { type: 'application/json' }));
          if (input) {
            input.files = files.files;
            input.dispatchEvent(new Event('change', { bubbles: true }));
          }
        },
        [name, text] as const,
      );
    const notice = () =>
      glossary.evaluate(() => document.querySelector('.transfer .notice')?.textContent ?? null);
    await pick('notes.json', '{"format": "something else", "known": {"privacy": 20000}}');
    await until(async () => (await notice())?.includes('is not a progress file'), 'the refusal');
    expect(
      await glossary.evaluate(() => document.querySelector('.transfer [role="alert"]') !== null),
    ).toBe(true);
    expect(
      await glossary.evaluate(() => document.querySelector('.progress-line')?.textContent),
    ).toBe('0 of 30 terms known');

    await pick('ethical-ai-glossary-progress.json', progress?.text ?? '');
    await until(async () => (await notice())?.startsWith('Imported: 1 known terms'), 'the import');
    await glossary.waitFor(
      () => document.querySelector('.progress-line')?.textContent === '1 of 30 terms known',
    );
  });
});
