import { vi } from 'vitest';

/** With fake timers: runs the clock until the work behind `promise` (timers, slices) is done. */
export async function finish<T>(promise: Promise<T>): Promise<T> {
  await vi.runAllTimersAsync();
  return promise;
}
