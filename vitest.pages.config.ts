import { defineConfig } from 'vitest/config';

// The real-page suite: every page of ../shared/pages in real browsers. Slow by nature.
export default defineConfig({
  test: {
    include: ['test/pages/**/*.pages.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 1_200_000,
    hookTimeout: 120_000,
  },
});
