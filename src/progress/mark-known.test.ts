import { describe, expect, it, vi } from 'vitest';
import { SaveError } from '../settings/storage';
import { markKnownInBackground } from './mark-known';

/** What the promise settles with: the SaveError's problem, or 'stored'. */
const outcome = (marking: Promise<void>) =>
  marking.then(
    () => 'stored',
    (error: unknown) => (error instanceof SaveError ? error.problem : 'not a SaveError'),
  );

describe('marking terms known through the background', () => {
  it('asks the background to store the marks and resolves once it has', async () => {
    const send = vi.fn(async () => ({ problem: null }));
    expect(await outcome(markKnownInBackground(send, ['bias'], true))).toBe('stored');
    expect(send).toHaveBeenCalledWith({ type: 'mark-known', termIds: ['bias'], known: true });
  });

  it('says why the background could not store them', async () => {
    const refused = async () => ({ problem: 'too-many-known' });
    expect(await outcome(markKnownInBackground(refused, ['bias'], true))).toBe('too-many-known');
  });

  it('fails when nothing in the background answers, or the extension was reloaded', async () => {
    const silent = async () => undefined;
    expect(await outcome(markKnownInBackground(silent, ['bias'], false))).toBe('failed');
    const gone = async () => {
      throw new Error('Extension context invalidated.');
    };
    expect(await outcome(markKnownInBackground(gone, ['bias'], false))).toBe('reloaded');
  });
});
