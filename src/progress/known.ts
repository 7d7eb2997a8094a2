import { SYNC_ITEM_BYTES } from '../settings/settings';

/**
 * The terms the user marked as known, as storage.sync holds them: a map from term id to the day
 * it was marked (days since 1970-01-01, a short number), spread over items `known.0`,
 * `known.1` ... of at most 8 KB each, so a list of thousands of terms (user glossaries) fits the
 * per-item limit. Reading checks every record on its own: one that is unreadable is dropped
 * alone and named, the rest of the user's progress is kept.
 */

export const KNOWN_PREFIX = 'known.';

/** Term id -> the day (days since the epoch) it was marked known. */
export type KnownTerms = ReadonlyMap<string, number>;

/**
 * The share of storage.sync's 102,400 bytes the known list may take: the settings and what
 * comes later keep the rest. About 2,500 terms at 25 characters an id.
 */
export const KNOWN_BUDGET_BYTES = 65_536;

/** Term ids are the glossary's: lower-case words and digits joined by hyphens, or a path of them. */
const TERM_ID = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)?$/;
const MAX_ID_LENGTH = 100;
/** 2000-01-01 to 2200-01-01: anything else is not a day someone marked a term. */
const FIRST_DAY = 10_957;
const LAST_DAY = 84_006;

export function isTermId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_ID_LENGTH && TERM_ID.test(value);
}

/** The local day `date` falls on, as a day number. */
export function dayOf(date: Date): number {
  return Math.floor(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / 86_400_000);
}

export interface KnownRead {
  readonly known: Map<string, number>;
  /** Records that could not be read, said as text (cut short: a stored value can be anything). */
  readonly dropped: string[];
  /** Whether what was read differs from what is stored (a record dropped or a shard malformed). */
  readonly changed: boolean;
}

/** The known terms in storage.sync's `items` (everything else in them is ignored). */
export function readKnown(items: Readonly<Record<string, unknown>>): KnownRead {
  const known = new Map<string, number>();
  const dropped: string[] = [];
  let changed = false;
  const say = (text: string) => dropped.push(text.slice(0, 80));
  for (const key of Object.keys(items).filter(isKnownKey).sort(byShard)) {
    const shard = items[key];
    if (shard === null || typeof shard !== 'object' || Array.isArray(shard)) {
      say(`${key}: ${JSON.stringify(shard) ?? String(shard)}`);
      changed = true;
      continue;
    }
    for (const [id, day] of Object.entries(shard)) {
      if (!isTermId(id) || !isDay(day)) {
        say(`${id}: ${JSON.stringify(day) ?? String(day)}`);
        changed = true;
      } else if (known.has(id)) {
        changed = true;
      } else {
        known.set(id, day);
      }
    }
  }
  return { known, dropped, changed };
}

export function isKnownKey(key: string): boolean {
  return key.startsWith(KNOWN_PREFIX) && /^\d+$/.test(key.slice(KNOWN_PREFIX.length));
}

const byShard = (a: string, b: string) =>
  Number(a.slice(KNOWN_PREFIX.length)) - Number(b.slice(KNOWN_PREFIX.length));

function isDay(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= FIRST_DAY && (value as number) <= LAST_DAY;
}

const bytes = (text: string) => new TextEncoder().encode(text).length;

/**
 * `known` as storage.sync items, each within its per-item limit (key plus JSON value), in id
 * order so the same list always makes the same items.
 */
export function knownItems(known: KnownTerms): Record<string, Record<string, number>> {
  const items: Record<string, Record<string, number>> = {};
  let shard: Record<string, number> = {};
  // `known.NN` and `{}`, with room for the shard number to grow.
  const empty = KNOWN_PREFIX.length + 4 + 2;
  let size = empty;
  let n = 0;
  for (const id of [...known.keys()].sort()) {
    const day = known.get(id) as number;
    const entry = bytes(`${JSON.stringify(id)}:${day},`);
    if (size + entry > SYNC_ITEM_BYTES && Object.keys(shard).length) {
      items[`${KNOWN_PREFIX}${n++}`] = shard;
      shard = {};
      size = empty;
    }
    shard[id] = day;
    size += entry;
  }
  if (Object.keys(shard).length) {
    items[`${KNOWN_PREFIX}${n}`] = shard;
  }
  return items;
}

/** Bytes `known` takes in storage.sync, keys included. */
export function knownBytes(known: KnownTerms): number {
  return Object.entries(knownItems(known)).reduce(
    (sum, [key, value]) => sum + key.length + bytes(JSON.stringify(value)),
    0,
  );
}

/**
 * What to write so that storage.sync holds `known`, given the keys it holds now: the items to
 * set, and the shards no longer needed, to remove.
 */
export function knownWrite(
  known: KnownTerms,
  storedKeys: readonly string[],
): { set: Record<string, Record<string, number>>; remove: string[] } {
  const set = knownItems(known);
  const remove = storedKeys.filter((key) => isKnownKey(key) && !(key in set));
  return { set, remove };
}
