// Runs Mozilla's add-on linter (web-ext lint) on the Firefox package npm run package made (or on
// dist/firefox where there is none). Fails on any error, and on any
// warning from our own code. Preact's renderer assigns innerHTML for dangerouslySetInnerHTML
// (which our lint rules forbid us to use), so that one warning is allowed when it points into
// Preact's code and nowhere else; pdf.js's warnings are counted apart (below).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { releaseZip, unzipTo } from './release/files.mjs';

const zip = releaseZip(join(import.meta.dirname, '..'), 'firefox');
let dir = 'dist/firefox';
/** The folder the zip is unpacked into, removed once the report is read. */
let unpacked = null;
if (existsSync(zip)) {
  // web-ext lints a folder: the zip's own files, as addons.mozilla.org will read them.
  unpacked = mkdtempSync(join(tmpdir(), 'eaig-lint-'));
  dir = join(unpacked, 'firefox');
  unzipTo(zip, dir);
}
console.log(`web-ext lint on ${existsSync(zip) ? `release/${basename(zip)}` : dir}`);
let report;
try {
  report = execFileSync('npx', ['web-ext', 'lint', '--source-dir', dir, '-o', 'json'], {
    encoding: 'utf8',
  });
} catch (error) {
  // web-ext exits non-zero when there are errors; the JSON report is still on stdout.
  report = error.stdout;
}
const { errors, warnings, notices } = JSON.parse(report);

function fromPreact(warning) {
  if (warning.code !== 'UNSAFE_VAR_ASSIGNMENT' || !warning.file || !warning.line) {
    return false;
  }
  const line = readFileSync(join(dir, warning.file), 'utf8').split('\n')[warning.line - 1] ?? '';
  const at = warning.column ?? 0;
  // Preact's only innerHTML write reads `dangerouslySetInnerHTML.__html`.
  return line.slice(Math.max(0, at - 300), at + 300).includes('__html');
}

// Mozilla's pdf.js, in chunks of its own that only the PDF reader loads: its Function checks
// (off: isEvalSupported is false, and the CSP forbids eval), its worker's dynamic imports and
// its viewer's innerHTML of its own markup are the library's, reviewed by Mozilla.
const fromPdfJs = (warning) => /^assets\/(pdfjs-|pdf\.worker\.min-)/.test(warning.file ?? '');

const ours = warnings.filter((w) => !fromPreact(w) && !fromPdfJs(w));
for (const m of [...errors, ...ours]) {
  console.error(`${m._type ?? 'problem'} ${m.code} ${m.file ?? ''}:${m.line ?? ''} ${m.message}`);
}
console.log(
  `web-ext lint: ${errors.length} errors, ${ours.length} warnings from our code, ` +
    `${warnings.filter(fromPreact).length} from Preact's innerHTML, ` +
    `${warnings.filter(fromPdfJs).length} from pdf.js, ${notices.length} notices`,
);
if (unpacked) {
  rmSync(unpacked, { recursive: true, force: true });
}
process.exit(errors.length || ours.length ? 1 : 0);
