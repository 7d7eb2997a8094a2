import { type CsvError, parse } from 'csv-parse/browser/esm/sync';
import { readColumns, renamedNote } from './columns';
import { ImportError } from './import-error';
import { GLOSSARY_NAME_MAX } from './library';
import {
  checkRows,
  FIELDS,
  type ImportedTerm,
  inFileOrder,
  type RawRow,
  type RowProblem,
} from './rows';
import { tbxRows } from './tbx';

export { ImportError };

const KNOWN_FIELDS: ReadonlySet<string> = new Set(FIELDS);

/**
 * A glossary file someone picked or dropped, read into what the options page previews before
 * anything is stored: its name, the terms that can be imported, and every problem in plain
 * words. A file that cannot be a glossary at all (empty, binary, too large, of the wrong shape)
 * gets one clear sentence instead. Reads only: storing is the caller's, and only on the user's
 * word. CSV is read by csv-parse (RFC 4180 quoting, the line ends of every spreadsheet, each
 * broken row reported alone); JSON is the project's own format (glossary/glossary.schema.json)
 * or the shapes other tools write; TBX is read by tbx.ts, with the browser's XML parser.
 */

/** Larger files are refused before they are read: 5,000 terms of long definitions fit in 5 MB. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** More terms than this slows every page the glossary is highlighted on: the file is refused. */
export const MAX_TERMS = 10_000;

export interface GlossaryPreview {
  readonly name: string;
  readonly format: 'csv' | 'json' | 'tbx';
  readonly terms: readonly ImportedTerm[];
  readonly problems: readonly RowProblem[];
  /** Rows (or JSON entries) the file holds, good and bad. */
  readonly rows: number;
  /** Said once above the problems, e.g. that the file was read as Windows-1252. */
  readonly notes: readonly string[];
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

/** Where other tools keep a glossary's list in a JSON object, after ours (`terms`). */
const LIST_KEYS = ['terms', 'glossary', 'entries', 'items'] as const;

/** An entry's keys read as our fields (its "word" is the term, say); the renamings noted. */
function entryRow(entry: unknown, renamed: Set<string>): RawRow {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    return {};
  }
  const keys = Object.keys(entry);
  const read = readColumns(keys);
  for (const note of read.renamed) {
    renamed.add(note);
  }
  return Object.fromEntries(
    keys.map((key, i) => [read.fields[i], (entry as Record<string, unknown>)[key]]),
  );
}

/**
 * A JSON glossary's entries: ours (an object with a list under "terms"), or as other tools
 * write one: a list of entries, an object with its list under "glossary", "entries" or
 * "items", or an object that maps each term to its definition.
 */
function jsonRows(text: string): { name: string | null; rows: RawRow[]; notes: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportError(
      `This JSON file cannot be read: ${(error as Error).message.replace(/^JSON\.parse: /, '')}.`,
    );
  }
  const object = typeof data === 'object' && data !== null && !Array.isArray(data);
  const record = (object ? data : {}) as Record<string, unknown>;
  const listKey = LIST_KEYS.find((key) => Array.isArray(record[key]));
  const values = Object.values(record);
  let entries: unknown[];
  if (Array.isArray(data)) {
    entries = data;
  } else if (listKey) {
    entries = record[listKey] as unknown[];
  } else if (object && values.length && values.every((v) => typeof v === 'string')) {
    entries = Object.entries(record).map(([term, definition]) => ({ term, definition }));
  } else {
    throw new ImportError(
      'This JSON file is not a glossary: it must hold a list of terms (under "terms" in the glossary format, glossary/glossary.schema.json), or map each term to its definition.',
    );
  }
  const renamed = new Set<string>();
  const rows = entries.map((entry) => entryRow(entry, renamed));
  const named = record.name ?? record.source ?? record.title;
  return {
    name: typeof named === 'string' && named.trim() ? named.trim() : null,
    rows,
    notes: renamedNote([...renamed]),
  };
}

/**
 * The separator of a CSV: of comma, semicolon and tab, the one on the most of its first lines
 * (a tab-separated list whose first line is a comment still reads as one), the header row's
 * most frequent breaking a tie.
 */
function separatorOf(text: string): string {
  const lines = text.split(/\r?\n/, 20).filter((line) => line.trim());
  const header = lines[0] ?? '';
  const score = (d: string) => [
    lines.filter((line) => line.includes(d)).length,
    header.split(d).length,
  ];
  return [',', ';', '\t'].reduce((best, next) => {
    const [lineCount, inHeader] = score(next);
    const [bestLines, bestHeader] = score(best);
    return (lineCount as number) > (bestLines as number) ||
      (lineCount === bestLines && (inHeader as number) > (bestHeader as number))
      ? next
      : best;
  });
}

interface CsvRead {
  rows: RawRow[];
  /** The row each of `rows` is on, as a spreadsheet numbers them. */
  rowNumbers: number[];
  problems: RowProblem[];
  notes: string[];
}

