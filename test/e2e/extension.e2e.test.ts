import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseEntries, definitionOf } from '../support/course';
import { ROOT } from '../support/shared';
import { type ExtensionBrowser, openPopup, type PageDriver, until } from './support/driver';
import { BROWSERS, grantedLaunchers } from './support/launch';
import { type StaticServer, serveDirectory } from './support/server';

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
  ['Data Protection Impact Assessment (DPIA)', 'dpia'],
  ['DPIAs', 'dpia'],
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

/** The body's text nodes as [parent tag, text]: equal only if the page's own split is back. */
const textNodeSerialization = (page: PageDriver) =>
  page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const out: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      out.push(`${n.parentElement?.tagName}:${JSON.stringify((n as Text).data)}`);
    }
    return out;
  });

/** The same serialization for the page's HTML as served, parsed without any extension. */
const pristineSerialization = (page: PageDriver) =>
  page.evaluate(async () => {
    const html = await (await fetch(location.href)).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    const out: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      out.push(`${n.parentElement?.tagName}:${JSON.stringify((n as Text).data)}`);
    }
    return out;
  });

const overlaps = (
  a: { left: number; top: number; right: number; bottom: number },
  b: { left: number; top: number; right: number; bottom: number },
) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The box around every element of one highlighted occurrence. */
const occurrenceRect = (page: PageDriver, selector: string) =>
  page.evaluate((sel) => {
    const rects = [...document.querySelectorAll(sel)].map((e) => e.getBoundingClientRect());
    return {
      left: Math.min(...rects.map((r) => r.left)),
      top: Math.min(...rects.map((r) => r.top)),
      right: Math.max(...rects.map((r) => r.right)),
      bottom: Math.max(...rects.map((r) => r.bottom)),
    };
  }, selector);

describe.each(BROWSERS)('%s with the extension', (name) => {
  let browser: ExtensionBrowser;
  let server: StaticServer;
  let demoUrl: string;

  beforeAll(async () => {
    server = await serveDirectory(join(ROOT, 'test/fixtures'));
    demoUrl = `${server.origin}/demo-article.html`;
    browser = await grantedLaunchers[name]();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('highlights the course terms a reader expects, and only those', async () => {
    const page = await browser.open(demoUrl);
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
    const served = await pristineSerialization(page);
    const text = await page.evaluate(() => document.body.textContent);
    expect(text).toBe(served.map((s) => JSON.parse(s.slice(s.indexOf(':') + 1))).join(''));
    await page.close();
  });

  it('shows the course definition, word for word, in a tooltip beside the hovered term', async () => {
    const page = await browser.open(demoUrl);
    await page.waitFor(() => document.querySelector('#intro [data-glossary-term="bias"]'));
    expect(await page.readTooltip()).toBeNull();
    await page.hover('#intro [data-glossary-term="bias"]');
    await until(async () => (await page.readTooltip())?.text.includes('Bias'), 'the tooltip');
    const tip = await page.readTooltip();
    expect(tip?.role).toBe('tooltip');
    expect(tip?.text).toContain(definitionOf('Bias'));
    expect(tip?.text).toContain('Related: Artificial Intelligence, Fairness, AI Bias Mitigation');
    const term = await occurrenceRect(page, '#intro [data-glossary-term="bias"]');
    expect(overlaps(tip?.rect ?? term, term)).toBe(false);
    // Closed shadow root: the page cannot read or restyle what is inside.
    expect(
      await page.evaluate(() => document.querySelector('eaig-tooltip')?.shadowRoot),
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
    const page = await browser.open(demoUrl);
    const selector = '#governance [data-glossary-term="ai-governance-framework"]';
    await page.waitFor(() => document.querySelector('#governance em [data-glossary-term]'));
    await page.hover('#governance em [data-glossary-term]');
    await until(
      async () => (await page.readTooltip())?.text.includes('AI Governance Framework'),
      'the tooltip',
    );
    const tip = await page.readTooltip();
    expect(tip?.text).toContain(definitionOf('AI Governance Framework'));
    const term = await occurrenceRect(page, selector);
    expect(overlaps(tip?.rect ?? term, term)).toBe(false);
    await page.close();
  });

  it('finds terms in the popup as you type and shows a term of the day', async () => {
    const popup = await openPopup(browser);
    const entries = courseEntries();
    const today = await popup.evaluate(() => ({
      name: document.querySelector('.today .term-name')?.firstChild?.textContent,
      definition: document.querySelector('.today .definition')?.textContent,
    }));
    const entry = entries.find((e) => e.name === today.name);
    expect(entry, `term of the day "${today.name}" is a course term`).toBeDefined();
    expect(today.definition).toBe(entry?.definition);

    await popup.type('dpia');
    await popup.waitFor(() => !document.querySelector('.today'));
    const first = await popup.evaluate(() => ({
      name: document.querySelector('.results .term-name')?.textContent,
      definition: document.querySelector('.results .definition')?.textContent,
    }));
    expect(first).toEqual({
      name: 'Data Protection Impact Assessment (DPIA)',
      definition: definitionOf('Data Protection Impact Assessment'),
    });

    for (let i = 0; i < 4; i++) await popup.press('Backspace');
    await popup.type('explain');
    await popup.waitFor(
      () => document.querySelector('.results .term-name')?.textContent === 'Model Explainability',
    );
    await popup.close();
  });

  it('switching highlighting off in the popup gives open pages back exactly their own text', async () => {
    const page = await browser.open(demoUrl);
    await page.waitFor(() => document.querySelectorAll('[data-glossary-term]').length > 0);
    const served = await pristineSerialization(page);
    expect(await textNodeSerialization(page)).not.toEqual(served);

    const popup = await openPopup(browser);
    await popup.click('.switch input');
    await page.waitFor(() => document.querySelectorAll('[data-glossary-term]').length === 0);
    expect(await textNodeSerialization(page)).toEqual(served);
    expect(await page.evaluate(() => document.querySelector('eaig-tooltip'))).toBeNull();

    await popup.click('.switch input');
    await page.waitFor(() => document.querySelectorAll('[data-glossary-term]').length > 0);
    expect(await highlights(page)).toEqual(EXPECTED_HIGHLIGHTS);
    await popup.close();
    await page.close();
  });
});
