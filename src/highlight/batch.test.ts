import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createChangeBatch, MAX_BACKOFF_MS } from './batch';

const DELAY = 100;

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<p id="ticker">Bias 0</p><p id="article">Fairness.</p>';
});
afterEach(() => {
  vi.useRealTimers();
});

/** How many times each element was handed out to be scanned. */
function counting() {
  const scans = new Map<string, number>();
  const batch = createChangeBatch(DELAY, ({ roots }) => {
    for (const root of roots) {
      const id = (root as Element).id;
      scans.set(id, (scans.get(id) ?? 0) + 1);
    }
  });
  return { batch, scans };
}

describe('changes gathered into batches', () => {
  it('scans a burst of changes once, shortly after', async () => {
    const { batch, scans } = counting();
    const article = document.querySelector('#article') as Element;
    for (let i = 0; i < 10; i++) {
      batch.add([article.firstChild as Text]);
    }
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(scans.get('article')).toBe(1);
  });

  it('backs off from a node that changes every 100 ms, and still scans the rest promptly', async () => {
    const { batch, scans } = counting();
    const ticker = document.querySelector('#ticker') as Element;
    const text = ticker.firstChild as Text;
    // Ten seconds of a ticker: 100 changes.
    for (let i = 1; i <= 100; i++) {
      text.data = `Bias ${i}`;
      batch.add([text]);
      await vi.advanceTimersByTimeAsync(100);
    }
    const tickerScans = scans.get('ticker') ?? 0;
    // Three free rescans, then 200, 400, 800, 1600, 3200, 5000 ms apart: a dozen, not 100.
    expect(tickerScans).toBeGreaterThan(4);
    expect(tickerScans).toBeLessThanOrEqual(12);

    // Meanwhile, other text the page changes is scanned within the usual delay.
    const article = document.querySelector('#article') as Element;
    batch.add([article.firstChild as Text]);
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(scans.get('article')).toBe(1);

    // The ticker's last text is still scanned, once its wait is over.
    const before = scans.get('ticker') ?? 0;
    await vi.advanceTimersByTimeAsync(MAX_BACKOFF_MS);
    expect(scans.get('ticker')).toBe(before + 1);
  });

  it('backs off from a container whose content the page replaces every 100 ms', async () => {
    const handled: Node[][] = [];
    const batch = createChangeBatch(DELAY, ({ roots }) => handled.push(roots));
    const live = document.createElement('div');
    document.body.append(live);
    for (let i = 0; i < 100; i++) {
      live.innerHTML = '<p>Bias in a live score</p><p>and privacy too</p>';
      batch.add([...live.children]);
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(handled.length).toBeLessThanOrEqual(12);
    // Each time, the whole new content: both paragraphs together.
    expect(handled.every((roots) => roots.length === 2)).toBe(true);
  });

  it('starts afresh with a node that has been quiet for a while', async () => {
    const { batch, scans } = counting();
    const text = document.querySelector('#ticker')?.firstChild as Text;
    for (let i = 0; i < 30; i++) {
      batch.add([text]);
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(3 * MAX_BACKOFF_MS);
    const before = scans.get('ticker') ?? 0;
    batch.add([text]);
    await vi.advanceTimersByTimeAsync(DELAY);
    expect(scans.get('ticker')).toBe(before + 1);
  });

  it('leaves nothing to run after it is cleared', async () => {
    const { batch, scans } = counting();
    batch.add([document.querySelector('#article')?.firstChild as Text]);
    batch.clear();
    await vi.advanceTimersByTimeAsync(10 * MAX_BACKOFF_MS);
    expect(scans.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
