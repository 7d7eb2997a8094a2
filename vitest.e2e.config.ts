import { defineConfig } from 'vitest/config';

// Real browsers with the built extension: one file at a time, generous timeouts.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    // The store packages, unpacked and checked against dist/: what the tests load.
    globalSetup: ['test/e2e/support/packages.setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
