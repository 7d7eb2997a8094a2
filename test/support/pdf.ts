import { createHash } from 'node:crypto';

/**
 * Small PDFs written here, from text the tests choose: each page a list of lines in Helvetica
 * (a font every PDF reader has), or with no text at all (as a scan has none). Uncompressed,
 * with a correct cross-reference table, so pdf.js reads them without repairing anything.
 * Optionally protected by a user password, with the standard security handler's oldest
 * method (RC4, 40-bit key, revision 2: ISO 32000-1, 7.6.3), which every reader supports.
 */

/** The 32 bytes a password is padded with (ISO 32000-1, 7.6.3.3). */
const PADDING = Buffer.from(
  '28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a',
  'hex',
);
/** Permissions: everything allowed but what revision 2 reserves. */
const PERMISSIONS = -44;

const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();
const padded = (password: string) =>
  Buffer.concat([Buffer.from(password, 'latin1'), PADDING]).subarray(0, 32);

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + (s[i] as number) + (key[i % key.length] as number)) & 255;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + (s[i] as number)) & 255;
    [s[i], s[j]] = [s[j] as number, s[i] as number];
    out[n] = (data[n] as number) ^ (s[((s[i] as number) + (s[j] as number)) & 255] as number);
  }
  return out;
}

interface Security {
  /** The /Encrypt dictionary and the file identifier the key is made with. */
  readonly dictionary: string;
  readonly id: Buffer;
  /** Encrypts one string or stream of object `num`. */
  encrypt(num: number, data: Buffer): Buffer;
}

function security(password: string, title: string): Security {
  const id = md5(Buffer.from(title));
  // The owner password is the user's: only opening matters here.
  const owner = rc4(md5(padded(password)).subarray(0, 5), padded(password));
  const p = Buffer.alloc(4);
  p.writeInt32LE(PERMISSIONS);
  const key = md5(padded(password), owner, p, id).subarray(0, 5);
  const user = rc4(key, PADDING);
  const objectKey = (num: number) => {
    const suffix = Buffer.from([num & 255, (num >> 8) & 255, (num >> 16) & 255, 0, 0]);
    return md5(key, suffix).subarray(0, 10);
  };
  return {
    dictionary: `<< /Filter /Standard /V 1 /R 2 /O <${owner.toString('hex')}> /U <${user.toString('hex')}> /P ${PERMISSIONS} >>`,
    id,
    encrypt: (num, data) => rc4(objectKey(num), data),
  };
}

const pdfString = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);

/** The content stream of a page: its lines from the top, or a grey box when it has none. */
function pageContent(lines: readonly string[]): string {
  if (!lines.length) {
    return '0.6 g 72 200 451 500 re f\n';
  }
  return `BT /F1 14 Tf 18 TL 72 740 Td\n${lines.map((l) => `(${pdfString(l)}) Tj T*`).join('\n')}\nET\n`;
}

export function makePdf(
  pages: ReadonlyArray<readonly string[]>,
  title = 'Test document',
  { password }: { password?: string } = {},
): Buffer {
  const secured = password === undefined ? null : security(password, title);
  const objects: string[] = [];
  // Object 1 is the catalog: the others are numbered from 2, and built knowing their number.
  const add = (body: string | ((num: number) => string)) => {
    const num = objects.length + 2;
    objects.push(typeof body === 'string' ? body : body(num));
    return num;
  };
  const text = (num: number, value: string): Buffer => {
    const bytes = Buffer.from(value, 'latin1');
    return secured ? secured.encrypt(num, bytes) : bytes;
  };
  const font = add(
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  );
  const info = add((num) =>
    secured
      ? `<< /Title <${text(num, title).toString('hex')}> >>`
      : `<< /Title (${pdfString(title)}) >>`,
  );
  const encrypt = secured ? add(secured.dictionary) : null;
  const pageIds: number[] = [];
  const pagesId = objects.length + 2 + pages.length * 2;
  for (const lines of pages) {
    const stream = add((num) => {
      const content = text(num, pageContent(lines));
      return `<< /Length ${content.length} >>\nstream\n${content.toString('latin1')}\nendstream`;
    });
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`,
      ),
    );
  }
  add(
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`,
  );
  const all = [`<< /Type /Catalog /Pages ${pagesId} 0 R >>`, ...objects];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  all.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${all.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  const encryption = secured
    ? ` /Encrypt ${encrypt} 0 R /ID [<${secured.id.toString('hex')}> <${secured.id.toString('hex')}>]`
    : '';
  out += `trailer\n<< /Size ${all.length + 1} /Root 1 0 R /Info ${info} 0 R${encryption} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
