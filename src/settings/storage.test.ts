import { describe, expect, it, vi } from 'vitest';
import { createStorage, type StorageApi } from './storage';

/** A storage API holding `sync` and `local` in memory, as the browser's would. */
function memoryStorage(sync: Record<string, unknown> = {}, local: Record<string, unknown> = {}) {
  const area = (data: Record<string, unknown>) => ({
    data,
    get: vi.fn(async (keys: string[] | null) =>
      Object.fromEntries(Object.entries(data).filter(([k]) => keys === null || keys.includes(k))),
    ),
    set: vi.fn(async (change: Record<string, unknown>) => {
      Object.assign(data, change);
    }),
  });
  const storage = {
    sync: area(sync),
    local: area(local),
    onChanged: { addListener: vi.fn(), removeListener: vi.fn() },
  };
  return { storage, api: storage as unknown as StorageApi };
}

describe('settings in the browser’s storage', () => {
  it('reads a fresh install as: no site read until chosen, each term once, underlined', async () => {
    const { api, storage } = memoryStorage();
    const settings = await createStorage(api).loadSettings();
    expect(settings.siteAccess).toBe('click');
    expect(settings.density).toBe('first');
    expect(settings.everydayWords).toBe('topic');
    expect(settings.highlightStyle).toBe('underline');
    // Reading writes nothing: defaults are not stored until the user changes something.
    expect(storage.sync.set).not.toHaveBeenCalled();
  });

  it('reads what the user stored', async () => {
    const { api } = memoryStorage({ density: 'every', enabled: false, pausedSites: ['a.org'] });
    const settings = await createStorage(api).loadSettings();
    expect(settings).toMatchObject({ density: 'every', enabled: false, pausedSites: ['a.org'] });
  });

  it('repairs a corrupt value, keeps the rest, and remembers which to tell the user', async () => {
    const { api, storage } = memoryStorage({ density: 'some', highlightStyle: 'background' });
    const store = createStorage(api);
    const settings = await store.loadSettings();
    expect(settings.density).toBe('first');
    expect(settings.highlightStyle).toBe('background');
    expect(storage.sync.data).toEqual({ density: 'first', highlightStyle: 'background' });
    expect((await store.loadLocalState()).repairedSettings).toEqual(['density']);
    // Read again: nothing left to repair, and the notice still waits for the user.
    await store.loadSettings();
    expect(storage.sync.set).toHaveBeenCalledTimes(1);
    expect((await store.loadLocalState()).repairedSettings).toEqual(['density']);
  });
});
