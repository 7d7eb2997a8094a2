/**
 * The term of the day: the same for everyone on a given calendar date, changing at local
 * midnight, and going through every term once per cycle before any repeats. Pure: the date is
 * an argument, so tests can walk through years in milliseconds.
 */

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for the *local* calendar date of `date`. */
export function localDayNumber(date: Date): number {
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY_MS);
}

/** A small seeded generator (mulberry32): the same seed gives everyone the same order. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The order of the ids in one cycle: a Fisher-Yates shuffle seeded by the cycle number. */
function cycleOrder(ids: readonly string[], cycle: number): string[] {
  const order = [...ids].sort();
  const random = seededRandom(cycle * 2_654_435_761);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as string, order[i] as string];
  }
  return order;
}

function orderFor(ids: readonly string[], cycle: number): string[] {
  const order = cycleOrder(ids, cycle);
  // The last day of one cycle and the first of the next must not show the same term.
  const previous = cycleOrder(ids, cycle - 1);
  if (order.length > 1 && order[0] === previous[previous.length - 1]) {
    [order[0], order[1]] = [order[1] as string, order[0] as string];
  }
  return order;
}

/** The id of the term of the day for `date` among `ids`. */
export function termOfTheDay(ids: readonly string[], date: Date): string {
  if (!ids.length) {
    throw new Error('termOfTheDay needs at least one term');
  }
  const day = localDayNumber(date);
  const cycle = Math.floor(day / ids.length);
  const index = day - cycle * ids.length;
  return orderFor(ids, cycle)[index] as string;
}

/** Milliseconds from `date` to the next local midnight, when the term changes. */
export function msUntilNextLocalMidnight(date: Date): number {
  const next = new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1);
  return next.getTime() - date.getTime();
}

/** The local calendar date as YYYY-MM-DD: what "dismissed for today" is keyed on. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
