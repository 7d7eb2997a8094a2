import { readColumns, renamedNote } from './columns';
import { csvRows } from './csv';
import { ImportError } from './import-error';
import { GLOSSARY_NAME_MAX } from './library';
import { checkRows, type ImportedTerm, inFileOrder, type RawRow, type RowProblem } from './rows';
import { tbxRows } from './tbx';

export { ImportError };

/**
 * A glossary file someone picked or dropped, read into what the options page previews before
 * anything is stored: its name, the terms that can be imported, and every problem in plain
 * words. A file that cannot be a glossary at all (empty, binary, too large, of the wrong shape)
 * gets one clear sentence instead. Reads only: storing is the caller's, and only on the user's
 * word. CSV is read by csv.ts (csv-parse: RFC 4180 quoting, the line ends of every
 * spreadsheet, each broken row reported alone); JSON is the project's own format
 * (glossary/glossary.schema.json) or the shapes other tools write; TBX is read by tbx.ts, with
 * the browser's XML parser.
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
    const read = csvRows(body, MAX_TERMS + 1);
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
