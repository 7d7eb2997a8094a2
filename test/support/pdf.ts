/**
 * Small PDFs written here, from text the tests choose: each page a list of lines in Helvetica
 * (a font every PDF reader has), or with no text at all (as a scan has none). Uncompressed,
 * with a correct cross-reference table, so pdf.js reads them without repairing anything.
 */

const pdfString = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);

/** The content stream of a page: its lines from the top, or a grey box when it has none. */
function pageContent(lines: readonly string[]): string {
  if (!lines.length) {
    return '0.6 g 72 200 451 500 re f\n';
  }
  return `BT /F1 14 Tf 18 TL 72 740 Td\n${lines.map((l) => `(${pdfString(l)}) Tj T*`).join('\n')}\nET\n`;
}

export function makePdf(pages: ReadonlyArray<readonly string[]>, title = 'Test document'): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) + 1; // object 1 is the catalog
  const font = add(
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  );
  const info = add(`<< /Title (${pdfString(title)}) >>`);
  const pageIds: number[] = [];
  const pagesId = objects.length + 2 + pages.length * 2;
  for (const lines of pages) {
    const content = pageContent(lines);
    const stream = add(
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}endstream`,
    );
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
  out += `trailer\n<< /Size ${all.length + 1} /Root 1 0 R /Info ${info} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
