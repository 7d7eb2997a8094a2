import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExtensionApi } from '../platform/page-api';
import { startContentScript } from './content-script';

/**
 * The content script in jsdom with a fake extension API: what it sends and which timers it
 * leaves, before and after the extension goes away.
 */

const ARTICLE = `<article><p>Machine learning teams meet AI ethics and a data protection
  impact assessment; the AI governance framework asks for model explainability.</p></article>`;

function fakeApi() {
  const disconnects: Array<() => void> = [];
  const runtime = {
    id: 'test-extension' as string | undefined,
    getURL: (path: string) => `chrome-extension://test/${path}`,
    connect: () => ({
      onDisconnect: { addListener: (listener: () => void) => disconnects.push(listener) },
      disconnect: vi.fn(),
    }),
    sendMessage: vi.fn(async (_message: unknown) => null),
    onMessage: { addListener: vi.fn(), removeListener: vi.fn() },
  };
  const area = () => ({ get: async () => ({}), set: async () => undefined });
  const api = {
    runtime,
    storage: {
      sync: area(),
      local: area(),
      onChanged: { addListener: vi.fn(), removeListener: vi.fn() },
    },
    i18n: { getMessage: (key: string) => key },
  };
  return {
    api: api as unknown as ExtensionApi,
    runtime,
    storageListeners: api.storage.onChanged,
    /** What the browser does when the extension is disabled, updated or removed. */
    goAway() {
      runtime.id = undefined;
      for (const listener of disconnects) {
        listener();
      }
    },
  };
}

const marks = () => document.querySelectorAll('[data-glossary-term]').length;

const running: Array<{ shutDown(): void }> = [];
const start = (api: ExtensionApi, onShutDown: () => void = () => undefined) => {
  running.push(startContentScript(api, onShutDown));
};

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = ARTICLE;
});
afterEach(() => {
  // A script left running would go on watching the next test's page.
  for (const script of running.splice(0)) {
    script.shutDown();
  }
  vi.useRealTimers();
});

describe('the content script', () => {
  it('highlights the page and tells the badge, once the page has settled', async () => {
    const { api, runtime } = fakeApi();
    start(api);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(marks()).toBeGreaterThan(0);
    expect(runtime.sendMessage).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'terms-on-page' }),
    );
  });

  it('leaves nothing running once the extension is gone: no timer, no message, no listener', async () => {
    const { api, runtime, storageListeners, goAway } = fakeApi();
    const onShutDown = vi.fn();
    start(api, onShutDown);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(marks()).toBeGreaterThan(0);
    const sent = runtime.sendMessage.mock.calls.length;

    goAway();
    expect(onShutDown).toHaveBeenCalledTimes(1);
    // The page has its own text back, and nothing of ours is waiting to run.
    expect(marks()).toBe(0);
    expect(document.body.innerHTML).toBe(ARTICLE);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runtime.sendMessage.mock.calls.length).toBe(sent);
    expect(runtime.onMessage.removeListener).toHaveBeenCalledTimes(1);
    // Every storage listener it added (settings, known terms) is removed, and only those.
    const added = storageListeners.addListener.mock.calls.map(([listener]) => listener);
    const removed = storageListeners.removeListener.mock.calls.map(([listener]) => listener);
    expect(added.length).toBeGreaterThan(0);
    expect(new Set(removed)).toEqual(new Set(added));
  });

  it('leaves nothing running when it goes before the page has settled', async () => {
    const { api, runtime, goAway } = fakeApi();
    start(api);
    await vi.advanceTimersByTimeAsync(0);
    goAway();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(marks()).toBe(0);
    expect(runtime.sendMessage).not.toHaveBeenCalled();
  });
});
