import { defineConfig } from 'vitest/config';

// Kept apart from vite.config.ts so the extension build plugin is not loaded in unit tests.
export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/unit/**/*.test.ts'],
    environment: 'jsdom',
  },
});
