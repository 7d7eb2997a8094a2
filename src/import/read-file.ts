import { type CsvError, parse } from 'csv-parse/browser/esm/sync';
import { GLOSSARY_NAME_MAX } from './library';
import { checkRows, type ImportedTerm, inFileOrder, type RawRow, type RowProblem } from './rows';

/**
 * A glossary file someone picked or dropped, read into what the options page previews before
 * anything is stored: its name, the terms that can be imported, and every problem in plain
 * words. A file that cannot be a glossary at all (empty, binary, too large, of the wrong shape)
 * gets one clear sentence instead. Reads only: storing is the caller's, and only on the user's
 * word. CSV is read by csv-parse (RFC 4180 quoting, the line ends of every spreadsheet, each
 * broken row reported alone); JSON is the project's own format (glossary/glossary.schema.json).
 */

/** Larger files are refused before they are read: 5,000 terms of long definitions fit in 5 MB. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** More terms than this slows every page the glossary is highlighted on: the file is refused. */
export const MAX_TERMS = 10_000;

export interface GlossaryPreview {
  readonly name: string;
  readonly format: 'csv' | 'json';
  readonly terms: readonly ImportedTerm[];
  readonly problems: readonly RowProblem[];
  /** Rows (or JSON entries) the file holds, good and bad. */
  readonly rows: number;
  /** Said once above the problems, e.g. that the file was read as Windows-1252. */
  readonly notes: readonly string[];
}

/** A file that cannot be imported at all, with the sentence the user sees. */
export class ImportError extends Error {
  override name = 'ImportError';
}

const formatBytes = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;

/** The file's name without folder or extension: a CSV's glossary is called that. */
function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  return name.replace(/\.[^.]+$/, '').trim() || 'My glossary';
}

/**
 * The file's text. UTF-8 (with or without a byte-order mark) as every tool writes it today;
 * failing that, Windows-1252, as older spreadsheets save CSV, said in a note. A NUL byte means
 * a binary file (a spreadsheet's own format, an image).
 */
export function decode(bytes: Uint8Array): { text: string; notes: string[] } {
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new ImportError(
      'This is not a text file (a spreadsheet saved in its own format, or a picture?). Save the glossary as CSV (UTF-8) or JSON and import that.',
    );
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), notes: [] };
  } catch {
    return {
      text: new TextDecoder('windows-1252').decode(bytes),
      notes: [
        'The file is not UTF-8; it was read as Windows-1252, as older spreadsheets save CSV.',
      ],
    };
  }
}

/** A JSON glossary's entries: the file must hold an object with a list of terms. */
function jsonRows(text: string): { name: string | null; rows: RawRow[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportError(
      `This JSON file cannot be read: ${(error as Error).message.replace(/^JSON\.parse: /, '')}.`,
    );
  }
  const terms = (data as { terms?: unknown } | null)?.terms;
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !Array.isArray(terms)) {
    throw new ImportError(
      'This JSON file is not a glossary: it must be an object with a list of terms under "terms" (see glossary/glossary.schema.json).',
    );
  }
  const named =
    (data as { name?: unknown; source?: unknown }).name ?? (data as { source?: unknown }).source;
  const rows = terms.map((entry) =>
    typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? (entry as RawRow) : {},
  );
  return { name: typeof named === 'string' && named.trim() ? named.trim() : null, rows };
}

/** The separator of a CSV: whichever of comma, semicolon and tab its header row has most of. */
function separatorOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/**
 * A CSV's rows by its header, each with the row a spreadsheet shows it on (the header is row
 * 1); a row csv-parse cannot read whole (broken quoting, too many cells) is named and left out.
 */
function csvRows(text: string): { rows: RawRow[]; rowNumbers: number[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const rowNumbers: number[] = [];
  let header: string[] = [];
  /** Data rows read so far, good or bad, in the file's order. */
  let seen = 0;
  const rows = parse<RawRow>(text, {
    delimiter: separatorOf(text),
    columns: (names: string[]) => {
      header = names.map((h) => h.trim().toLowerCase());
      return header;
    },
    skip_empty_lines: true,
    skip_records_with_error: true,
    // One row past the limit is enough to know the file is over it.
    to: MAX_TERMS + 1,
    on_record: (record: RawRow) => {
      seen++;
      rowNumbers.push(seen + 1);
      return record;
    },
    on_skip: (error: CsvError | undefined) => {
      seen++;
      problems.push({
        where: `Row ${seen + 1}`,
        message: `${CSV_PROBLEMS[error?.code ?? ''] ?? 'the row cannot be read'}, and is left out`,
        leftOut: true,
      });
    },
  });
  const missing = ['term', 'definition'].filter((f) => !header.includes(f));
  if (missing.length) {
    throw new ImportError(
      `The first row of a CSV glossary names its columns, and must name ${missing.map((m) => `"${m}"`).join(' and ')}. This file's first row has: ${header.filter(Boolean).slice(0, 8).join(', ') || 'nothing'}.`,
    );
  }
  return { rows, rowNumbers, problems };
}

/** What csv-parse's error codes mean to someone who saved a spreadsheet. */
const CSV_PROBLEMS: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED: 'a quoted cell is not closed (a " is missing)',
  CSV_INVALID_CLOSING_QUOTE: 'a cell has a stray " inside it',
  INVALID_OPENING_QUOTE: 'a cell has a stray " inside it',
  CSV_RECORD_INCONSISTENT_COLUMNS:
    'the row does not have as many cells as the first row has columns',
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH:
    'the row does not have as many cells as the first row has columns',
};

/** Throws the ImportError a file of `size` bytes gets before it is read, if any. */
export function checkSize(size: number): void {
  if (size === 0) {
    throw new ImportError('The file is empty.');
  }
  if (size > MAX_FILE_BYTES) {
    throw new ImportError(
      `The file is ${formatBytes(size)}; a glossary file can be at most ${formatBytes(MAX_FILE_BYTES)}.`,
    );
  }
}

/** Reads a picked or dropped file into its preview, or throws an ImportError saying why not. */
export function previewGlossary(fileName: string, bytes: Uint8Array): GlossaryPreview {
  checkSize(bytes.length);
  const { text, notes } = decode(bytes);
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) {
    throw new ImportError('The file holds no text.');
  }
  const isJson = /\.json$/i.test(fileName) || /^\s*[{[]/.test(body);
  const format = isJson ? ('json' as const) : ('csv' as const);
  let name = baseName(fileName);
  let rows: RawRow[];
  let where: (index: number) => string;
  let unreadable: RowProblem[] = [];
  if (isJson) {
    const read = jsonRows(body);
    rows = read.rows;
    name = read.name ?? name;
    where = (i) => `Term ${i + 1}`;
  } else {
    const read = csvRows(body);
    rows = read.rows;
    unreadable = read.problems;
    where = (i) => `Row ${read.rowNumbers[i]}`;
  }
  if (rows.length > MAX_TERMS) {
    throw new ImportError(
      `The file has more than ${MAX_TERMS.toLocaleString('en')} terms; a glossary can have at most ${MAX_TERMS.toLocaleString('en')}. Split it into several glossaries.`,
    );
  }
  const total = rows.length + unreadable.length;
  if (total === 0) {
    throw new ImportError(
      isJson ? 'The glossary lists no terms.' : 'The CSV has a header row but no terms under it.',
    );
  }
  const checked = checkRows(rows, where);
  return {
    name: name.slice(0, GLOSSARY_NAME_MAX),
    format,
    terms: checked.terms,
    problems: [...unreadable, ...checked.problems].sort(inFileOrder),
    rows: total,
    notes,
  };
}
