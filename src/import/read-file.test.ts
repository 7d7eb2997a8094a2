// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError, MAX_TERMS, previewGlossary } from './read-file';

const ROOT = join(__dirname, '../..');
const utf8 = (text: string) => new TextEncoder().encode(text);
const preview = (name: string, text: string) => previewGlossary(name, utf8(text));
const said = (p: { problems: readonly { where: string; message: string }[] }) =>
  p.problems.map((x) => `${x.where}: ${x.message}`);
const refusal = (name: string, bytes: Uint8Array) => {
  try {
    previewGlossary(name, bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return (error as Error).message;
  }
  throw new Error('the file was not refused');
};

describe('a CSV glossary, as spreadsheets save it', () => {
  it("keeps a file's good ids, and makes one from the term where an id is bad, taken or reserved", () => {
    const p = preview(
      'ids.csv',
      [
        'id,term,definition',
        'churn-rate,Churn,Customers who leave.',
        'Churn Rate,Retention,Customers who stay.',
        'churn-rate,Upsell,Selling more to a customer.',
        '__proto__,Constructor,A word that could reach a prototype.',
        ',Churn Score,A guess that a customer leaves.',
        ',Churn score!,The same name once more.',
      ].join('\n'),
    );
    expect(p.terms.map((t) => [t.id, t.term])).toEqual([
      ['churn-rate', 'Churn'],
      ['retention', 'Retention'],
      ['upsell', 'Upsell'],
      ['constructor-term', 'Constructor'],
      ['churn-score', 'Churn Score'],
      ['churn-score-2', 'Churn score!'],
    ]);
    expect(said(p)).toEqual([
      "Row 3: the id 'Churn Rate' must be lower-case words joined by hyphens; one is made from the term",
      "Row 4: the id 'churn-rate' is used by another row; one is made from the term",
      "Row 5: the id '__proto__' must be lower-case words joined by hyphens; one is made from the term",
    ]);
  });

  it('reads quoted cells, commas and line breaks inside them, and names it after the file', () => {
    const p = preview(
      'C:\\Users\\ana\\CRM terms.csv',
      'term,definition,abbreviation\r\nChurn,"Customers who leave, in a period.\nCounted monthly.",\r\nNet Promoter Score,"How likely customers are to say ""recommend"".",NPS\r\n',
    );
    expect(p.name).toBe('CRM terms');
    expect(p.format).toBe('csv');
    expect(p.problems).toEqual([]);
    expect(p.terms.map((t) => [t.id, t.term, t.forms])).toEqual([
      ['churn', 'Churn', ['Churn']],
      ['net-promoter-score', 'Net Promoter Score', ['Net Promoter Score', 'NPS']],
    ]);
    expect(p.terms[0]?.definition).toBe('Customers who leave, in a period.\nCounted monthly.');
    expect(p.terms[1]?.definition).toBe('How likely customers are to say "recommend".');
  });

  it('takes semicolons and a byte-order mark, and column names in any case', () => {
    const p = preview('x.csv', '\uFEFFTerm;Definition;Everyday\nChurn;Customers who leave;yes\n');
    expect(p.terms).toEqual([
      {
        id: 'churn',
        term: 'Churn',
        definition: 'Customers who leave',
        forms: ['Churn'],
        related: [],
        everyday: true,
      },
    ]);
  });

  it('reads columns by what they mean, and says once which it leaves out', () => {
    const p = preview(
      'x.csv',
      'Word,Meaning,Acronym,Synonyms,Tags,Notes\nNet Promoter Score,Recommending.,NPS,promoter score,metrics,ask Ana\nChurn,Leaving.,,,metrics,\n',
    );
    expect(p.problems).toEqual([]);
    expect(p.terms.map((t) => [t.term, t.abbreviation, t.forms, t.category])).toEqual([
      ['Net Promoter Score', 'NPS', ['Net Promoter Score', 'NPS', 'promoter score'], 'metrics'],
      ['Churn', undefined, ['Churn'], 'metrics'],
    ]);
    expect(p.notes).toEqual([
      'Columns read by what they mean: Word as term, Meaning as definition, Acronym as abbreviation, Synonyms as forms, Tags as category.',
      'Columns that are not fields of a term are left out: Notes.',
    ]);
    // A file with our own names keeps them: "name" is not read as the term beside "term".
    expect(preview('y.csv', 'term,name,definition\nChurn,x,Leaving.\n').terms[0]?.term).toBe(
      'Churn',
    );
  });

  it('reads a list without a header row as term, then definition, tabs and a comment line too', () => {
    const p = preview(
      'acronyms.comp',
      '$NetBSD: acronyms.comp,v 1.193 2018/03/01 19:09:33 ginsbach Exp $\nAI\tanalog input\nAI\tartificial intelligence\n1337\telite ("leet")\n',
    );
    expect(p.notes).toEqual([
      'The first row names no columns: each row is read as a term, then its definition.',
    ]);
    expect(p.terms.map((t) => [t.term, t.definition])).toEqual([
      ['AI', 'analog input'],
      ['1337', 'elite ("leet")'],
    ]);
    expect(said(p)).toEqual(['Row 1: the definition is empty', "Row 3: 'AI' is already row 2"]);
    // Two cells of data without a header read the same way.
    expect(preview('t.csv', 'Churn,Customers who stop buying\n').terms[0]?.term).toBe('Churn');
  });

  it('reads a file older spreadsheets saved as Windows-1252, and says so', () => {
    const bytes = Uint8Array.from([
      ...utf8('term,definition\nCaf'),
      0xe9,
      ...utf8(',A place for coffee and data\n'),
    ]);
    const p = previewGlossary('old.csv', bytes);
    expect(p.terms[0]?.term).toBe('Café');
    expect(p.notes.join(' ')).toMatch(/Windows-1252/);
  });

  it('counts empty lines as the rows a spreadsheet shows them as', () => {
    const p = preview(
      'gaps.csv',
      [
        'term,definition',
        '',
        'Churn,Customers who leave',
        '',
        '',
        'Retention,',
        'Attrition,Too,many,cells',
        'churn,Said twice',
      ].join('\n'),
    );
    expect(p.terms.map((t) => t.term)).toEqual(['Churn']);
    expect(said(p)).toEqual([
      'Row 6: the definition is empty',
      'Row 7: the row does not have as many cells as the first row has columns, and is left out',
      "Row 8: 'churn' is already row 3",
    ]);
  });

  it('names each bad row as the spreadsheet numbers it, and keeps every good row', () => {
    const p = preview(
      'team.csv',
      [
        'term,definition,abbreviation,forms,related,colour',
        'Churn,Customers who leave,,churn rate|attrition,Retention,red',
        'Retention,,,,,',
        'churn,Said twice,,,,',
        'Attrition rate,Another name,,attrition,,',
        'Service level agreement,What support promises,sla,,Nothing here,',
        'Retention,Customers who stay,,,Churn,',
      ].join('\n'),
    );
    expect(p.terms.map((t) => t.term)).toEqual([
      'Churn',
      'Attrition rate',
      'Service level agreement',
      'Retention',
    ]);
    expect(said(p)).toEqual([
      'Row 3: the definition is empty',
      "Row 4: 'churn' is already row 2",
      "Row 5: the form 'attrition' is already a form of 'Churn' (row 2), and is left out here",
      "Row 6: the abbreviation 'sla' must be 2 to 10 capital letters or digits, starting with a letter, and is left out",
      "Row 6: the related term 'Nothing here' is not in this glossary, and is left out",
    ]);
    // A column that is no field is said once, not on every row.
    expect(p.notes).toEqual(['Columns that are not fields of a term are left out: colour.']);
    const churn = p.terms.find((t) => t.term === 'Churn');
    expect(churn?.forms).toEqual(['Churn', 'churn rate', 'attrition']);
    // Related terms named by term, found whichever row comes first.
    expect(churn?.related).toEqual(['retention']);
    expect(p.terms.find((t) => t.term === 'Retention')?.related).toEqual(['churn']);
    expect(p.problems.filter((x) => x.leftOut).map((x) => x.where)).toEqual(['Row 3', 'Row 4']);
  });

  it('keeps markup in a definition as the characters it is', () => {
    const p = preview(
      'x.csv',
      'term,definition\nXSS,"<img src=x onerror=alert(1)> is <b>bad</b>"\n',
    );
    expect(p.terms[0]?.definition).toBe('<img src=x onerror=alert(1)> is <b>bad</b>');
  });

  it('says which rows broken quoting spoiled, and reads the others', () => {
    const p = preview(
      'x.csv',
      'term,definition\nChurn,Customers who leave\nBias,"Unfair, never closed\n',
    );
    expect(p.terms.map((t) => t.term)).toEqual(['Churn']);
    expect(said(p)).toEqual([
      'Row 3: a quoted cell is not closed (a " is missing), and is left out',
    ]);
  });

  it('refuses a CSV without the two columns it needs, naming what it found', () => {
    expect(refusal('x.csv', utf8('Product,Price\nChurn,Customers who leave\n'))).toBe(
      'The first row of a CSV glossary names its columns, and must name "term" and "definition". This file\'s first row has: Product, Price.',
    );
  });

  it('refuses 100,000 rows quickly, without reading them all', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `Term ${i},Definition ${i}`);
    expect(refusal('big.csv', utf8(`term,definition\n${rows.join('\n')}`))).toBe(
      `The file has more than ${MAX_TERMS.toLocaleString('en')} terms; a glossary can have at most ${MAX_TERMS.toLocaleString('en')}. Split it into several glossaries.`,
    );
  });

  it('says so when no row can be imported', () => {
    const p = preview('x.csv', 'term,definition\nChurn,\n,Orphan definition\n');
    expect(p.terms).toEqual([]);
    expect(p.rows).toBe(2);
    expect(said(p)).toEqual(['Row 2: the definition is empty', 'Row 3: the term is empty']);
  });
});

