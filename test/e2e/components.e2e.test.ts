import { describe, expect, it } from 'vitest';
import { openPopupFor, until } from './support/driver';
import { BROWSERS, grantedLaunchers } from './support/launch';
import { useSession } from './support/session';

/** Text the page puts where the document's tree does not reach: shadow roots and frames. */

describe.each(BROWSERS)('%s on web components and frames', (name) => {
  const session = useSession(grantedLaunchers[name]);
  /** components.html with a frame from another site (#other-site) added to it. */
  const openWithOtherSiteFrame = async () => {
    const page = await session.browser.open(session.url('components.html'));
    // The same server under another name: another site to the browser.
    const address = session.url('frame-inner.html').replace('127.0.0.1', 'localhost');
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.id = 'other-site';
      frame.title = 'A frame from another site';
      document.body.append(frame);
    }, address);
    return page;
  };

  it('highlights inside open shadow roots, with the highlight look, and follows re-renders', async () => {
    const page = await session.browser.open(session.url('components.html'));
    await page.waitFor(() =>
      document.querySelector('#card')?.shadowRoot?.querySelector('[data-glossary-term]'),
    );
    const inside = await page.evaluate(() => {
      const shadow = document.querySelector('#card')?.shadowRoot as ShadowRoot;
      const marks = [...shadow.querySelectorAll('[data-glossary-term]')];
      return {
        terms: marks.map((m) => m.textContent),
        dotted: marks.every((m) => getComputedStyle(m).textDecorationStyle === 'dotted'),
      };
    });
    expect(inside).toEqual({ terms: ['data ethics', 'bias mitigation'], dotted: true });
    // The component rewrites the text node it holds: the page reads what it wrote.
    await page.evaluate(() =>
      (document.querySelector('#card') as HTMLElement & { rerender(t: string): void }).rerender(
        'Inside a component: nothing to explain.',
      ),
    );
    await page.waitFor(
      () =>
        document.querySelector('#card')?.shadowRoot?.textContent ===
        'Inside a component: nothing to explain.',
    );
    expect(
      await page.evaluate(
        () =>
          document.querySelector('#card')?.shadowRoot?.querySelectorAll('[data-glossary-term]')
            .length,
      ),
    ).toBe(0);
    expect(page.errors()).toEqual([]);
    await page.close();
  });

  it('highlights inside a web component the page defines after it has loaded', async () => {
    const page = await session.browser.open(session.url('components.html'));
    await page.waitFor(
      () =>
        document.querySelector('#late')?.shadowRoot?.querySelector('[data-glossary-term]')
          ?.textContent === 'ethical dilemmas',
      5_000,
    );
    expect(page.errors()).toEqual([]);
    await page.close();
  });

  it('highlights inside frames of the same site, inline frames included', async () => {
    const page = await session.browser.open(session.url('components.html'));
    const frameTerms = (id: string) =>
      page.evaluate(
        (frameId) =>
          [
            ...((
              document.getElementById(frameId) as HTMLIFrameElement
            ).contentDocument?.querySelectorAll('[data-glossary-term]') ?? []),
          ].map((m) => m.textContent),
        id,
      );
    await page.waitFor(() =>
      (document.getElementById('same-origin') as HTMLIFrameElement).contentDocument?.querySelector(
        '[data-glossary-term]',
      ),
    );
    expect(await frameTerms('same-origin')).toEqual(['AI impact assessment']);
    await page.waitFor(() =>
      (document.getElementById('srcdoc') as HTMLIFrameElement).contentDocument?.querySelector(
        '[data-glossary-term]',
      ),
    );
    expect(await frameTerms('srcdoc')).toEqual(['model explainability']);
    expect(page.errors()).toEqual([]);
    await page.close();
  });

  it('explains terms inside frames: an inline frame and a frame from another site', async () => {
    const page = await openWithOtherSiteFrame();
    // Keys go to the focused frame of the page in front: other tabs of the session stay behind.
    await page.bringToFront();
    /** The centre of a term inside a frame, as the top page's coordinates. */
    const termInFrame = async (frameId: string, frameAddress: string) => {
      let inner: { x: number; y: number } | null = null;
      await until(async () => {
        inner = await page.evaluateInFrame(frameAddress, () => {
          // The first line box: a term that wraps has nothing of it at its box's centre.
          const r = document.querySelector('[data-glossary-term]')?.getClientRects()[0];
          return r ? { x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 } : null;
        });
        return inner;
      }, `a term in ${frameId}`);
      const at = inner as unknown as { x: number; y: number };
      const outer = await page.evaluate((id) => {
        const frame = document.getElementById(id) as HTMLIFrameElement;
        frame.scrollIntoView({ block: 'center' });
        const r = frame.getBoundingClientRect();
        return { x: r.left + frame.clientLeft, y: r.top + frame.clientTop };
      }, frameId);
      return [outer.x + at.x, outer.y + at.y] as const;
    };
    const tooltipShownIn = (frameAddress: string) =>
      page.evaluateInFrame(frameAddress, () => {
        const host = document.querySelector('[data-eaig-tooltip]');
        return Boolean(
          host?.matches(':popover-open') && getComputedStyle(host).visibility === 'visible',
        );
      });
    for (const [frameId, frameAddress] of [
      ['srcdoc', 'about:srcdoc'],
      ['other-site', 'localhost'],
    ] as const) {
      await page.clickAt(...(await termInFrame(frameId, frameAddress)));
      await until(() => tooltipShownIn(frameAddress), `the tooltip inside ${frameId}`);
      // Moving focus into the clicked frame is the browser's job, and headless Chromium does
      // not always do it for a driver's click (CI runs saw focus stay out): the frame takes
      // focus as the click gives it a reader, and the test waits until it has it.
      await page.evaluateInFrame(frameAddress, () => window.focus());
      await until(
        () => page.evaluateInFrame(frameAddress, () => document.hasFocus()),
        `keyboard focus inside ${frameId}`,
      );
      await page.press('Escape');
      await until(
        async () => (await tooltipShownIn(frameAddress)) === false,
        `the tooltip inside ${frameId} closed by Esc`,
      );
    }
    expect(page.errors()).toEqual([]);
    await page.close();
  });

  it("highlights a frame from another site, and pausing the page's site pauses it too", async () => {
    const page = await openWithOtherSiteFrame();
    const frameMarks = () =>
      page.evaluateInFrame(
        'localhost',
        () => document.querySelectorAll('[data-glossary-term]').length,
      );
    await until(async () => ((await frameMarks()) ?? 0) > 0, "the other site's frame highlighted");

    // The reader pauses the site they are on: the frames inside its pages go quiet with it.
    const popup = await openPopupFor(session.browser, page);
    await popup.waitFor(() => document.querySelector('.site-switch input'));
    await popup.click('.site-switch input');
    await until(async () => (await frameMarks()) === 0, 'the frame paused with its page');
    await popup.click('.site-switch input');
    await until(async () => ((await frameMarks()) ?? 0) > 0, 'the frame highlighted again');
    expect(page.errors()).toEqual([]);
    await popup.close();
    await page.close();
  });
});
