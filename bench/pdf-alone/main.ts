import { openPdf } from '../../src/pdf-reader/viewer';

// The bench's "pdf.js alone": Mozilla's viewer components driven exactly as the reader drives
// them (src/pdf-reader/viewer.ts), without the glossary: no reader bar, no content script.
const file = new URLSearchParams(location.search).get('file') ?? '';
void openPdf(
  document.getElementById('viewerContainer') as HTMLDivElement,
  new URL(file, location.href).href,
  1,
  () => undefined,
  async () => null,
);
