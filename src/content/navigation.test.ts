import { beforeEach, describe, expect, it } from 'vitest';
import { nextTerm, readingOrder } from './navigation';

/** Terms with made-up positions: jsdom lays nothing out. */
function terms(tops: number[]): Element[] {
  return tops.map((top, i) => {
    const el = document.createElement('span');
    el.id = `t${i}`;
    el.getBoundingClientRect = () => ({ top, bottom: top + 20 }) as DOMRect;
    return el;
  });
}
const ids = (els: Array<Element | null>) => els.map((e) => e?.id);

describe('moving between terms', () => {
  it('goes to the next and previous term, round at either end', () => {
    const list = terms([0, 100, 200]);
    expect(ids([nextTerm(list, list[0] ?? null, 1, 500)])).toEqual(['t1']);
    expect(ids([nextTerm(list, list[2] ?? null, 1, 500)])).toEqual(['t0']);
    expect(ids([nextTerm(list, list[0] ?? null, -1, 500)])).toEqual(['t2']);
  });

  it('starts from what the reader sees when no term is open', () => {
    // Scrolled down: the first two terms are above the viewport, the last below it.
    const list = terms([-300, -100, 50, 400, 900]);
    expect(ids([nextTerm(list, null, 1, 600)])).toEqual(['t2']);
    expect(ids([nextTerm(list, null, -1, 600)])).toEqual(['t3']);
    expect(nextTerm([], null, 1, 600)).toBeNull();
  });
});

describe('reading order', () => {
  beforeEach(() => document.body.replaceChildren());

  it('reads a shadow root where its host is', () => {
    document.body.innerHTML = '<p id="a">a</p><my-card></my-card><p id="c">c</p>';
    const host = document.querySelector('my-card') as Element;
    const inside = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inside);
    const a = document.querySelector('#a') as Element;
    const c = document.querySelector('#c') as Element;
    expect([c, inside, a].sort(readingOrder)).toEqual([a, inside, c]);
  });
});
