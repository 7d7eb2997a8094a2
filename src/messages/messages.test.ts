import { describe, expect, it } from 'vitest';
import { asMessage, entryPath } from './messages';

describe('messages between the extension parts', () => {
  it('acts only on well-formed messages of its own', () => {
    expect(asMessage({ type: 'move-to-term', direction: -1 })).toEqual({
      type: 'move-to-term',
      direction: -1,
    });
    expect(asMessage({ type: 'open-entry', termId: 'bias', extra: '<b>' })).toEqual({
      type: 'open-entry',
      termId: 'bias',
    });
    for (const bad of [null, 'move-to-term', { type: 'move-to-term', direction: 2 }, {}]) {
      expect(asMessage(bad)).toBeNull();
    }
    expect(asMessage({ type: 'open-entry', termId: 7 })).toBeNull();
  });

  it('addresses a term entry so that no id can break out of its parameter', () => {
    expect(entryPath('a&b=c#d')).toBe('src/popup/index.html?term=a%26b%3Dc%23d');
  });
});
