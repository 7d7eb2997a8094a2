import { afterEach, describe, expect, it, vi } from 'vitest';
import { tooltipUiLoader, UI_RECEIVER } from './loader';
import { type TooltipUi, tooltipUi } from './ui';

const scope = globalThis as Record<string, unknown>;

/** What the background does on request: runs the UI's script, which calls the receiver. */
const injects = () =>
  vi.fn(async () => {
    (scope[UI_RECEIVER] as (ui: TooltipUi) => void)(tooltipUi);
  });

afterEach(() => {
  delete scope[UI_RECEIVER];
});

describe('the tooltip UI loader', () => {
  it('asks for the UI once, however many tooltips want it at the same time', async () => {
    const request = injects();
    const load = tooltipUiLoader(request);
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(tooltipUi);
    expect(b).toBe(tooltipUi);
    expect(await load()).toBe(tooltipUi);
    expect(request).toHaveBeenCalledTimes(1);
    // Nothing is left in the world's global scope once the UI is here.
    expect(scope[UI_RECEIVER]).toBeUndefined();
  });

  it('gives null when the request fails, and asks again next time', async () => {
    const request = vi.fn().mockRejectedValueOnce(new Error('Extension context invalidated.'));
    const load = tooltipUiLoader(request);
    expect(await load()).toBeNull();
    request.mockImplementation(injects());
    expect(await load()).toBe(tooltipUi);
    expect(request).toHaveBeenCalledTimes(2);
  });

  it('gives null when the script ran but handed nothing over (the frame could not be reached)', async () => {
    const load = tooltipUiLoader(async () => false);
    expect(await load()).toBeNull();
  });

  it('the injected script hands the UI only to a receiver that is a function', async () => {
    // What a page element named like the receiver would look like from the isolated world.
    scope[UI_RECEIVER] = document.createElement('div');
    vi.resetModules();
    await expect(import('./bundle')).resolves.toBeDefined();
    const receiver = vi.fn();
    scope[UI_RECEIVER] = receiver;
    vi.resetModules();
    await import('./bundle');
    expect(receiver).toHaveBeenCalledTimes(1);
    expect(Object.keys(receiver.mock.calls[0]?.[0] ?? {}).sort()).toEqual(
      ['clearCard', 'followTerm', 'renderCard'].sort(),
    );
  });
});
