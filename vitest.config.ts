import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser and LSP tests start real processes: give them room, but never rely on sleeps.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores: run files in parallel, but not so many that Chromium instances starve.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
