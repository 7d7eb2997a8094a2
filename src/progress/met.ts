import { isTermId } from './known';

/**
 * The terms the reader met while reading: a term counts as met when its tooltip was read
 * (pinned, reached from the keyboard, or hovered long enough to read), once per page a day.
 * Kept on this device only (storage.local, key `met`): term id -> [times met, first day, last
 * day]. Where a term was met (page title and address) is reading history: kept only when the
 * user asks for it (`whereMet` setting), in `metWhere`, the last few places per term.
 */

export const MET_KEY = 'met';
export const WHERE_KEY = 'metWhere';
/** Places remembered per term: enough for "you met this in ...", never a browsing log. */
export const PLACES_KEPT = 3;

export interface MetRecord {
  readonly count: number;
  readonly first: number;
  readonly last: number;
}

export interface Place {
  readonly title: string;
  readonly url: string;
  readonly day: number;
}

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) > 0;
const isDayNumber = (v: unknown): v is number =>
  Number.isInteger(v) && (v as number) > 0 && (v as number) < 200_000;

/** What was read, and the records dropped as unreadable (said as text, cut short). */
export interface Read<T> {
  readonly records: Map<string, T>;
  readonly dropped: string[];
}

const said = (id: string, value: unknown) =>
  `${id}: ${JSON.stringify(value) ?? String(value)}`.slice(0, 80);

function readRecords<T>(value: unknown, parse: (v: unknown) => T | null): Read<T> {
  const records = new Map<string, T>();
  const dropped: string[] = [];
  if (value === undefined) {
    return { records, dropped };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { records, dropped: [said('met', value)] };
  }
  for (const [id, entry] of Object.entries(value)) {
    const parsed = isTermId(id) ? parse(entry) : null;
    if (parsed === null) {
      dropped.push(said(id, entry));
    } else {
      records.set(id, parsed);
    }
  }
  return { records, dropped };
}

export function readMet(value: unknown): Read<MetRecord> {
  return readRecords(value, (entry) => {
    if (!Array.isArray(entry) || entry.length !== 3) {
      return null;
    }
    const [count, first, last] = entry as unknown[];
    return isCount(count) && isDayNumber(first) && isDayNumber(last) && first <= last
      ? { count, first, last }
      : null;
  });
}

/** An address worth keeping: a web page's, without what follows `#`. */
export function placeUrl(href: string): string | null {
  try {
    const url = new URL(href);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return null;
    }
    url.hash = '';
    return url.href.slice(0, 500);
  } catch {
    return null;
  }
}

/** A place as stored: a title, a web page's address as placeUrl gives it, and a day. */
export const isPlace = (p: unknown): p is Place => {
  const place = p as Partial<Record<keyof Place, unknown>> | null;
  return (
    typeof place?.title === 'string' &&
    typeof place.url === 'string' &&
    placeUrl(place.url) === place.url &&
    isDayNumber(place.day)
  );
};

export function readPlaces(value: unknown): Read<Place[]> {
  return readRecords(value, (entry) => {
    if (!Array.isArray(entry)) {
      return null;
    }
    const places = entry.filter(isPlace);
    return places.length === entry.length ? places.slice(-PLACES_KEPT) : null;
  });
}

/** `met` with `termId` met once more, on `day`. */
export function withMet(
  met: ReadonlyMap<string, MetRecord>,
  termId: string,
  day: number,
): Map<string, MetRecord> {
  const next = new Map(met);
  const before = met.get(termId);
  next.set(
    termId,
    before
      ? { count: before.count + 1, first: before.first, last: Math.max(before.last, day) }
      : { count: 1, first: day, last: day },
  );
  return next;
}

/** `places` with `place` added for `termId`, the same address once, the last few kept. */
export function withPlace(
  places: ReadonlyMap<string, readonly Place[]>,
  termId: string,
  place: Place,
): Map<string, Place[]> {
  const next = new Map([...places].map(([id, list]) => [id, [...list]]));
  const list = (next.get(termId) ?? []).filter((p) => p.url !== place.url);
  list.push({ title: place.title.slice(0, 200), url: place.url, day: place.day });
  next.set(termId, list.slice(-PLACES_KEPT));
  return next;
}

export const metValue = (met: ReadonlyMap<string, MetRecord>) =>
  Object.fromEntries([...met].map(([id, r]) => [id, [r.count, r.first, r.last]]));
