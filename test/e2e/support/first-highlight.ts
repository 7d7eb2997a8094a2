import type { PageDriver } from './driver';

/**
 * What the reader lives, recorded by the page itself from its first script on: when it was
 * parsed, when the first highlight came, and how many of its images had loaded by then. The
 * test server puts it at the top of every page it serves when asked (`probe`).
 */
export const FIRST_HIGHLIGHT_PROBE = `<script>
window.eaigFirstHighlight = new Promise((resolve) => {
  const observer = new MutationObserver(() => {
    if (document.querySelector('[data-glossary-term]')) {
      observer.disconnect();
      resolve({
        at: performance.now(),
        imagesLoaded: [...document.images].filter((img) => img.complete).length,
      });
    }
  });
  observer.observe(document, { childList: true, subtree: true });
});
window.eaigParsedAt = new Promise((resolve) =>
  document.addEventListener('DOMContentLoaded', () => resolve(performance.now())),
);
</script>`;

export interface FirstHighlight {
  /** From DOMContentLoaded to the first highlight on the page (ms; negative when before). */
  afterParsed: number;
  /** Images loaded when the first highlight came. */
  imagesLoaded: number;
  images: number;
  /** The first highlight came before the page's load event. */
  beforeLoad: boolean;
  /** From DOMContentLoaded to the load event (ms). */
  loadAfterParsed: number;
}

/** The probe's figures for `page`, once it has a highlight (waits up to `timeoutMs` for one). */
export function firstHighlight(page: PageDriver, timeoutMs = 15_000): Promise<FirstHighlight> {
  return page.evaluate(async (timeout) => {
    const w = window as unknown as {
      eaigParsedAt: Promise<number>;
      eaigFirstHighlight: Promise<{ at: number; imagesLoaded: number }>;
    };
    const never = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('No highlight came')), timeout),
    );
    const [parsedAt, first] = await Promise.race([
      Promise.all([w.eaigParsedAt, w.eaigFirstHighlight]),
      never,
    ]);
    // Its load event too: the figures compare the two.
    if (document.readyState !== 'complete') {
      await new Promise((resolve) => addEventListener('load', resolve, { once: true }));
    }
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      afterParsed: first.at - parsedAt,
      imagesLoaded: first.imagesLoaded,
      images: document.images.length,
      beforeLoad: first.at < nav.loadEventStart,
      loadAfterParsed: nav.loadEventStart - parsedAt,
    };
  }, timeoutMs);
}
