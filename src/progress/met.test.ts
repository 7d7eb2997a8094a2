import { describe, expect, it } from 'vitest';
import { PLACES_KEPT, placeUrl, readMet, readPlaces, withMet, withPlace } from './met';

const DAY = 20_428;

describe('terms met while reading', () => {
  it('counts each meeting and keeps the first and last day', () => {
    let met = withMet(new Map(), 'bias', DAY);
    met = withMet(met, 'bias', DAY + 2);
    met = withMet(met, 'dpia', DAY + 2);
    expect(met.get('bias')).toEqual({ count: 2, first: DAY, last: DAY + 2 });
    expect(met.get('dpia')).toEqual({ count: 1, first: DAY + 2, last: DAY + 2 });
  });

  it('drops an unreadable record alone and names it', () => {
    const read = readMet({
      bias: [2, DAY, DAY + 1],
      dpia: [0, DAY, DAY],
      privacy: [1, DAY + 1, DAY],
      'no such <id>': [1, DAY, DAY],
      fairness: 'often',
    });
    expect([...read.records.keys()]).toEqual(['bias']);
    expect(read.dropped).toEqual([
      `dpia: [0,${DAY},${DAY}]`,
      `privacy: [1,${DAY + 1},${DAY}]`,
      `no such <id>: [1,${DAY},${DAY}]`,
      'fairness: "often"',
    ]);
    expect(readMet('garbage').dropped).toEqual(['met: "garbage"']);
    expect(readMet(undefined)).toEqual({ records: new Map(), dropped: [] });
  });

  it('keeps where a term was met: web pages only, without their fragment, the last few', () => {
    expect(placeUrl('https://example.com/a?b=1#section')).toBe('https://example.com/a?b=1');
    expect(placeUrl('file:///home/me/notes.html')).toBeNull();
    expect(placeUrl('not a url')).toBeNull();
    let places = withPlace(new Map(), 'bias', { title: 'A', url: 'https://a.org/', day: DAY });
    places = withPlace(places, 'bias', { title: 'A again', url: 'https://a.org/', day: DAY + 1 });
    expect(places.get('bias')).toEqual([{ title: 'A again', url: 'https://a.org/', day: DAY + 1 }]);
    for (let i = 0; i < 5; i++) {
      places = withPlace(places, 'bias', { title: `P${i}`, url: `https://p${i}.org/`, day: DAY });
    }
    expect(places.get('bias')?.map((p) => p.title)).toEqual(['P2', 'P3', 'P4']);
    expect(places.get('bias')).toHaveLength(PLACES_KEPT);
  });

  it('drops a place record that is not one', () => {
    const read = readPlaces({
      bias: [{ title: 'A', url: 'https://a.org/', day: DAY }],
      dpia: [{ title: 'B', url: 'javascript:alert(1)', day: DAY }],
    });
    expect([...read.records.keys()]).toEqual(['bias']);
    expect(read.dropped).toHaveLength(1);
    expect(read.dropped[0]).toMatch(/^dpia: /);
  });
});
