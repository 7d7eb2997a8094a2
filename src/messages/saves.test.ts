import { describe, expect, it } from 'vitest';
import { asksToSave, asSaveRequest } from './saves';

describe('requests to change what is stored', () => {
  it('takes marks of known terms only well-formed', () => {
    expect(
      asSaveRequest({ type: 'mark-known', termIds: ['bias', 'mine/term'], known: true }),
    ).toEqual({
      type: 'mark-known',
      termIds: ['bias', 'mine/term'],
      known: true,
    });
    for (const bad of [
      { termIds: ['Bias!'], known: true },
      { termIds: 'bias', known: true },
      { termIds: ['bias'], known: 'yes' },
      { termIds: Array.from({ length: 20_001 }, () => 'bias'), known: false },
    ]) {
      expect(asSaveRequest({ type: 'mark-known', ...bad })).toBeNull();
    }
  });

  it('takes a term read, and a progress file, only well-formed; says a bad one asked to save', () => {
    const place = { title: 'An article', url: 'https://news.example/ai', day: 20_000 };
    const met = { type: 'mark-met', termId: 'bias', place };
    expect(asSaveRequest({ ...met, place: { ...place, extra: 'kept out' } })).toEqual(met);
    expect(asSaveRequest({ ...met, place: null })).toEqual({ ...met, place: null });
    for (const bad of [
      { termId: 'Bias!', place: null },
      { termId: 'bias' },
      { termId: 'bias', place: { ...place, url: 'javascript:alert(1)' } },
      { termId: 'bias', place: { ...place, url: 'https://news.example/ai#part' } },
      { termId: 'bias', place: { ...place, day: -1 } },
      { termId: 'bias', place: { ...place, title: 7 } },
    ]) {
      expect(asSaveRequest({ type: 'mark-met', ...bad })).toBeNull();
      expect(asksToSave({ type: 'mark-met', ...bad })).toBe(true);
    }
    const file = { type: 'import-progress', file: '{"format": "ethical-ai-glossary-progress"}' };
    expect(asSaveRequest(file)).toEqual(file);
    expect(asSaveRequest({ type: 'import-progress', file: {} })).toBeNull();
    expect(asSaveRequest({ type: 'import-progress', file: 'x'.repeat(16_000_001) })).toBeNull();
    const rate = { type: 'rate-term', termId: 'bias', grade: 3, at: 1_796_000_000_000 };
    expect(asSaveRequest(rate)).toEqual(rate);
    for (const bad of [{ grade: 0 }, { grade: '3' }, { at: Number.NaN }, { termId: '' }]) {
      expect(asSaveRequest({ ...rate, ...bad })).toBeNull();
    }
    expect(asksToSave({ type: 'mark-known', termIds: ['Bias!'], known: true })).toBe(true);
    expect(asksToSave({ type: 'page-terms' })).toBe(false);
    expect(asksToSave(null)).toBe(false);
  });

  it('takes a request to delete everything by its type alone', () => {
    expect(asSaveRequest({ type: 'delete-data', keep: ['settings'] })).toEqual({
      type: 'delete-data',
    });
    expect(asSaveRequest({ type: 'move-to-term', direction: 1 })).toBeNull();
  });
});
