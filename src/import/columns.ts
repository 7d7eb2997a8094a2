import { FIELDS } from './rows';

/**
 * What other glossaries call the fields of a term. Spreadsheets and tools name their columns
 * as they like ("Word", "Meaning", "Synonyms"); a file is read by what its columns mean, and
 * the preview says how each one that was not ours by name was read.
 */
const ALIASES: Readonly<Record<string, (typeof FIELDS)[number]>> = {
  word: 'term',
  name: 'term',
  concept: 'term',
  keyword: 'term',
  entry: 'term',
  meaning: 'definition',
  description: 'definition',
  explanation: 'definition',
  gloss: 'definition',
  acronym: 'abbreviation',
  abbr: 'abbreviation',
  'short form': 'abbreviation',
  synonyms: 'forms',
  aliases: 'forms',
  variants: 'forms',
  'also known as': 'forms',
  tags: 'category',
  topic: 'category',
  domain: 'category',
  'see also': 'related',
  'related terms': 'related',
};

const OURS: ReadonlySet<string> = new Set(FIELDS);

export interface ColumnReading {
  /** Each column's field, in the file's order; a column that is none keeps its own name. */
  readonly fields: string[];
  /** How columns named otherwise were read: "Word as term". */
  readonly renamed: string[];
}

/**
 * The fields `names` (a header row, a JSON entry's keys) stand for: ours by name in any case,
 * then the others by what they mean, each field taken once, by its first column.
 */
export function readColumns(names: readonly string[]): ColumnReading {
  const plain = names.map((n) =>
    n
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, ' '),
  );
  const taken = new Set(plain.filter((n) => OURS.has(n)));
  const renamed: string[] = [];
  const fields = plain.map((name, i) => {
    if (OURS.has(name)) {
      return name;
    }
    const field = ALIASES[name];
    if (!field || taken.has(field)) {
      return (names[i] as string).trim();
    }
    taken.add(field);
    renamed.push(`${(names[i] as string).trim()} as ${field}`);
    return field;
  });
  return { fields, renamed };
}

/** The note a preview shows when columns were read by what they mean. */
export const renamedNote = (renamed: readonly string[]) =>
  renamed.length ? [`Columns read by what they mean: ${renamed.join(', ')}.`] : [];
