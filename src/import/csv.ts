import { type CsvError, parse } from 'csv-parse/browser/esm/sync';
import { readColumns, renamedNote } from './columns';
import { ImportError } from './import-error';
import { FIELDS, type RawRow, type RowProblem } from './rows';

/**
 * A CSV glossary's rows, as spreadsheets and other tools save them, read by csv-parse
 * (RFC 4180 quoting, the line ends of every spreadsheet, each broken row reported alone): by
 * its header row, its columns read by what they mean, or as a list without one. `maxRows`
 * stops the reading: one row past the limit is enough to know a file is over it.
 */

const KNOWN_FIELDS: ReadonlySet<string> = new Set(FIELDS);

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
  maxRows: number,
): CsvRead {
  const problems: RowProblem[] = [];
  const rowNumbers: number[] = [];
  // Data rows read so far, good or bad, in the file's order, after a header row if any.
  let seen = Array.isArray(columns) ? 0 : 1;
  // A spreadsheet shows an empty line as a row of its own: the rows after it count it.
  const rowOf = (context: { empty_lines?: unknown } | undefined) =>
    seen + (typeof context?.empty_lines === 'number' ? context.empty_lines : 0);
  const rows = parse<RawRow>(text, {
    delimiter,
    columns,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // Quotes inside a cell that does not start with one are characters: ("leet").
    relax_quotes: true,
    // A file without a header may have rows of one cell (a comment) or more than two.
    relax_column_count: Array.isArray(columns),
    to: maxRows,
    on_record: (record: RawRow, context) => {
      seen++;
      rowNumbers.push(rowOf(context));
      return record;
    },
    on_skip: (error: CsvError | undefined) => {
      seen++;
      problems.push({
        where: `Row ${rowOf(error as { empty_lines?: unknown } | undefined)}`,
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
export function csvRows(text: string, maxRows: number): CsvRead {
  const delimiter = separatorOf(text);
  let header: string[] = [];
  let notes: string[] = [];
  const named = parseCsv(
    text,
    delimiter,
    (names) => {
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
    },
    maxRows,
  );
  const missing = ['term', 'definition'].filter((f) => !header.includes(f));
  if (!missing.length) {
    return { ...named, notes };
  }
  if (missing.length === 2 && !looksLikeHeader(header)) {
    const plain = parseCsv(text, delimiter, ['term', 'definition'], maxRows);
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
