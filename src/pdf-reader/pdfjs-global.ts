import * as pdfjsLib from 'pdfjs-dist';

// pdfjs-dist's viewer components (web/pdf_viewer.mjs) take the library from this global as
// they are evaluated: this module is imported before them.
(globalThis as { pdfjsLib?: unknown }).pdfjsLib = pdfjsLib;
