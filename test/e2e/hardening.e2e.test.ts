import { describe, expect, it } from 'vitest';
import { expectCourseDefinition } from '../support/course';
import { openPopup, type PageDriver, tooltipOn, until } from './support/driver';
import { BROWSERS, grantedLaunchers } from './support/launch';
import { servedTextNodes, textNodes, useSession } from './support/session';

/** Pages written to break the extension, and the extension switched off and on under them. */

const marks = (page: PageDriver) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-glossary-term]')].map((m) => m.textContent),
  );

const hostCount = (page: PageDriver) =>
  page.evaluate(() => document.querySelectorAll('[data-eaig-tooltip]').length);

// Run in the page, where each is serialised on its own: a highlight shows when our
// stylesheet applies to it.
const visibleHighlights = () =>
  [...document.querySelectorAll('[data-glossary-term]')].some(
    (m) => getComputedStyle(m).textDecorationStyle === 'dotted',
  );
const noVisibleHighlights = () =>
  ![...document.querySelectorAll('[data-glossary-term]')].some(
    (m) => getComputedStyle(m).textDecorationStyle === 'dotted',
  );

async function openTooltip(page: PageDriver, selector: string, expected: string) {
  await page.waitFor(() => document.querySelector('[data-glossary-term]'));
  await page.hover(selector);
  await until(
    async () => (await page.readTooltip())?.text.includes(expected),
    `tooltip ${expected}`,
  );
  const tip = await page.readTooltip();
  if (!tip) {
    throw new Error('no tooltip');
  }
  return tip;
}

