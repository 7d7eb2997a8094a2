import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/shared';
import { type PageDriver, until } from './support/driver';
import { BROWSERS, grantedLaunchers } from './support/launch';
import { type StaticServer, serveDirectory } from './support/server';
import { useSession } from './support/session';

/**
 * Pages built to be heavy or hostile: a DOM that changes 10,000 times a second, 200,000
 * elements, 2,000 levels of nesting, DOM prototypes replaced by traps. The extension must keep
 * highlighting them without errors and without changing what they say. (How long its tasks
 * take is measured by `npm run bench`, not asserted here: these machines are shared.)
 */

const termsIn = (page: PageDriver, selector: string) =>
  page.evaluate(
    (sel) =>
      [...document.querySelectorAll(`${sel} [data-glossary-term]`)].map((m) => m.textContent),
    selector,
  );

describe.each(BROWSERS)('%s on heavy pages', (name) => {
  const session = useSession(grantedLaunchers[name]);
  const url = (file: string) => session.url(`heavy/${file}`);

  it('keeps up with a page that changes its DOM 10,000 times a second', async () => {
    const page = await session.browser.open(url('mutations.html'));
    await page.waitFor(() => document.querySelector('#static [data-glossary-term]'));
    // New paragraphs keep arriving; the extension highlights them as they come.
    await page.waitFor(() => document.querySelector('#churn [data-glossary-term]'));
    await new Promise((r) => setTimeout(r, 3000));
    const state = await page.evaluate(() => {
      const w = window as unknown as { mutations: number; pageErrors: number; model: string[] };
      const churn = document.querySelector('#churn') as HTMLElement;
      return {
        mutations: w.mutations,
        pageErrors: w.pageErrors,
        // Read in one go, between two of the page's bursts: the page's own record of what each
        // paragraph says, and what the paragraphs say with the highlights in them.
        sameText:
          JSON.stringify([...churn.children].map((p) => p.textContent)) === JSON.stringify(w.model),
      };
    });
    expect(state.pageErrors).toBe(0);
    expect(state.sameText).toBe(true);
    expect(state.mutations).toBeGreaterThan(1000);
    // ("Responsible AI" is shown once, in the paragraph above: the calm density.)
    expect(await termsIn(page, '#static')).toEqual(['fairness', 'transparency', 'DPIA', 'privacy']);
    expect(page.errors()).toEqual([]);
    await page.close();
  });

  it('highlights to the very end of a page of 200,000 elements', async () => {
    const page = await session.browser.open(url('many-elements.html'));
    expect(
      await page.evaluate(() => (window as unknown as { elements: number }).elements),
    ).toBeGreaterThan(200_000);
    await page.waitFor(() => document.querySelector('#last [data-glossary-term]'), 60_000);
    expect(await termsIn(page, '#last')).toEqual(['data governance']);
    // The calm density marks each term once: the five sprinkled terms and the last one.
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll('[data-glossary-term]')].map((m) => m.textContent?.trim()),
      ),
    ).toEqual([
      'model explainability',
      'data ethics',
      'AI governance',
      'responsible AI',
      'bias mitigation',
      'data governance',
    ]);
    expect(page.errors()).toEqual([]);
    await page.close();
  });

  it('reaches a term nested 2,000 levels deep', async () => {
    const page = await session.browser.open(url('deep.html'));
    expect(
      await page.evaluate(() => (window as unknown as { depth: number }).depth),
    ).toBeGreaterThan(4000);
    await page.waitFor(() => document.querySelector('#deepest [data-glossary-term]'), 30_000);
    expect(await termsIn(page, '#deepest')).toEqual(['algorithmic accountability']);
    expect(await termsIn(page, '#top')).toEqual(['Model explainability']);
    expect(page.errors()).toEqual([]);
    await page.close();
  });

  it('works untouched by a page that replaces DOM methods with traps', async () => {
    const page = await session.browser.open(url('prototypes.html'));
    await page.waitFor(() => document.querySelector('[data-glossary-term]'));
    expect(await termsIn(page, '#text')).toEqual(['Privacy', 'accountability']);
    await page.hover('[data-glossary-term="privacy"]');
    await until(async () => (await page.readTooltip())?.text.includes('Privacy'), 'the tooltip');
    // The extension runs in its own world: not one of the page's traps was ever called by it.
    const calls = await page.evaluate(() => (window as unknown as { calls: object }).calls);
    for (const method of [
      'splitText',
      'createTreeWalker',
      'createElement',
      'closest',
      'checkVisibility',
      'attachShadow',
      'appendData',
      'data',
      'setAttribute',
    ]) {
      expect(calls, method).not.toHaveProperty(method);
    }
    expect(page.errors()).toEqual([]);
    await page.close();
  });
});

describe('chromium memory on a page that never stops changing', () => {
  const session = useSession(grantedLaunchers.chromium);
  /** The same fixtures on a second address the extension was not granted: the control. */
  let control: StaticServer;
  beforeAll(async () => {
    control = await serveDirectory(join(ROOT, 'test/fixtures'), '127.0.0.2');
  });
  afterAll(() => control?.close());

  it('holds no more memory than the page itself after 60 s, past what the engine compiles once (256 KB, or 10% of the page)', async () => {
    const withExtension = await session.browser.open(session.url('heavy/mutations.html'));
    const without = await session.browser.open(`${control.origin}/heavy/mutations.html`);
    await withExtension.waitFor(() => document.querySelector('#churn [data-glossary-term]'));
    expect(await without.evaluate(() => document.querySelector('[data-glossary-term]'))).toBeNull();
    // The engine settles its compiled code and caches in the first seconds, and the background
    // goes idle after 30 s (the content script then closes its port and, once, compiles the
    // path that checks the extension is still there): measure after both.
    await new Promise((r) => setTimeout(r, 35_000));
    // Changes the extension has queued but not yet highlighted (up to 100 ms of 10,000 a
    // second) are held at any one instant: the least of three samples leaves them out.
    const settled = async (page: PageDriver) => {
      const samples: number[] = [];
      for (let i = 0; i < 3; i++) {
        samples.push((await page.heapUsed()) ?? 0);
        await new Promise((r) => setTimeout(r, 1_000));
      }
      return Math.min(...samples);
    };
    const start = [await settled(withExtension), await settled(without)];
    await new Promise((r) => setTimeout(r, 60_000));
    const end = [await settled(withExtension), await settled(without)];
    const [withStart = 0, withoutStart = 0] = start;
    const [withEnd = 0, withoutEnd = 0] = end;
    console.log(
      `Heap after 60 s of 10,000 changes a second: ${(withEnd / 1e6).toFixed(1)} MB with the extension ` +
        `(${((withEnd - withStart) / 1e6).toFixed(2)} MB grown), ${(withoutEnd / 1e6).toFixed(1)} MB ` +
        `without (${((withoutEnd - withoutStart) / 1e6).toFixed(2)} MB grown).`,
    );
    // The extension's code and glossary are a fixed cost paid once (about 1.2 MB, more than a
    // tenth of this tiny page); what it holds on to while the page works must not grow past
    // the page's own growth by more than 10% of the page, or by the code the engine compiles
    // once for paths first taken during the minute (up to 0.1 MB seen in one run of ten):
    // 256 KB in all. Anything kept per change (600,000 changes) passes that at half a byte.
    const allowance = Math.max(0.1 * withoutEnd, 256 * 1024);
    expect(withEnd - withStart).toBeLessThanOrEqual(withoutEnd - withoutStart + allowance);
    await withExtension.close();
    await without.close();
  }, 180_000);
});