describe('a JSON glossary, in the project format', () => {
  it("imports the course's own glossary.json, all 30 terms, named after its source", () => {
    const bytes = readFileSync(join(ROOT, 'glossary/glossary.json'));
    const course = JSON.parse(bytes.toString('utf8'));
    const p = previewGlossary('glossary.json', bytes);
    expect(p.name).toBe(course.source);
    expect(p.terms.map((t) => t.id)).toEqual(course.terms.map((t: { id: string }) => t.id));
    // Only the course's word senses are not read in an imported glossary, and that is said.
    expect(new Set(p.problems.map((x) => x.message))).toEqual(
      new Set(["otherSenses is read only in the course's glossary, and is left out"]),
    );
  });

  it('names entries by their place in the list', () => {
    const p = preview(
      'x.json',
      JSON.stringify({
        name: 'Team',
        terms: [{ term: 'Churn', definition: 'Leaving' }, { term: 'Churn' }, 7],
      }),
    );
    expect(p.name).toBe('Team');
    expect(said(p)).toEqual([
      'Term 2: the definition is empty',
      'Term 3: the term is empty',
      'Term 3: the definition is empty',
    ]);
  });

  it('reads the shapes other tools write: a bare list, another list key, a term-to-definition map', () => {
    const list = preview(
      'list.json',
      '[{"Word": "Churn", "Meaning": "Leaving.", "Synonyms": ["attrition"]}]',
    );
    expect(list.terms.map((t) => [t.term, t.definition, t.forms])).toEqual([
      ['Churn', 'Leaving.', ['Churn', 'attrition']],
    ]);
    expect(list.notes).toEqual([
      'Columns read by what they mean: Word as term, Meaning as definition, Synonyms as forms.',
    ]);
    const entries = preview(
      'e.json',
      '{"title": "Sales", "entries": [{"term": "Upsell", "definition": "More."}]}',
    );
    expect([entries.name, entries.terms[0]?.term]).toEqual(['Sales', 'Upsell']);
    const map = preview('m.json', '{"Churn": "Leaving.", "NPS": "Recommending."}');
    expect(map.terms.map((t) => [t.term, t.definition])).toEqual([
      ['Churn', 'Leaving.'],
      ['NPS', 'Recommending.'],
    ]);
  });

  it('refuses JSON of the wrong shape or broken JSON with a sentence, not a stack', () => {
    expect(refusal('x.json', utf8('{"version": 2, "count": 3}'))).toMatch(
      /^This JSON file is not a glossary: it must hold a list of terms/,
    );
    expect(refusal('x.json', utf8('{"terms": [}'))).toMatch(/^This JSON file cannot be read: /);
    expect(refusal('x.json', utf8('{"terms": []}'))).toBe('The glossary lists no terms.');
  });
});

describe('files that cannot be glossaries', () => {
  it('refuses an empty file, a binary file and a 50 MB file, each with its reason', () => {
    expect(refusal('x.csv', new Uint8Array())).toBe('The file is empty.');
    expect(refusal('x.csv', utf8(' \n\n '))).toBe('The file holds no text.');
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(refusal('photo.csv', png)).toMatch(/^This is not a text file/);
    expect(refusal('huge.csv', new Uint8Array(50 * 1024 * 1024).fill(0x61))).toBe(
      'The file is 50.0 MB; a glossary file can be at most 10.0 MB.',
    );
  });
});
