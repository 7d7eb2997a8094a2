import Papa from 'papaparse';
import { checkRows, type ImportedTerm, inFileOrder, type RawRow, type RowProblem } from './rows';

/**
 * A glossary file someone picked or dropped, read into what the options page previews before
 * anything is stored: its name, the terms that can be imported, and every problem in plain
 * words. A file that cannot be a glossary at all (empty, binary, too large, of the wrong shape)
 * gets one clear sentence instead. Reads only: storing is the caller's, and only on the user's
 * word. CSV is read by papaparse (quoting, both separators, a byte-order mark, the line ends
 * of every spreadsheet); JSON is the project's own format (glossary/glossary.schema.json).
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

/** Stands in for a row papaparse reported: it is not checked again, so not named twice. */
const BROKEN_ROW: RawRow = Object.freeze({});

/** A CSV's rows by its header; a row papaparse could not read whole is named and left out. */
function csvRows(text: string): { rows: RawRow[]; problems: RowProblem[] } {
  const rows: RawRow[] = [];
  const problems: RowProblem[] = [];
  let header: string[] = [];
  // Row by row, so that each problem comes with its own row (papaparse's row numbers for
  // quoting problems count the header and empty lines); stops one row past the limit.
  Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t'],
    transformHeader: (h) => h.trim().toLowerCase(),
    step(result, parser) {
      header = result.meta.fields ?? header;
      const codes = result.errors.map((e) => e.code).filter((c) => c !== 'UndetectableDelimiter');
      if (codes.length) {
        const first = codes[0] as string;
        problems.push({
          where: `Row ${rows.length + 2}`,
          message: `${CSV_PROBLEMS[first] ?? 'the row cannot be read'}, and is left out`,
          leftOut: true,
        });
      }
      rows.push(codes.length ? BROKEN_ROW : result.data);
      if (rows.length > MAX_TERMS) {
        parser.abort();
      }
    },
  });
  const missing = ['term', 'definition'].filter((f) => !header.includes(f));
  if (missing.length) {
    throw new ImportError(
      `The first row of a CSV glossary names its columns, and must name ${missing.map((m) => `"${m}"`).join(' and ')}. This file's first row has: ${header.filter(Boolean).slice(0, 8).join(', ') || 'nothing'}.`,
    );
  }
  return { rows, problems };
}

/** What papaparse's error codes mean to someone who saved a spreadsheet. */
const CSV_PROBLEMS: Readonly<Record<string, string>> = {
  MissingQuotes: 'a quoted cell is not closed (a " is missing)',
  InvalidQuotes: 'a cell has a stray " inside it',
  TooFewFields: 'the row has fewer cells than the first row has columns',
  TooManyFields: 'the row has more cells than the first row has columns',
};

/** Reads a picked or dropped file into its preview, or throws an ImportError saying why not. */
export function previewGlossary(fileName: string, bytes: Uint8Array): GlossaryPreview {
  if (bytes.length === 0) {
    throw new ImportError('The file is empty.');
  }
  if (bytes.length > MAX_FILE_BYTES) {
    throw new ImportError(
      `The file is ${formatBytes(bytes.length)}; a glossary file can be at most ${formatBytes(MAX_FILE_BYTES)}.`,
    );
  }
  const { text, notes } = decode(bytes);
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) {
    throw new ImportError('The file holds no text.');
  }
  const isJson = /\.json$/i.test(fileName) || /^\s*[{[]/.test(body);
  const format = isJson ? ('json' as const) : ('csv' as const);
  let name = baseName(fileName);
  let rows: RawRow[];
  let problems: RowProblem[] = [];
  if (isJson) {
    const read = jsonRows(body);
    rows = read.rows;
    name = read.name ?? name;
  } else {
    ({ rows, problems } = csvRows(body));
  }
  if (rows.length > MAX_TERMS) {
    throw new ImportError(
      `The file has more than ${MAX_TERMS.toLocaleString('en')} terms; a glossary can have at most ${MAX_TERMS.toLocaleString('en')}. Split it into several glossaries.`,
    );
  }
  if (rows.length === 0) {
    throw new ImportError(
      isJson ? 'The glossary lists no terms.' : 'The CSV has a header row but no terms under it.',
    );
  }
  const where = isJson ? (i: number) => `Term ${i + 1}` : (i: number) => `Row ${i + 2}`;
  const readable = rows.map((row, i) => ({ row, i })).filter(({ row }) => row !== BROKEN_ROW);
  const checked = checkRows(
    readable.map(({ row }) => row),
    (k) => where(readable[k]?.i ?? k),
  );
  return {
    name: name.slice(0, 100),
    format,
    terms: checked.terms,
    problems: [...problems, ...checked.problems].sort(inFileOrder),
    rows: rows.length,
    notes,
  };
}
