import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GlossaryTerm } from '../glossary/schema';
import { READ_MS, readingClock } from './reading';

const term = (id: string): GlossaryTerm => ({
  id,
  term: id,
  definition: `${id} defined`,
  category: 'principles',
  related: [],
  forms: [id],
});
const bias = term('bias');
const dpia = term('dpia');

describe('when a tooltip counts as read', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts a pinned term at once', () => {
    const onRead = vi.fn();
    readingClock(() => bias, onRead).start(bias, true);
    expect(onRead).toHaveBeenCalledWith(bias);
  });

  it('counts a hovered term only once it has stayed on top long enough to read', () => {
    const onRead = vi.fn();
    readingClock(() => bias, onRead).start(bias, false);
    vi.advanceTimersByTime(READ_MS - 1);
    expect(onRead).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onRead).toHaveBeenCalledExactlyOnceWith(bias);
  });

  it('does not count a term the pointer only passed over', () => {
    const onRead = vi.fn();
    let top: GlossaryTerm | undefined = bias;
    const clock = readingClock(() => top, onRead);
    clock.start(bias, false);
    vi.advanceTimersByTime(READ_MS / 2);
    top = dpia;
    clock.start(dpia, false);
    vi.advanceTimersByTime(READ_MS);
    expect(onRead).toHaveBeenCalledExactlyOnceWith(dpia);
  });

  it('counts nothing after the tooltip closed', () => {
    const onRead = vi.fn();
    const clock = readingClock(() => bias, onRead);
    clock.start(bias, false);
    clock.stop();
    vi.advanceTimersByTime(READ_MS * 2);
    expect(onRead).not.toHaveBeenCalled();
  });
});
