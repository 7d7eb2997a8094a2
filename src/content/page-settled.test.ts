import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDLE_WAIT_MS, LOAD_WAIT_MS, whenPageSettled } from './page-settled';

/** Whether the promise has settled once every timer due by now has run. */
async function settledAfter(promise: Promise<void>, ms: number): Promise<boolean> {
  let settled = false;
  void promise.then(() => {
    settled = true;
  });
  await vi.advanceTimersByTimeAsync(ms);
  return settled;
}

describe('whenPageSettled', () => {
  let readyState: DocumentReadyState;
  beforeEach(() => {
    vi.useFakeTimers();
    readyState = 'interactive';
    vi.spyOn(document, 'readyState', 'get').mockImplementation(() => readyState);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('waits for the load event while the page is still loading its scripts', async () => {
    const settled = whenPageSettled(new AbortController().signal);
    expect(await settledAfter(settled, LOAD_WAIT_MS - 100)).toBe(false);
    readyState = 'complete';
    window.dispatchEvent(new Event('load'));
    expect(await settledAfter(settled, IDLE_WAIT_MS)).toBe(true);
  });

  it('goes ahead without it when the load event never comes', async () => {
    const settled = whenPageSettled(new AbortController().signal);
    expect(await settledAfter(settled, LOAD_WAIT_MS + IDLE_WAIT_MS)).toBe(true);
  });

  it('needs no load event on a page that has loaded already', async () => {
    readyState = 'complete';
    expect(await settledAfter(whenPageSettled(new AbortController().signal), IDLE_WAIT_MS)).toBe(
      true,
    );
  });

  it('never goes ahead once highlighting is switched off', async () => {
    const stop = new AbortController();
    const settled = whenPageSettled(stop.signal);
    stop.abort();
    window.dispatchEvent(new Event('load'));
    expect(await settledAfter(settled, LOAD_WAIT_MS * 2)).toBe(false);
  });
});
