import { defineConfig } from 'vitest/config';

// The store packages `npm run package` made: what they hold, and that the source one rebuilds them.
export default defineConfig({
  test: {
    include: ['test/release/**/*.release.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
