import type { Card } from 'ts-fsrs';
import type { GlossaryTerm } from '../glossary/schema';
import { type ReviewState, readReview, reviewValue } from '../review/cards';
import { KNOWN_PREFIX, readKnown } from './known';
import { type MetRecord, metValue, readMet } from './met';

/**
 * The reader's progress taken elsewhere and brought back: a JSON file of what they know, met and
 * review (read back record by record, merged, never replacing what is here), and the glossary
 * with each term's status as a file Anki imports. Where terms were met is reading history and
 * stays out of both.
 */

export const PROGRESS_FORMAT = 'ethical-ai-glossary-progress';
const PROGRESS_VERSION = 1;

export interface Progress {
  readonly known: ReadonlyMap<string, number>;
  readonly met: ReadonlyMap<string, MetRecord>;
  readonly review: ReviewState;
}

export function progressFile(progress: Progress, now: Date): string {
  return `${JSON.stringify(
    {
      format: PROGRESS_FORMAT,
      version: PROGRESS_VERSION,
      exported: now.toISOString(),
      known: Object.fromEntries(progress.known),
      met: metValue(progress.met),
      review: reviewValue(progress.review),
    },
    null,
    2,
  )}\n`;
}

/** Why a file cannot be imported, in words for the reader. */
export type ImportProblem = 'not-json' | 'not-progress' | 'newer';

export type ParsedProgress =
  | { readonly ok: true; readonly progress: Progress; readonly dropped: string[] }
  | { readonly ok: false; readonly problem: ImportProblem };

/** A progress file, checked record by record: what cannot be read is named and left out. */
export function parseProgress(text: string): ParsedProgress {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  const file = data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  if (file.format !== PROGRESS_FORMAT) {
    return { ok: false, problem: 'not-progress' };
  }
  if (typeof file.version !== 'number' || file.version > PROGRESS_VERSION) {
    return { ok: false, problem: 'newer' };
  }
  const known = readKnown({ [`${KNOWN_PREFIX}0`]: file.known ?? {} });
  const met = readMet(file.met);
  const review = readReview(file.review);
  return {
    ok: true,
    progress: { known: known.known, met: met.records, review: review.state },
    dropped: [...known.dropped, ...met.dropped, ...review.dropped],
  };
}

const lastReview = (card: Card) => card.last_review?.getTime() ?? 0;

/**
 * What is here with `imported` added: a term known in either is known (since the earlier day);
 * met counts and days the wider of the two; a review card the one reviewed last.
 */
export function mergeProgress(here: Progress, imported: Progress): Progress {
  const known = new Map(here.known);
  for (const [id, day] of imported.known) {
    known.set(id, Math.min(day, known.get(id) ?? day));
  }
  const met = new Map(here.met);
  for (const [id, record] of imported.met) {
    const mine = met.get(id);
    met.set(
      id,
      mine
        ? {
            count: Math.max(mine.count, record.count),
            first: Math.min(mine.first, record.first),
            last: Math.max(mine.last, record.last),
          }
        : record,
    );
  }
  const cards = new Map(here.review.cards);
  for (const [id, card] of imported.review.cards) {
    const mine = cards.get(id);
    if (!mine || lastReview(card) > lastReview(mine)) {
      cards.set(id, card);
    }
  }
  return { known, met, review: { ...here.review, cards } };
}

/** A term's status: known (marked so), learning (in review), or new. */
export function statusOf(
  id: string,
  known: ReadonlyMap<string, number>,
  review: ReviewState,
): 'new' | 'learning' | 'known' {
  return known.has(id) ? 'known' : review.cards.has(id) ? 'learning' : 'new';
}

/** A field of Anki's plain-text import: no tab or line break can break its row. */
const field = (text: string) => text.replace(/[\t\r\n]+/g, ' ').trim();

/**
 * The glossary as Anki imports it (File > Import, a text file): its header lines say the
 * separator, that fields are text and not HTML, the columns and which one holds the tags;
 * each term's category and status are its tags.
 */
export function ankiFile(
  terms: readonly GlossaryTerm[],
  known: ReadonlyMap<string, number>,
  review: ReviewState,
): string {
  const lines = [
    '#separator:tab',
    '#html:false',
    '#columns:Term\tDefinition\tStatus\tTags',
    '#tags column:4',
    ...terms.map((term) => {
      const name = term.abbreviation ? `${term.term} (${term.abbreviation})` : term.term;
      const status = statusOf(term.id, known, review);
      return [
        field(name),
        field(term.definition),
        status,
        `ethical-ai-glossary ${term.category} ${status}`,
      ].join('\t');
    }),
  ];
  return `${lines.join('\n')}\n`;
}
