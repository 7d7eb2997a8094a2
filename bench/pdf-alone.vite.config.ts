import { defineConfig } from 'vite';

// The bench's page that opens a PDF with pdf.js alone, built into dist/bench-pdf.
export default defineConfig({
  root: 'bench/pdf-alone',
  base: './',
  logLevel: 'warn',
  build: {
    outDir: '../../dist/bench-pdf',
    emptyOutDir: true,
    target: 'es2022',
    // pdf.js is one large chunk by design: only the page that reads a PDF loads it.
    chunkSizeWarningLimit: 3_000,
  },
});
