import { describe, expect, it, vi } from 'vitest';
import type { UserGlossary } from '../import/library';
import { pageGlossaries } from './page-glossaries';

describe('the glossaries one page holds', () => {
  const crm = { id: 'crm', name: 'CRM', terms: [] };
  const other = {
    id: 'other',
    name: 'Other',
    terms: [
      { id: 'x', term: 'X', definition: 'An x.', forms: ['X'], related: [], everyday: false },
    ],
  };

  it('reads them once, when first asked, and says when they are there', async () => {
    const load = vi.fn(async () => [crm]);
    const held = pageGlossaries(load);
    const whenRead = vi.fn();
    expect(load).not.toHaveBeenCalled();
    expect(held.ready(whenRead)).toBe(false);
    expect(held.ready(whenRead)).toBe(false);
    await vi.waitFor(() => expect(whenRead).toHaveBeenCalledTimes(1));
    expect(load).toHaveBeenCalledTimes(1);
    expect(held.ready(whenRead)).toBe(true);
    expect(held.version).toBe(1);
  });

  it('keeps a change that came while they were read, and reads nothing that fails as any', async () => {
    let finish: (value: UserGlossary[]) => void = () => undefined;
    const held = pageGlossaries(() => new Promise((resolve) => (finish = resolve)));
    const whenRead = vi.fn();
    held.ready(whenRead);
    const whenChanged = vi.fn();
    held.take([other], whenChanged);
    finish([crm]);
    await vi.waitFor(() => expect(whenChanged).toHaveBeenCalled());
    expect(held.version).toBe(1);
    expect(held.terms.extra.map((t) => t.id)).toEqual(['other/x']);

    const failing = pageGlossaries(() => Promise.reject(new Error('unreadable')));
    const after = vi.fn();
    failing.ready(after);
    await vi.waitFor(() => expect(after).toHaveBeenCalled());
    expect(failing.terms.extra).toEqual([]);
    expect(failing.version).toBe(1);
  });

  it('keeps the terms the highlights were made with until the next ones are ready for the page', async () => {
    const held = pageGlossaries(async () => [other]);
    const whenRead = vi.fn();
    held.ready(whenRead);
    await vi.waitFor(() => expect(whenRead).toHaveBeenCalled());
    expect(held.terms.extra.map((t) => t.id)).toEqual(['other/x']);
    // The glossary is deleted: until the page's matcher is rebuilt and its highlights redone,
    // a highlight of X still finds X's definition.
    const whenChanged = vi.fn();
    held.take([], whenChanged);
    expect(held.terms.extra.map((t) => t.id)).toEqual(['other/x']);
    expect(held.version).toBe(1);
    await vi.waitFor(() => expect(whenChanged).toHaveBeenCalled());
    expect(held.terms.extra).toEqual([]);
    expect(held.version).toBe(2);
  });
});
