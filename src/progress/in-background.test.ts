import { describe, expect, it, vi } from 'vitest';
import type { SaveRequest } from '../messages/saves';
import { SaveError } from '../settings/storage';
import { saveInBackground } from './in-background';

/** What the promise settles with: the SaveError's problem, or 'stored'. */
const outcome = (saving: Promise<void>) =>
  saving.then(
    () => 'stored',
    (error: unknown) => (error instanceof SaveError ? error.problem : 'not a SaveError'),
  );

const MARK: SaveRequest = { type: 'mark-known', termIds: ['bias'], known: true };

describe('changing progress through the background', () => {
  it('asks the background to store the change and resolves once it has', async () => {
    const send = vi.fn(async () => ({ problem: null }));
    expect(await outcome(saveInBackground(send, MARK))).toBe('stored');
    expect(send).toHaveBeenCalledWith(MARK);
  });

  it('says why the background could not store it', async () => {
    const refused = async () => ({ problem: 'too-many-known' });
    expect(await outcome(saveInBackground(refused, MARK))).toBe('too-many-known');
  });

  it('fails when nothing in the background answers, or the extension was reloaded', async () => {
    const silent = async () => undefined;
    expect(await outcome(saveInBackground(silent, MARK))).toBe('failed');
    const gone = async () => {
      throw new Error('Extension context invalidated.');
    };
    expect(await outcome(saveInBackground(gone, MARK))).toBe('reloaded');
  });
});
