import { isTermId } from '../progress/known';
import { isPlace, type Place } from '../progress/met';
import type { SaveProblem } from '../settings/settings';

/**
 * What asks the background to change what is stored about the reader: their progress, and
 * deleting everything. The background takes these one after the other, from every tab and page
 * (progress/writes.ts). Apart from messages.ts so that the content script, which only sends
 * two of them, does not carry the checks the background makes of them all.
 */

/**
 * Content script, popup or options page -> background: mark terms known, or not known any
 * more.
 */
export interface MarkKnownRequest {
  readonly type: 'mark-known';
  readonly termIds: readonly string[];
  readonly known: boolean;
}

/**
 * Content script -> background: the reader read `termId`'s tooltip, at `place` if they keep
 * where terms were met (the background checks the setting again when the change's turn comes).
 */
export interface MarkMetRequest {
  readonly type: 'mark-met';
  readonly termId: string;
  readonly place: Place | null;
}

/**
 * Glossary page -> background: merge a progress file (its text, checked on the page first)
 * with the progress stored, in turn with the marks other tabs make meanwhile.
 */
export interface ImportProgressRequest {
  readonly type: 'import-progress';
  readonly file: string;
}

/**
 * Review page -> background: the reader rated their recall of `termId` with `grade` (ts-fsrs:
 * 1 again, 2 hard, 3 good, 4 easy) at `at` (milliseconds since 1970, the page's clock).
 */
export interface RateTermRequest {
  readonly type: 'rate-term';
  readonly termId: string;
  readonly grade: 1 | 2 | 3 | 4;
  readonly at: number;
}

/**
 * Options page -> background: delete everything the extension stores. In turn, so that no
 * change already on its way is written back after it.
 */
export interface DeleteDataRequest {
  readonly type: 'delete-data';
}

export type SaveRequest =
  | DeleteDataRequest
  | ImportProgressRequest
  | MarkKnownRequest
  | MarkMetRequest
  | RateTermRequest;

/** The requests only the extension's own pages may make: a content script lives in pages we do not control. */
export const EXTENSION_PAGES_ONLY: ReadonlySet<SaveRequest['type']> = new Set([
  'delete-data',
  'import-progress',
]);

const SAVE_REQUESTS: ReadonlySet<unknown> = new Set<SaveRequest['type']>([
  'delete-data',
  'import-progress',
  'mark-known',
  'mark-met',
  'rate-term',
]);
const GRADES: ReadonlySet<unknown> = new Set([1, 2, 3, 4]);
/** More terms than any glossary of the user's holds, marked at once: not a request of ours. */
const MAX_MARKED = 20_000;
/** Far past any progress file the extension writes (a few hundred KB for 5,000 terms). */
const MAX_PROGRESS_FILE = 16_000_000;

/** Whether `data` asks to change what is stored, well-formed or not. */
export const asksToSave = (data: unknown): boolean =>
  SAVE_REQUESTS.has((data as { type?: unknown } | null)?.type);

/** The background's answer to a SaveRequest: null once stored, or why it was not. */
export interface SaveAnswer {
  readonly problem: SaveProblem | null;
}

/** Messages arrive as untyped data: only a well-formed request is acted on, copied field by field. */
export function asSaveRequest(data: unknown): SaveRequest | null {
  if (!asksToSave(data)) {
    return null;
  }
  const m = data as Record<string, unknown>;
  if (m.type === 'delete-data') {
    return { type: 'delete-data' };
  }
  if (
    m.type === 'mark-known' &&
    typeof m.known === 'boolean' &&
    Array.isArray(m.termIds) &&
    m.termIds.length <= MAX_MARKED &&
    m.termIds.every(isTermId)
  ) {
    return { type: 'mark-known', termIds: [...m.termIds], known: m.known };
  }
  if (m.type === 'mark-met' && isTermId(m.termId) && (m.place === null || isPlace(m.place))) {
    const place = m.place && { title: m.place.title, url: m.place.url, day: m.place.day };
    return { type: 'mark-met', termId: m.termId, place };
  }
  if (
    m.type === 'rate-term' &&
    isTermId(m.termId) &&
    GRADES.has(m.grade) &&
    typeof m.at === 'number' &&
    Number.isFinite(new Date(m.at).getTime())
  ) {
    return {
      type: 'rate-term',
      termId: m.termId,
      grade: m.grade as RateTermRequest['grade'],
      at: m.at,
    };
  }
  if (
    m.type === 'import-progress' &&
    typeof m.file === 'string' &&
    m.file.length <= MAX_PROGRESS_FILE
  ) {
    return { type: 'import-progress', file: m.file };
  }
  return null;
}
