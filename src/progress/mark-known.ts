import type { MarkKnownAnswer, MarkKnownRequest } from '../messages/messages';
import { problemOfError } from '../settings/settings';
import { SaveError } from '../settings/storage';

/**
 * Marks `termIds` known (or not known any more) through the background, which stores the marks
 * of every tab and page one after the other: two tabs marking at the same moment would
 * otherwise each write the list as they read it, and one mark would be lost. Resolves once
 * stored; rejects with a SaveError saying why not, and then nothing has changed.
 */
export async function markKnownInBackground(
  send: (message: MarkKnownRequest) => Promise<unknown>,
  termIds: readonly string[],
  known: boolean,
): Promise<void> {
  let answer: unknown;
  try {
    answer = await send({ type: 'mark-known', termIds: [...termIds], known });
  } catch (error) {
    throw new SaveError(problemOfError(error), error);
  }
  const problem = (answer as Partial<MarkKnownAnswer> | undefined)?.problem;
  if (problem !== null) {
    // No answer at all: nothing in the background took the mark.
    throw new SaveError(problem ?? 'failed');
  }
}
