import { defineConfig } from 'vitest/config';

// `npm run bench`: measurements printed and written to BENCHMARKS.md, not tests.
export default defineConfig({
  test: {
    include: ['bench/**/*.run.ts'],
    environment: 'node',
    testTimeout: 3_600_000,
    hookTimeout: 120_000,
  },
});
