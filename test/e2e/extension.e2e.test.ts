import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseEntries, expectCourseDefinition } from '../support/course';
import { ROOT } from '../support/shared';
import { openPopup, type PageDriver, until } from './support/driver';
import { occurrenceRect, overlaps } from './support/geometry';
import { BROWSERS, grantedLaunchers } from './support/launch';
import { servedTextNodes, textNodes, useSession } from './support/session';

/** What a reader of the demo article should see highlighted, in page order (by hand). */
const EXPECTED_HIGHLIGHTS = [
  ['bias', 'bias'],
  ['fairness', 'fairness'],
  ['transparency', 'transparency'],
  ['customer relationship management', 'crm'],
  // "AI <em>governance</em> framework": one term across inline markup, three elements.
  ['AI ', 'ai-governance-framework'],
  ['governance', 'ai-governance-framework'],
  [' framework', 'ai-governance-framework'],
  ['AI ethics officer', 'ai-ethics-officer'],
  ['AI transparency reports', 'ai-transparency-reports'],
  ['Privacy', 'privacy'],
  // "Several DPIAs later" is the second occurrence: the default density marks a term once.
  ['Data Protection Impact Assessment (DPIA)', 'dpia'],
  ['model explainability', 'model-explainability'],
  ['human-centred AI', 'human-centered-ai'],
  ['ethical decision making', 'ethical-decision-making'],
];

const highlights = (page: PageDriver) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-glossary-term]')].map((m) => [
      m.textContent,
      m.getAttribute('data-glossary-term'),
    ]),
  );

