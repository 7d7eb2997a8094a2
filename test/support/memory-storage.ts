import { vi } from 'vitest';
import type { StorageApi } from '../../src/settings/storage';

/** A storage API holding `sync` and `local` in memory, as the browser's would. */
export function memoryStorage(
  sync: Record<string, unknown> = {},
  local: Record<string, unknown> = {},
) {
  const area = (data: Record<string, unknown>) => ({
    data,
    get: vi.fn(async (keys: string[] | null) =>
      Object.fromEntries(Object.entries(data).filter(([k]) => keys === null || keys.includes(k))),
    ),
    set: vi.fn(async (change: Record<string, unknown>) => {
      Object.assign(data, change);
    }),
    remove: vi.fn(async (keys: string | string[]) => {
      for (const key of [keys].flat()) {
        delete data[key];
      }
    }),
    clear: vi.fn(async () => {
      for (const key of Object.keys(data)) {
        delete data[key];
      }
    }),
  });
  const storage = {
    sync: area(sync),
    local: area(local),
    onChanged: { addListener: vi.fn(), removeListener: vi.fn() },
  };
  return { storage, api: storage as unknown as StorageApi };
}
