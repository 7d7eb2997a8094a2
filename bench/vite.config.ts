import { defineConfig } from 'vite';

// The in-page half of the benchmark, as one script to inject into any page.
export default defineConfig({
  build: {
    outDir: 'dist/bench',
    emptyOutDir: true,
    target: 'es2022',
    lib: {
      entry: 'bench/in-page.ts',
      formats: ['iife'],
      name: 'eaigBenchBundle',
      fileName: () => 'in-page.js',
    },
  },
});
