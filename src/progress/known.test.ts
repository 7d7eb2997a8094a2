import { describe, expect, it } from 'vitest';
import { SYNC_ITEM_BYTES } from '../settings/settings';
import { dayOf, isKnownKey, knownBytes, knownItems, knownWrite, readKnown } from './known';

const DAY = dayOf(new Date(2026, 11, 6));
const itemBytes = (key: string, value: unknown) =>
  key.length + new TextEncoder().encode(JSON.stringify(value)).length;

describe('known terms in synced storage', () => {
  it('counts days on the local calendar', () => {
    expect(dayOf(new Date(2026, 11, 6, 0, 1))).toBe(dayOf(new Date(2026, 11, 6, 23, 59)));
    expect(dayOf(new Date(2026, 11, 7, 0, 1)) - dayOf(new Date(2026, 11, 6, 23, 59))).toBe(1);
    expect(new Date(DAY * 86_400_000).toISOString().slice(0, 10)).toBe('2026-12-06');
  });

  it('reads back what it writes', () => {
    const known = new Map([
      ['bias', DAY],
      ['dpia', DAY - 3],
    ]);
    const items = knownItems(known);
    expect(Object.keys(items)).toEqual(['known.0']);
    expect(readKnown(items)).toEqual({ known, dropped: [], changed: false });
  });

  it('spreads thousands of terms over items that each fit the per-item limit', () => {
    const known = new Map(
      Array.from({ length: 3_000 }, (_, i) => [`imported/term-number-${i}`, DAY] as const),
    );
    const items = knownItems(known);
    const entries = Object.entries(items);
    expect(entries.length).toBeGreaterThan(10);
    for (const [key, value] of entries) {
      expect(itemBytes(key, value)).toBeLessThanOrEqual(SYNC_ITEM_BYTES);
    }
    expect(readKnown(items).known).toEqual(known);
    expect(knownBytes(known)).toBe(entries.reduce((sum, [k, v]) => sum + itemBytes(k, v), 0));
  });

  it('drops an unreadable record alone, keeps the rest, and names it', () => {
    const read = readKnown({
      'known.0': { bias: DAY, fairness: 'yesterday', '<b>x</b>': DAY, dpia: 5 },
      'known.1': 'not an object',
      'known.2': { privacy: DAY, bias: DAY - 1 },
      pausedSites: ['a.org'],
      'known.x': { robustness: DAY },
    });
    expect([...read.known]).toEqual([
      ['bias', DAY],
      ['privacy', DAY],
    ]);
    expect(read.dropped).toEqual([
      'fairness: "yesterday"',
      `<b>x</b>: ${DAY}`,
      'dpia: 5',
      'known.1: "not an object"',
    ]);
    expect(read.changed).toBe(true);
  });

  it('writes the shards needed and removes those left over', () => {
    const { set, remove } = knownWrite(new Map([['bias', DAY]]), [
      'known.0',
      'known.1',
      'known.7',
      'density',
    ]);
    expect(set).toEqual({ 'known.0': { bias: DAY } });
    expect(remove).toEqual(['known.1', 'known.7']);
    expect(knownWrite(new Map(), ['known.0']).remove).toEqual(['known.0']);
    expect(isKnownKey('known.12')).toBe(true);
    expect(isKnownKey('known.')).toBe(false);
  });
});
