import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser and LSP tests start real processes: give them room, but never rely on sleeps.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // One file at a time: the browser, VS Code and language-server suites each start real
    // processes, and on a 2-core machine files run side by side starve each other's hang
    // budgets. Sequential runs are slower but every result means the same thing.
    fileParallelism: false,
  },
});
