import type { SaveAnswer, SaveRequest } from '../messages/saves';
import { problemOfError } from '../settings/settings';
import { SaveError } from '../settings/storage';

/**
 * Asks the background to change the reader's progress (progress/writes.ts stores every tab's
 * changes one after the other). Resolves once stored; rejects with a SaveError saying why not,
 * and then nothing has changed.
 */
export async function saveInBackground(
  send: (message: SaveRequest) => Promise<unknown>,
  request: SaveRequest,
): Promise<void> {
  let answer: unknown;
  try {
    answer = await send(request);
  } catch (error) {
    throw new SaveError(problemOfError(error), error);
  }
  const problem = (answer as Partial<SaveAnswer> | undefined)?.problem;
  if (problem !== null) {
    // No answer at all: nothing in the background took the change.
    throw new SaveError(problem ?? 'failed');
  }
}
