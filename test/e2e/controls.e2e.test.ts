import { describe, expect, it } from 'vitest';
import { badgeOf, openPopup, openPopupFor, tooltipOn, until } from './support/driver';
import { BROWSERS, grantedLaunchers } from './support/launch';
import { servedTextNodes, textNodes, useSession } from './support/session';

/**
 * The user's controls, driven as a user would: the popup's site switch, its list of the page's
 * terms and the toolbar count, the term of the day, search from the keyboard, and the options
 * page's list of paused sites and privacy panel.
 */

type Api = typeof import('webextension-polyfill');

describe.each(BROWSERS)('%s controls', (name) => {
  const session = useSession(grantedLaunchers[name]);
  const openArticle = async (file = 'tooltip.html') => {
    const page = await session.browser.open(session.url(file));
    await page.waitFor(() => document.querySelectorAll('[data-glossary-term]').length > 3);
    return page;
  };

  it('switches a site off and on from the popup, in every open tab of it, exactly', async () => {
    const first = await openArticle();
    const second = await openArticle('demo-article.html');
    const served = [await servedTextNodes(first), await servedTextNodes(second)];
    const popup = await openPopupFor(session.browser, first);
    await popup.waitFor(() => document.querySelector('.site-switch input'));
    expect(await popup.evaluate(() => document.querySelector('.site-switch')?.textContent)).toBe(
      'Highlight on 127.0.0.1',
    );
    await popup.click('.site-switch input');
    for (const page of [first, second]) {
      await page.waitFor(() => !document.querySelector('[data-glossary-term]'));
    }
    expect([await textNodes(first), await textNodes(second)]).toEqual(served);
    const options = await session.browser.openExtensionPage('src/options/index.html');
    await options.waitFor(() => document.querySelector('#paused-heading'));
    await options.waitFor(() =>
      document.querySelector('.sites')?.textContent?.includes('127.0.0.1'),
    );
    await options.close();

    await popup.click('.site-switch input');
    for (const page of [first, second]) {
      await page.waitFor(() => document.querySelectorAll('[data-glossary-term]').length > 3);
    }
    await popup.close();
    await first.close();
    await second.close();
  });

  it("lists the page's terms with counts, goes to one, and counts them on the toolbar", async () => {
    const page = await openArticle();
    await page.waitFor(() => document.querySelector('#notes [data-glossary-term="privacy"]'));
    const popup = await openPopupFor(session.browser, page);
    await popup.waitFor(() => document.querySelector('.on-page button'));
    const listed = await popup.evaluate(() =>
      [...document.querySelectorAll('.on-page button')].map((b) => b.textContent),
    );
    expect(listed).toEqual([
      'Bias ×1',
      'Artificial Intelligence ×1',
      'AI Ethics Officer ×1',
      'Data Protection Impact Assessment ×1',
      'Robustness ×1',
      'Privacy ×1',
    ]);
    await until(async () => (await badgeOf(session.browser, page)) === '6', 'the badge to say 6');

    const privacy = await popup.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.on-page button')].findIndex((b) =>
        b.textContent?.startsWith('Privacy'),
      ),
    );
    await popup.click(`.on-page li:nth-child(${privacy + 1}) button`);
    await page.bringToFront();
    await tooltipOn(page, 'Privacy');
    expect(
      await page.evaluate(() => document.activeElement?.getAttribute('data-glossary-term')),
    ).toBe('privacy');
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);
    await popup.close();

    // The count on the toolbar goes when the options say so, and comes back.
    const options = await session.browser.openExtensionPage('src/options/index.html');
    await options.waitFor(() => document.querySelector('.badge-switch input:not([disabled])'));
    await options.click('.badge-switch input');
    await until(async () => (await badgeOf(session.browser, page)) === '', 'the badge to go');
    await options.click('.badge-switch input');
    await until(async () => (await badgeOf(session.browser, page)) === '6', 'the badge back');
    await options.close();
    await page.close();
  });

  it("keeps the list of the page's terms up to date while the popup is open", async () => {
    const page = await openArticle();
    const popup = await openPopupFor(session.browser, page);
    await popup.waitFor(() => document.querySelector('.on-page button'));
    const listed = () =>
      popup.evaluate(() =>
        [...document.querySelectorAll('.on-page button')].map((b) => b.textContent),
      );
    expect(await listed()).not.toContain('Transparency ×1');
    // The page gains terms after the popup opened (a page highlighted only now, a feed growing).
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Transparency and accountability are owed to every customer.';
      document.querySelector('#notes')?.after(p);
    });
    await until(
      async () => (await listed()).includes('Transparency ×1'),
      'the popup to list the new term',
    );
    expect(await listed()).toContain('Accountability ×1');
    await popup.close();
    await page.close();
  });

  it('lets the term of the day be dismissed for the day', async () => {
    const popup = await openPopup(session.browser);
    await popup.waitFor(() => document.querySelector('.today .term-name'));
    await popup.click('.today-head button');
    await popup.waitFor(() => !document.querySelector('.today'));
    await popup.close();
    const again = await openPopup(session.browser);
    // Read from storage, all of it: only then does no term of the day mean dismissed.
    await again.waitFor(() =>
      document.querySelector('main[aria-busy="false"] .results .term-name'),
    );
    expect(await again.evaluate(() => document.querySelector('.today'))).toBeNull();
    const stored = await again.evaluate(() =>
      (globalThis as unknown as { chrome: Api }).chrome.storage.local.get('dismissedDay'),
    );
    const now = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(stored.dismissedDay).toBe(
      `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
    );
    await again.evaluate(() =>
      (globalThis as unknown as { chrome: Api }).chrome.storage.local.remove('dismissedDay'),
    );
    await again.close();
  });

  it('searches with typos, and goes through results with the arrow keys and Enter', async () => {
    const page = await openArticle();
    const popup = await openPopupFor(session.browser, page);
    await popup.waitFor(() => document.querySelector('.on-page button'));
    await popup.type('fairnes');
    await popup.waitFor(
      () => document.querySelector('.results .term-name')?.textContent === 'Fairness',
    );
    for (let i = 0; i < 'fairnes'.length; i++) {
      await popup.press('Backspace');
    }
    await popup.type('explainabilty');
    await popup.waitFor(
      () => document.querySelector('.results .term-name')?.textContent === 'Model Explainability',
    );
    for (let i = 0; i < 'explainabilty'.length; i++) {
      await popup.press('Backspace');
    }
    await popup.type('ai ethics officer');
    await popup.waitFor(
      () => document.querySelector('.results .term-name')?.textContent === 'AI Ethics Officer',
    );
    await popup.press('ArrowDown');
    expect(
      await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.termId),
    ).toBe('ai-ethics-officer');
    await popup.press('ArrowUp');
    expect(await popup.evaluate(() => document.activeElement?.localName)).toBe('input');
    await popup.press('ArrowDown');
    await popup.press('Enter');
    await page.bringToFront();
    await tooltipOn(page, 'AI Ethics Officer');
    await popup.close();
    await page.close();
  });

  it('opens on the text the context menu looks up', async () => {
    // "Look up in Ethical AI Glossary" on a selection opens the popup page with ?q=<selection>.
    const entry = await session.browser.openExtensionPage('src/popup/index.html?q=fairnes');
    await entry.waitFor(
      () => document.querySelector('.results .term-name')?.textContent === 'Fairness',
    );
    expect(
      await entry.evaluate(
        () => (document.querySelector('input[type="search"]') as HTMLInputElement).value,
      ),
    ).toBe('fairnes');
    await entry.close();
  });

  it('shows exactly what it stores, exports it as JSON and deletes it', async () => {
    const options = await session.browser.openExtensionPage('src/options/index.html');
    await options.waitFor(() => document.querySelector('input[name="density"]'));
    await options.click('input[name="density"][value="every"]');
    await options.waitFor(() =>
      document.querySelector('.stored')?.textContent?.includes('"every"'),
    );
    const shown = JSON.parse(
      (await options.evaluate(() => document.querySelector('.stored')?.textContent)) ?? '',
    );
    const stored = await options.evaluate(async () => ({
      sync: await (globalThis as unknown as { chrome: Api }).chrome.storage.sync.get(null),
      local: await (globalThis as unknown as { chrome: Api }).chrome.storage.local.get(null),
    }));
    expect(shown).toEqual(stored);

    // The export is a download of that JSON: read what the link hands the browser. (The
    // pages' CSP forbids even fetching a blob: the blob is read where it is made.)
    const exported = await options.evaluate(async () => {
      let file = '';
      let blob: Blob | null = null;
      const click = HTMLAnchorElement.prototype.click;
      const createObjectURL = URL.createObjectURL;
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        file = this.download;
      };
      URL.createObjectURL = (made: Blob | MediaSource) => {
        blob = made as Blob;
        return createObjectURL(made);
      };
      const button = [...document.querySelectorAll('button')].find(
        (b) => b.textContent === 'Export my data (JSON)',
      );
      button?.click();
      HTMLAnchorElement.prototype.click = click;
      URL.createObjectURL = createObjectURL;
      return { file, json: await (blob as Blob | null)?.text() };
    });
    expect(exported.file).toBe('ethical-ai-glossary-data.json');
    expect(JSON.parse(exported.json ?? '')).toEqual(stored);

    await options.evaluate(() =>
      [...document.querySelectorAll('button')]
        .find((b) => b.textContent === 'Delete my data')
        ?.click(),
    );
    await options.waitFor(
      () =>
        (document.querySelector('input[name="density"][value="first"]') as HTMLInputElement | null)
          ?.checked,
    );
    const after = await options.evaluate(async () => ({
      sync: await (globalThis as unknown as { chrome: Api }).chrome.storage.sync.get(null),
      local: await (globalThis as unknown as { chrome: Api }).chrome.storage.local.get(null),
    }));
    expect(after).toEqual({ sync: {}, local: {} });
    expect(
      await options.evaluate(() =>
        [...document.querySelectorAll('.shortcuts li')].map((l) => l.textContent),
      ),
    ).toEqual(
      expect.arrayContaining([
        expect.stringContaining('a PDF in the reader'),
        expect.stringContaining('Go to the next highlighted term and explain it'),
        expect.stringContaining('Go to the previous highlighted term and explain it'),
      ]),
    );
    await options.close();
  });

  it('keeps one spelling per paused site, refuses what is not a site, and never loses one', async () => {
    const options = await session.browser.openExtensionPage('src/options/index.html');
    await options.waitFor(() => document.querySelector('#paused-input'));
    const listed = () =>
      options.evaluate(() =>
        [...document.querySelectorAll('#paused-heading ~ .sites li span')].map(
          (s) => s.textContent,
        ),
      );
    const add = async (text: string) => {
      await options.evaluate(() => {
        const input = document.querySelector('#paused-input') as HTMLInputElement;
        input.focus();
        input.select();
      });
      await options.type(text);
      await options.press('Enter');
    };
    await add('Example.COM.');
    await options.waitFor(() => document.querySelector('#paused-heading ~ .sites'));
    expect(await listed()).toEqual(['example.com']);
    await add('example.com');
    await options.waitFor(() =>
      document
        .querySelector('#paused-heading ~ [role="alert"]')
        ?.textContent?.includes('already paused'),
    );
    await add('a..b');
    await options.waitFor(() =>
      document
        .querySelector('#paused-heading ~ [role="alert"]')
        ?.textContent?.includes('"a..b" is not a web site'),
    );
    expect(await listed()).toEqual(['example.com']);

    // A list as long as synced storage holds, stored as another device would have synced it.
    const full = await options.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: Api }).chrome;
      const sites: string[] = [];
      for (let i = 0; ; i += 1) {
        const next = [...sites, `site-${i}.example.org`];
        if ('pausedSites'.length + JSON.stringify(next).length > 8192) {
          break;
        }
        sites.push(next[next.length - 1] as string);
      }
      await chrome.storage.sync.set({ pausedSites: sites });
      return sites;
    });
    await until(
      async () => (await listed()).length === full.length,
      'the options page to list every synced site',
    );
    // The page said so before the list was full: room for no more.
    expect(
      await options.evaluate(
        () => document.querySelector('#paused-heading ~ p.muted')?.textContent,
      ),
    ).toContain('about 0 more sites');
    await add('one-more.example.org');
    await options.waitFor(() =>
      document.querySelector('#paused-heading ~ [role="alert"]')?.textContent?.includes('is full'),
    );
    const stored = await options.evaluate(
      async () =>
        (await (globalThis as unknown as { chrome: Api }).chrome.storage.sync.get('pausedSites'))
          .pausedSites,
    );
    expect(stored).toEqual(full);
    expect(await listed()).toEqual(full);
    await options.evaluate(() =>
      (globalThis as unknown as { chrome: Api }).chrome.storage.sync.remove('pausedSites'),
    );
    await options.close();
  });

  it('puts a control back and says why when the browser refuses to store the change', async () => {
    const options = await session.browser.openExtensionPage('src/options/index.html');
    await options.waitFor(() => document.querySelector('.badge-switch input:not([disabled])'));
    // Synced storage filled to the last byte, as other extensions' data or a long history can.
    await options.evaluate(async () => {
      const sync = (globalThis as unknown as { chrome: Api }).chrome.storage.sync;
      const fits = (item: Record<string, string>) =>
        sync.set(item).then(
          () => true,
          () => false,
        );
      let i = 0;
      while (await fits({ [`filler${i}`]: 'x'.repeat(8000) })) {
        i += 1;
      }
      // The rest, found by halving: the longest last item that still fits.
      let low = 0;
      let high = 8000;
      while (low < high) {
        const mid = Math.ceil((low + high) / 2);
        if (await fits({ [`filler${i}`]: 'x'.repeat(mid) })) {
          low = mid;
        } else {
          high = mid - 1;
        }
      }
      await sync.set({ [`filler${i}`]: 'x'.repeat(low) });
    });
    const box = () =>
      options.evaluate(
        () => (document.querySelector('.badge-switch input') as HTMLInputElement).checked,
      );
    expect(await box()).toBe(true);
    await options.click('.badge-switch input');
    await options.waitFor(() =>
      document
        .querySelector('.badge-switch + [role="alert"]')
        ?.textContent?.includes('storage for synced settings is full'),
    );
    expect(await box()).toBe(true);
    const { badge, fillers } = await options.evaluate(async () => {
      const sync = (globalThis as unknown as { chrome: Api }).chrome.storage.sync;
      const all = await sync.get(null);
      const fillers = Object.keys(all).filter((k) => k.startsWith('filler'));
      await sync.remove(fillers);
      return { badge: all.badge, fillers: fillers.length };
    });
    expect(fillers).toBeGreaterThan(10);
    expect(badge).toBeUndefined();
    // With room again, the same click is stored and the notice goes.
    await options.click('.badge-switch input');
    await options.waitFor(() => !document.querySelector('.badge-switch + [role="alert"]'));
    expect(await box()).toBe(false);
    await options.click('.badge-switch input');
    await options.waitFor(
      () => (document.querySelector('.badge-switch input') as HTMLInputElement).checked,
    );
    await options.close();
  });
});
