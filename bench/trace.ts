import type { Page } from 'playwright-core';

/** The value `q` of the way up the sorted values (0.5: the median); NaN for none. */
export const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? Number.NaN;
};

/** The middle value; NaN for none. */
export const median = (xs: readonly number[]) => quantile(xs, 0.5);

/** The fields of the browser's trace events the bench reads (timestamps in microseconds). */
export interface TraceEvent {
  name?: string;
  ph?: string;
  pid?: number;
  tid?: number;
  dur?: number;
  /** Time the event's thread ran (CPU), and the thread's clock at the event. */
  tdur?: number;
  tts?: number;
  args?: unknown;
}

/** Every event of `category` the browser traced while `work` ran in or on `page`. */
export async function traceWhile(
  page: Page,
  category: string,
  work: () => Promise<void>,
): Promise<TraceEvent[]> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as TraceEvent[])));
  const complete = new Promise<void>((resolve) =>
    cdp.once('Tracing.tracingComplete', () => resolve()),
  );
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: [category] } });
  try {
    await work();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
  }
  return events;
}
