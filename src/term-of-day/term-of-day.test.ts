import { describe, expect, it } from 'vitest';
import { glossary } from '../glossary/data';
import { localDayNumber, msUntilNextLocalMidnight, termOfTheDay } from './term-of-day';

const ids = glossary.terms.map((t) => t.id);
const day = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min);

describe('term of the day', () => {
  it('is the same all day and changes at local midnight', () => {
    const morning = termOfTheDay(ids, day(2026, 11, 29, 0, 0));
    expect(termOfTheDay(ids, day(2026, 11, 29, 12))).toBe(morning);
    expect(termOfTheDay(ids, day(2026, 11, 29, 23, 59))).toBe(morning);
    expect(termOfTheDay(ids, day(2026, 11, 30, 0, 0))).not.toBe(morning);
  });

  it('goes through all 30 terms before any repeats, cycle after cycle', () => {
    // Start on the first day of a cycle; walk ten cycles, crossing a leap day and year ends.
    let start = day(2024, 1, 1);
    while (localDayNumber(start) % ids.length !== 0) {
      start = new Date(start.getTime() + 86_400_000);
    }
    const shown: string[] = [];
    for (let i = 0; i < ids.length * 10; i++) {
      shown.push(
        termOfTheDay(ids, new Date(start.getFullYear(), start.getMonth(), start.getDate() + i, 9)),
      );
    }
    for (let c = 0; c < 10; c++) {
      const cycle = shown.slice(c * ids.length, (c + 1) * ids.length);
      expect(new Set(cycle).size).toBe(ids.length);
    }
    for (let i = 1; i < shown.length; i++) {
      expect(shown[i]).not.toBe(shown[i - 1]);
    }
    // Not the same order every cycle.
    expect(shown.slice(0, ids.length)).not.toEqual(shown.slice(ids.length, 2 * ids.length));
  });

  it('does not depend on the order the glossary lists its terms in', () => {
    const date = day(2026, 3, 14);
    expect(termOfTheDay([...ids].reverse(), date)).toBe(termOfTheDay(ids, date));
  });

  it('knows when the next local midnight is', () => {
    expect(msUntilNextLocalMidnight(day(2026, 11, 29, 23, 30))).toBe(30 * 60_000);
  });
});