/**
 * Rows of `text` by `columns`: a function reading the header row, or the fields of a file
 * without one. A row csv-parse cannot read whole (broken quoting, too many cells) is named and
 * left out.
 */
function parseCsv(
  text: string,
  delimiter: string,
  columns: ((names: string[]) => (string | false)[]) | string[],
): CsvRead {
  const problems: RowProblem[] = [];
  const rowNumbers: number[] = [];
  // Data rows read so far, good or bad, in the file's order, after a header row if any.
  let seen = Array.isArray(columns) ? 0 : 1;
  const rows = parse<RawRow>(text, {
    delimiter,
    columns,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // Quotes inside a cell that does not start with one are characters: ("leet").
    relax_quotes: true,
    // A file without a header may have rows of one cell (a comment) or more than two.
    relax_column_count: Array.isArray(columns),
    // One row past the limit is enough to know the file is over it.
    to: MAX_TERMS + 1,
    on_record: (record: RawRow) => {
      seen++;
      rowNumbers.push(seen);
      return record;
    },
    on_skip: (error: CsvError | undefined) => {
      seen++;
      problems.push({
        where: `Row ${seen}`,
        message: `${CSV_PROBLEMS[error?.code ?? ''] ?? 'the row cannot be read'}, and is left out`,
        leftOut: true,
      });
    },
  });
  return { rows, rowNumbers, problems, notes: [] };
}

/**
 * Whether a first row names columns: two cells or more, each a short name ("Product",
 * "Also known as"). A row of data has a definition in it; a comment line has one cell.
 */
const looksLikeHeader = (cells: readonly string[]) =>
  cells.length >= 2 &&
  cells.every((cell) => cell.length <= 30 && cell.trim().split(/\s+/).length <= 3);

/**
 * A CSV's rows by its header. A file whose first row names neither a term nor a definition
 * column, and does not look like a row of names at all, is read as a list without a header (a
 * tab-separated list of acronyms, say): each row a term, then its definition.
 */
function csvRows(text: string): CsvRead {
  const delimiter = separatorOf(text);
  let header: string[] = [];
  let notes: string[] = [];
  const named = parseCsv(text, delimiter, (names) => {
    const read = readColumns(names);
    header = read.fields;
    // A column that is no field of a term is said once here, not on every row.
    const unread = names.filter((n, i) => n.trim() && !KNOWN_FIELDS.has(header[i] as string));
    notes = [
      ...renamedNote(read.renamed),
      ...(unread.length
        ? [`Columns that are not fields of a term are left out: ${unread.join(', ')}.`]
        : []),
    ];
    return header.map((field) => (KNOWN_FIELDS.has(field) ? field : false));
  });
  const missing = ['term', 'definition'].filter((f) => !header.includes(f));
  if (!missing.length) {
    return { ...named, notes };
  }
  if (missing.length === 2 && !looksLikeHeader(header)) {
    const plain = parseCsv(text, delimiter, ['term', 'definition']);
    return {
      ...plain,
      notes: ['The first row names no columns: each row is read as a term, then its definition.'],
    };
  }
  throw new ImportError(
    `The first row of a CSV glossary names its columns, and must name ${missing.map((m) => `"${m}"`).join(' and ')}. This file's first row has: ${header.filter(Boolean).slice(0, 8).join(', ') || 'nothing'}.`,
  );
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

/** Whether a file is read as TBX (XML): by its name, or by its text starting with a tag. */
export const looksLikeTbx = (fileName: string, start: string) =>
  /\.(tbx|xml)$/i.test(fileName) || /^\uFEFF?\s*</.test(start);

/** Reads a picked or dropped file into its preview, or throws an ImportError saying why not. */
export function previewGlossary(fileName: string, bytes: Uint8Array): GlossaryPreview {
  checkSize(bytes.length);
  const { text, notes } = decode(bytes);
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) {
    throw new ImportError('The file holds no text.');
  }
  const isJson = /\.json$/i.test(fileName) || /^\s*[{[]/.test(body);
  const isTbx = looksLikeTbx(fileName, body);
  const format = isTbx ? ('tbx' as const) : isJson ? ('json' as const) : ('csv' as const);
  let name = baseName(fileName);
  let rows: RawRow[];
  let where: (index: number) => string;
  let unreadable: RowProblem[] = [];
  if (isTbx) {
    const read = tbxRows(body);
    rows = read.rows;
    name = read.name ?? name;
    notes.push(...read.notes);
    where = (i) => `Entry ${i + 1}`;
  } else if (isJson) {
    const read = jsonRows(body);
    rows = read.rows;
    name = read.name ?? name;
    notes.push(...read.notes);
    where = (i) => `Term ${i + 1}`;
  } else {
    const read = csvRows(body);
    rows = read.rows;
    unreadable = read.problems;
    notes.push(...read.notes);
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
      format === 'csv'
        ? 'The CSV has a header row but no terms under it.'
        : 'The glossary lists no terms.',
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
