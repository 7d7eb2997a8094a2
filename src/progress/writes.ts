import { EXTENSION_PAGES_ONLY, type SaveAnswer, type SaveRequest } from '../messages/saves';
import { type Grade, rated } from '../review/review';
import type { ExtensionStorage } from '../settings/page-storage';
import { problemOfError } from '../settings/settings';
import { SaveError } from '../settings/storage';
import { turns } from './in-turn';
import { dayOf } from './known';
import type { Place } from './met';
import { mergeProgress, type Progress, parseProgress } from './transfer';

/**
 * The reader's progress changes in the background only, one change after the other, whichever
 * tab or page asks. Each change reads a stored list and writes it back whole: two tabs doing
 * that at the same moment each write the list as they read it, and one change is lost (a term
 * marked known, a tooltip counted as read, a mark made while a progress file is imported).
 * Forgetting where terms were met and deleting everything take their turn too: a change
 * already on its way would otherwise write back what the reader just had deleted.
 */

type ProgressStore = Pick<
  ExtensionStorage,
  | 'deleteStoredData'
  | 'forgetPlaces'
  | 'loadKnown'
  | 'loadMet'
  | 'loadReview'
  | 'loadSettings'
  | 'markKnown'
  | 'markMet'
  | 'replaceProgress'
  | 'updateReview'
>;

/** The reader's progress as stored now: what the export writes and an import merges with. */
export async function loadProgress(store: ProgressStore): Promise<Progress> {
  const [known, { met }, review] = await Promise.all([
    store.loadKnown(),
    store.loadMet(),
    store.loadReview(),
  ]);
  return { known, met, review };
}

export type ProgressWrites = ReturnType<typeof progressWrites>;

export function progressWrites(store: ProgressStore) {
  const next = turns();
  return {
    markKnown: (termIds: readonly string[], known: boolean) =>
      next(() => store.markKnown(termIds, known)),
    /**
     * `termId`'s tooltip was read, at `place` when the reader keeps where (null otherwise). The
     * setting is read again in turn: a page may ask with a place after the reader switched
     * keeping them off, and that place must not be stored.
     */
    markMet: (termId: string, place: Place | null) =>
      next(async () => {
        const keepsPlaces = place !== null && (await store.loadSettings()).whereMet;
        await store.markMet(termId, keepsPlaces ? place : null);
      }),
    /** Forgets every place a term was met, unless the reader keeps them (the setting, read in turn). */
    forgetPlacesUnlessKept: () =>
      next(async () => {
        if (!(await store.loadSettings()).whereMet) {
          await store.forgetPlaces();
        }
      }),
    /** Deletes everything stored, after every change asked for before it. */
    deleteAll: () => next(() => store.deleteStoredData()),
    /** The reader rated their recall of `termId` with `grade` at `at`: its card is scheduled. */
    rate: (termId: string, grade: Grade, at: Date) =>
      next(() => store.updateReview((state) => rated(state, termId, grade, at, dayOf(at)))),
    /** Merges `imported` with the progress stored when its turn comes, then stores the whole. */
    importProgress: (imported: Progress) =>
      next(async () => store.replaceProgress(mergeProgress(await loadProgress(store), imported))),
  };
}

/**
 * The background's answer to `request`. Only the extension's own pages import progress or
 * delete everything: a content script lives in pages the extension does not control.
 */
export function answerSave(
  request: SaveRequest,
  writes: ProgressWrites,
  fromExtensionPage: boolean,
): Promise<SaveAnswer> {
  let saving: Promise<void>;
  if (EXTENSION_PAGES_ONLY.has(request.type) && !fromExtensionPage) {
    saving = Promise.reject(new SaveError('invalid'));
  } else if (request.type === 'delete-data') {
    saving = writes.deleteAll();
  } else if (request.type === 'mark-known') {
    saving = writes.markKnown(request.termIds, request.known);
  } else if (request.type === 'mark-met') {
    saving = writes.markMet(request.termId, request.place);
  } else if (request.type === 'rate-term') {
    saving = writes.rate(request.termId, request.grade, new Date(request.at)).then(() => undefined);
  } else {
    const parsed = parseProgress(request.file);
    saving = parsed.ok
      ? writes.importProgress(parsed.progress)
      : Promise.reject(new SaveError('invalid'));
  }
  return saving.then(
    () => ({ problem: null }),
    (error: unknown) => ({
      problem: error instanceof SaveError ? error.problem : problemOfError(error),
    }),
  );
}