describe.each(BROWSERS)('%s on hostile pages', (name) => {
  const session = useSession(grantedLaunchers[name]);
  const url = (file: string) => session.url(file);

  it('keeps its look on a page whose CSP forbids every style and script', async () => {
    const page = await session.browser.open(url('hostile/strict-csp.html'));
    await page.waitFor(() => document.querySelector('[data-glossary-term="bias"]'));
    expect(
      await page.evaluate(
        () =>
          getComputedStyle(document.querySelector('[data-glossary-term]') as Element)
            .textDecorationStyle,
      ),
    ).toBe('dotted');
    const tip = await openTooltip(page, '[data-glossary-term="bias"]', 'Bias');
    expectCourseDefinition(tip.definition, 'Bias');
    expect(tip.radius).toBe('8px');
    await page.close();
  });

  it('shows the tooltip above an open modal dialog and the largest z-index', async () => {
    const page = await session.browser.open(url('hostile/modal-dialog.html'));
    const tip = await openTooltip(page, '#in-dialog [data-glossary-term="fairness"]', 'Fairness');
    const onTop = await page.evaluate((r) => {
      const x = (r.left + r.right) / 2;
      const y = (r.top + r.bottom) / 2;
      return document.elementFromPoint(x, y)?.hasAttribute('data-eaig-tooltip');
    }, tip.rect);
    expect(onTop).toBe(true);
    expect(tip.radius).toBe('8px');
    await page.close();
  });

  it('starts, and explains the right term, on a page that poses as the extension', async () => {
    const page = await session.browser.open(url('hostile/impostors.html'));
    // Elements named __ethicalAiGlossary, browser and chrome did not keep it out.
    await page.waitFor(() => (window as unknown as { relabelled?: boolean }).relabelled);
    const text = '#text [data-glossary-term]';
    // The page relabelled the highlight of bias: the tooltip still explains bias.
    await page.hover(text);
    const tip = await tooltipOn(page, 'Bias');
    expectCourseDefinition(tip.definition, 'Bias');
    expect(
      await page.evaluate(() => (window as unknown as { ranOnOurHost: number }).ranOnOurHost),
    ).toBe(0);
    // Closed, the host holds nothing: showing it from the page shows an empty box.
    await page.press('Escape');
    await page.moveTo(1, 1);
    await until(async () => (await page.readTooltip()) === null, 'the tooltip closed');
    const shown = await page.evaluate(() => {
      const host = document.querySelector('[data-eaig-tooltip]') as HTMLElement;
      host.showPopover();
      const { width, height } = host.getBoundingClientRect();
      return { open: host.matches(':popover-open'), area: width * height };
    });
    expect(shown).toEqual({ open: true, area: 0 });
    // Open, and no card in it to read.
    expect(await page.readTooltip()).toBeNull();
    expect(page.errors()).toEqual([]);
    await page.close();
  });

  it('ignores forged events and messages, and still answers the real pointer', async () => {
    const page = await session.browser.open(url('hostile/synthetic-events.html'));
    await page.waitFor(() => (window as unknown as { forged: number }).forged > 20);
    expect(await page.readTooltip()).toBeNull();
    expect(await hostCount(page)).toBe(0);
    await openTooltip(page, '[data-glossary-term="privacy"]', 'Privacy');
    // Forged Escape keys keep arriving; a real pointer resting on the term keeps it open.
    const forged = () => page.evaluate(() => (window as unknown as { forged: number }).forged);
    const before = await forged();
    await until(async () => (await forged()) > before + 10, 'ten more forged events');
    expect((await page.readTooltip())?.text).toContain('Privacy');
    expect(await page.evaluate(() => Object.hasOwn(Object.prototype, 'polluted'))).toBe(false);
    await page.close();
  });

  it('leaves rich editors, editable regions and opted-out regions alone', async () => {
    const page = await session.browser.open(url('hostile/editors.html'));
    await page.waitFor(() => document.querySelector('[data-glossary-term]'));
    expect(await marks(page)).toEqual(['data ethics']);
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll('[data-glossary-term]')].every((m) => m.closest('#plain')),
      ),
    ).toBe(true);
    await page.close();
  });

  it("never touches the page's own marks and gives back its very text nodes", async () => {
    const page = await session.browser.open(url('hostile/own-marks.html'));
    await page.waitFor(() => document.querySelector('#split [data-glossary-term]'));
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll('mark:not([data-glossary-term])')].map((m) => m.outerHTML),
      ),
    ).toEqual(['<mark class="page-own">bias</mark>', '<mark>AI governance</mark>']);
    const popup = await openPopup(session.browser);
    await popup.click('.switch input');
    await page.waitFor(() => !document.querySelector('[data-glossary-term]'));
    const restored = await page.evaluate(() => {
      const kept = (window as unknown as { pageTextNodes: Array<[Text, string]> }).pageTextNodes;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const live: Node[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        live.push(n);
      }
      return {
        sameNodes: live.length === kept.length && live.every((n, i) => n === kept[i]?.[0]),
        sameText: kept.every(([n, data]) => n.data === data),
      };
    });
    expect(restored).toEqual({ sameNodes: true, sameText: true });
    await popup.click('.switch input');
    await page.waitFor(() => document.querySelector('[data-glossary-term]'));
    await popup.close();
    await page.close();
  });

  it('repairs a corrupt stored setting instead of breaking the popup', async () => {
    const popup = await openPopup(session.browser);
    await popup.evaluate(() => {
      const api = (globalThis as unknown as { chrome: typeof import('webextension-polyfill') })
        .chrome;
      return api.storage.sync.set({
        enabled: '<img src=x onerror=alert(1)>',
        siteAccess: { __proto__: { all: true } },
        pausedSites: ['paused.example', 'a..b', 'Example.COM.'],
      });
    });
    await popup.close();
    const again = await openPopup(session.browser);
    await again.waitFor(() => {
      const box = document.querySelector('.switch input') as HTMLInputElement | null;
      return box && !box.disabled;
    });
    expect(
      await again.evaluate(
        () => (document.querySelector('.switch input') as HTMLInputElement).checked,
      ),
    ).toBe(true);
    expect(await again.evaluate(() => document.querySelector('img'))).toBeNull();
    const stored = await again.evaluate(() =>
      (
        globalThis as unknown as { chrome: typeof import('webextension-polyfill') }
      ).chrome.storage.sync.get(null),
    );
    // The unreadable site alone is dropped; the others are kept, in their one spelling.
    expect(stored).toEqual({
      enabled: true,
      siteAccess: 'click',
      pausedSites: ['paused.example', 'example.com'],
      settingsVersion: 1,
    });
    // And says so, until the user has read it.
    await again.waitFor(() =>
      document
        .querySelector('.repair-notice')
        ?.textContent?.includes('where the extension may read pages'),
    );
    expect(
      await again.evaluate(() => document.querySelector('.repair-notice')?.textContent),
    ).toContain('highlighting on or off');
    expect(
      await again.evaluate(() => document.querySelector('.repair-notice')?.textContent),
    ).toContain('taken off it (the rest is kept): a..b.');
    await again.click('.repair-notice button');
    await again.waitFor(() => !document.querySelector('.repair-notice'));
    await again.close();
    const later = await openPopup(session.browser);
    // Read from storage, all of it: only then does no notice mean none to give.
    await later.waitFor(() => document.querySelector('main[aria-busy="false"] .switch input'));
    expect(await later.evaluate(() => document.querySelector('.repair-notice'))).toBeNull();
    await later.close();
  });

  it('cleans up when the extension is disabled, and 50 cycles leave nothing behind', async () => {
    const page = await session.browser.open(url('demo-article.html'));
    await page.waitFor(visibleHighlights);
    const highlighted = await textNodes(page);
    const listeners = await page.extensionListeners();
    await openTooltip(page, '#intro [data-glossary-term="bias"]', 'Bias');
    await page.hover('h1');
    await until(async () => (await page.readTooltip()) === null, 'the tooltip to close');
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees
    const text = await page.evaluate(() => document.body.innerText);

    await session.browser.setEnabled(false);
    await page.waitFor(noVisibleHighlights);
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees
    expect(await page.evaluate(() => document.body.innerText)).toBe(text);
    if (name === 'chromium') {
      // Chromium tells the content script (its port closes, its context dies): it restores the
      // page's own text nodes and removes every listener.
      await page.waitFor(
        () => !document.querySelector('[data-glossary-term], [data-eaig-tooltip]'),
      );
      expect(await textNodes(page)).toEqual(await servedTextNodes(page));
      expect(await page.extensionListeners()).toBe(0);
    }
    // Firefox ends a disabled extension's scripts without a word and removes its stylesheet:
    // the elements left behind show nothing, and the next run cleans them up.

    for (let cycle = 0; cycle < 50; cycle++) {
      await session.browser.setEnabled(true);
      await page.waitFor(visibleHighlights);
      await session.browser.setEnabled(false);
      await page.waitFor(noVisibleHighlights);
    }
    await session.browser.setEnabled(true);
    await page.waitFor(visibleHighlights);
    expect(await textNodes(page)).toEqual(highlighted);
    expect(await hostCount(page)).toBeLessThanOrEqual(1);
    if (listeners === null) {
      // What the test can do instead: the highlights and the tooltip host above, and the
      // content script's own teardown (src/content/content-script.test.ts).
      console.warn(
        'SKIPPED in firefox: counting the listeners 50 disable/enable cycles leave on the page: ' +
          "Firefox shows a driver no page's listeners (WebDriver BiDi has no such command, and " +
          'its devtools protocol is gone).',
      );
    } else {
      expect(await page.extensionListeners()).toBe(listeners);
    }

    // The run that is alive now owns every highlight on the page: switching off removes all.
    const popup = await openPopup(session.browser);
    await popup.click('.switch input');
    await page.waitFor(() => !document.querySelector('[data-glossary-term]'));
    expect(await textNodes(page)).toEqual(await servedTextNodes(page));
    await popup.click('.switch input');
    await popup.close();
    await page.close();
  }, 400_000);
});