describe.each(BROWSERS)('%s with the extension', (name) => {
  const session = useSession(grantedLaunchers[name]);
  const demoUrl = () => session.url('demo-article.html');

  it('highlights the course terms a reader expects, and only those', async () => {
    const page = await session.browser.open(demoUrl());
    await page.waitFor(() => document.querySelectorAll('[data-glossary-term]').length > 0);
    expect(await highlights(page)).toEqual(EXPECTED_HIGHLIGHTS);
    const untouched = await page.evaluate(() => ({
      inExcluded: document.querySelectorAll('#excluded [data-glossary-term]').length,
      pageMark: document.querySelector('#page-mark')?.outerHTML,
      textarea: (document.querySelector('#in-textarea') as HTMLTextAreaElement).value,
      input: (document.querySelector('#in-input') as HTMLInputElement).value,
      pageScriptRan: (window as unknown as { pageScriptRan?: boolean }).pageScriptRan,
    }));
    expect(untouched).toEqual({
      inExcluded: 0,
      pageMark: '<mark id="page-mark">Data ethics</mark>',
      textarea: 'privacy accountability',
      input: 'robustness',
      pageScriptRan: true,
    });
    // Highlighting changes no text: the body reads exactly as served.
    const served = await servedTextNodes(page);
    const text = await page.evaluate(() => document.body.textContent);
    expect(text).toBe(served.map((s) => JSON.parse(s.slice(s.indexOf(':') + 1))).join(''));
    await page.close();
  });

  it('shows the course definition, word for word, in a tooltip beside the hovered term', async () => {
    const page = await session.browser.open(demoUrl());
    await page.waitFor(() => document.querySelector('#intro [data-glossary-term="bias"]'));
    expect(await page.readTooltip()).toBeNull();
    await page.hover('#intro [data-glossary-term="bias"]');
    await until(async () => (await page.readTooltip())?.text.includes('Bias'), 'the tooltip');
    const tip = await page.readTooltip();
    expect(tip?.role).toBe('tooltip');
    expectCourseDefinition(tip?.definition, 'Bias');
    expect(tip?.buttons.map((b) => b.text)).toEqual([
      'Artificial Intelligence',
      'Fairness',
      'AI Bias Mitigation',
      'I know this',
      'Look up in glossary',
    ]);
    const term = await occurrenceRect(page, '#intro [data-glossary-term="bias"]');
    expect(overlaps(tip?.rect ?? term, term)).toBe(false);
    // Closed shadow root: the page cannot read or restyle what is inside.
    expect(
      await page.evaluate(() => document.querySelector('[data-eaig-tooltip]')?.shadowRoot),
    ).toBeNull();
    if (name === 'chromium' && process.env.UPDATE_SCREENSHOT) {
      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      const shot = join(ROOT, 'test-results/tooltip-chromium.png');
      await page.screenshot(shot);
      copyFileSync(shot, join(ROOT, 'docs/screenshot.png'));
    }
    // Moving away closes it.
    await page.hover('h1');
    await until(async () => (await page.readTooltip()) === null, 'the tooltip to close');
    await page.close();
  });

  it('explains a term split by inline markup as one term, without covering any of it', async () => {
    const page = await session.browser.open(demoUrl());
    const selector = '#governance [data-glossary-term="ai-governance-framework"]';
    await page.waitFor(() => document.querySelector('#governance em [data-glossary-term]'));
    await page.hover('#governance em [data-glossary-term]');
    await until(
      async () => (await page.readTooltip())?.text.includes('AI Governance Framework'),
      'the tooltip',
    );
    const tip = await page.readTooltip();
    expectCourseDefinition(tip?.definition, 'AI Governance Framework');
    const term = await occurrenceRect(page, selector);
    expect(overlaps(tip?.rect ?? term, term)).toBe(false);
    await page.close();
  });

  it('finds terms in the popup as you type and shows a term of the day', async () => {
    const popup = await openPopup(session.browser);
    // Shown once the popup knows it was not dismissed today (device storage, read at once).
    await popup.waitFor(() => document.querySelector('.today .term-name'));
    const today = await popup.evaluate(() => ({
      name: document.querySelector('.today .term-name')?.firstChild?.textContent ?? '',
      definition: document.querySelector('.today .definition')?.textContent,
    }));
    const entries = courseEntries();
    if (entries) {
      expect(
        entries.map((e) => e.name),
        'the term of the day is a course term',
      ).toContain(today.name);
    }
    expectCourseDefinition(today.definition, today.name);

    await popup.type('dpia');
    await popup.waitFor(() => !document.querySelector('.today'));
    const first = await popup.evaluate(() => ({
      name: document.querySelector('.results .term-name')?.textContent,
      definition: document.querySelector('.results .definition')?.textContent,
    }));
    expect(first.name).toBe('Data Protection Impact Assessment (DPIA)');
    expectCourseDefinition(first.definition, 'Data Protection Impact Assessment');

    for (let i = 0; i < 4; i++) {
      await popup.press('Backspace');
    }
    await popup.type('explain');
    await popup.waitFor(
      () => document.querySelector('.results .term-name')?.textContent === 'Model Explainability',
    );
    await popup.close();
  });

  it('switching highlighting off in the popup gives open pages back exactly their own text', async () => {
    const page = await session.browser.open(demoUrl());
    await page.waitFor(() => document.querySelectorAll('[data-glossary-term]').length > 0);
    const served = await servedTextNodes(page);
    expect(await textNodes(page)).not.toEqual(served);

    const popup = await openPopup(session.browser);
    await popup.click('.switch input');
    await page.waitFor(() => document.querySelectorAll('[data-glossary-term]').length === 0);
    expect(await textNodes(page)).toEqual(served);
    expect(await page.evaluate(() => document.querySelector('[data-eaig-tooltip]'))).toBeNull();

    await popup.click('.switch input');
    await page.waitFor(() => document.querySelectorAll('[data-glossary-term]').length > 0);
    expect(await highlights(page)).toEqual(EXPECTED_HIGHLIGHTS);
    await popup.close();
    await page.close();
  });

  it('marks every occurrence when the options say so, on open pages at once', async () => {
    const page = await session.browser.open(demoUrl());
    await page.waitFor(() => document.querySelector('#explain [data-glossary-term]'));
    const options = await session.browser.openExtensionPage('src/options/index.html');
    await options.waitFor(() => document.querySelector('input[name="density"]'));
    await options.click('input[value="every"]');
    await page.bringToFront();
    await page.waitFor(() => document.querySelectorAll('[data-glossary-term="dpia"]').length === 2);
    const every = await highlights(page);
    expect(every.filter(([, id]) => id === 'dpia')).toEqual([
      ['Data Protection Impact Assessment (DPIA)', 'dpia'],
      ['DPIAs', 'dpia'],
    ]);
    expect(every).toHaveLength(EXPECTED_HIGHLIGHTS.length + 1);
    await options.click('input[value="first"]');
    await page.waitFor(() => document.querySelectorAll('[data-glossary-term="dpia"]').length === 1);
    expect(await highlights(page)).toEqual(EXPECTED_HIGHLIGHTS);
    expect(await textNodes(page)).not.toEqual(await servedTextNodes(page));
    await options.close();
    await page.close();
  });

  it("highlights everyday words on a page about data protection: it is in the course's domain", async () => {
    const page = await session.browser.open(session.url('data-protection.html'));
    await page.waitFor(() => document.querySelector('#assessment [data-glossary-term]'));
    // Once the last paragraph's term is in, the page has been read and its topic decided.
    expect(await highlights(page)).toEqual([
      ['fairness', 'fairness'],
      ['transparency', 'transparency'],
      ['accountability', 'accountability'],
      ['Privacy', 'privacy'],
      ['data protection impact assessment', 'dpia'],
    ]);
    await page.close();
  });

  it("leaves everyday words alone on a page outside the course's domain, unless the options say otherwise", async () => {
    const page = await session.browser.open(session.url('recipe.html'));
    // The specialist term is highlighted on any page: once it is, the page has been read.
    await page.waitFor(() => document.querySelector('#loyalty [data-glossary-term]'));
    expect(await highlights(page)).toEqual([['data protection impact assessment', 'dpia']]);
    // The article about AI in another tab keeps its everyday words.
    const article = await session.browser.open(demoUrl());
    await article.waitFor(() => document.querySelector('#intro [data-glossary-term="bias"]'));
    const options = await session.browser.openExtensionPage('src/options/index.html');
    await options.waitFor(() => document.querySelector('input[name="everydayWords"]'));
    await options.click('input[name="everydayWords"][value="always"]');
    await page.bringToFront();
    await page.waitFor(() => document.querySelector('#footer [data-glossary-term]'));
    expect(await highlights(page)).toEqual([
      ['bias', 'bias'],
      ['fairness', 'fairness'],
      ['transparency', 'transparency'],
      ['Privacy', 'privacy'],
      ['Accountability', 'accountability'],
      ['data protection impact assessment', 'dpia'],
    ]);
    await options.click('input[name="everydayWords"][value="topic"]');
    await page.waitFor(
      () =>
        !document.querySelector('#footer [data-glossary-term]') &&
        document.querySelector('#loyalty [data-glossary-term]'),
    );
    expect(await highlights(page)).toEqual([['data protection impact assessment', 'dpia']]);
    await options.close();
    await article.close();
    await page.close();
  });

  it('leaves a word alone on a page that uses it in another sense', async () => {
    // "Bias" here is a parameter of a neural network, not the course's bias.
    const page = await session.browser.open(session.url('network-biases.html'));
    await page.waitFor(() => document.querySelector('#privacy [data-glossary-term]'));
    expect(await highlights(page)).toEqual([
      ['AI', 'artificial-intelligence'],
      ['privacy', 'privacy'],
    ]);
    await page.close();
  });

  it('made no network request through all of the above', () => {
    expect(session.browser.extensionRequests()).toEqual([]);
  });

  it('would have seen one: a request from an extension page is logged', async () => {
    const options = await session.browser.openExtensionPage('src/options/index.html');
    const target = session.url('demo-article.html?from-extension');
    // The pages' CSP lets them connect (the PDF reader's pdf.js fetches the document the user
    // opened): whatever one of them requests must show in the log.
    await options.evaluate(
      (url) =>
        fetch(url).then(
          () => 'sent',
          () => 'refused',
        ),
      target,
    );
    await until(
      async () => session.browser.extensionRequests().some((r) => r.includes('from-extension')),
      'the request to be logged',
    );
    await options.close();
  });
});
