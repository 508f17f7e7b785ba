import { defineConfig } from 'vitest/config';

/**
 * The files that start processes — the built CLI, the language server over stdio,
 * headless Chromium, code-server — and so need the bundles and the browser that the
 * integration project's globalSetup prepares once per run. Every other test file is a
 * unit file: in-process, run side by side. A file listed in neither place that starts a
 * process fails with "no test build" (test/support/test-build.ts).
 */
const INTEGRATION = [
  'test/e2e/**/*.test.ts',
  'test/cli/chinese.test.ts',
  'test/cli/chinese-explanations.test.ts',
  'test/cli/chinese-import.test.ts',
  'test/cli/explain.test.ts',
  'test/cli/help.test.ts',
  'test/cli/new.test.ts',
  'test/cli/profile.test.ts',
  'test/engine/cli.test.ts',
  'test/engine/errno-cli.test.ts',
  'test/lsp/socket-results.test.ts',
  'test/lsp/listener.test.ts',
  'test/cli/listener.test.ts',
  'test/export/bundled-chromium.test.ts',
  'test/export/cjk-font.test.ts',
  'test/examples/examples.test.ts',
  'test/export/export-cli.test.ts',
  'test/export/export-preload.test.ts',
  'test/export/headless-chromium.test.ts',
  'test/export/files.test.ts',
  'test/export/markdown.test.ts',
  'test/export/sloped-arrows.test.ts',
  'test/export/state-labels.test.ts',
  'test/export/webview-export.test.ts',
  'test/fuzz/lsp.fuzz.test.ts',
  'test/import/loopback.test.ts',
  'test/language/hostile-text.test.ts',
  'test/lsp/chinese.test.ts',
  'test/lsp/isolation.test.ts',
  'test/lsp/large-document.test.ts',
  'test/lsp/stdio-transport.test.ts',
  'test/lsp/latency.test.ts',
  'test/lsp/protocol.test.ts',
  'test/lsp/publish-race.test.ts',
  'test/lsp/server.test.ts',
  'test/lsp/unicode-names.test.ts',
  'test/lsp/workspace.test.ts',
  'test/playground/playground.test.ts',
  'test/preview/cold-open.test.ts',
  'test/preview/injection.test.ts',
  'test/preview/markdown-preview.test.ts',
  'test/preview/preview.test.ts',
  'test/preview/render-times.test.ts',
];

export default defineConfig({
  test: {
    // Both cores for the unit files; the integration project runs its files one by one.
    maxWorkers: 2,
    minWorkers: 1,
    // Budgets against hangs, never timings: property tests and real processes on a busy
    // 2-core machine may take far longer than vitest's 5 s default without being wrong.
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Read by the threads pool itself, not per project: only here does a worker thread
    // stay for the next unit file instead of being replaced after each (see the unit
    // project). The integration project runs in forks and keeps its own isolation.
    poolOptions: { threads: { isolate: false } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: INTEGRATION,
          // First: their results come in seconds, before the slow files start.
          sequence: { groupOrder: 0 },
          // Unit files share their worker's module graph: a fresh process per file
          // re-imported Langium, the engine and the reader 53 times, which was two
          // thirds of this project's time. The unit files keep no state between files
          // (no mocks, no globals; the one locale switch restores itself), so sharing
          // changes no result. Threads start faster than forks.
          pool: 'threads',
          isolate: false,
          // A quarter of the property and fuzz cases CI's scale used to run: those files
          // were most of the unit project's time. `npm run fuzz` runs the fuzz properties
          // at 10× and the property files at 4× the old scale; set either variable to run
          // more here.
          env: {
            TCPFLOW_PROPERTY_SCALE: process.env.TCPFLOW_PROPERTY_SCALE ?? '0.25',
            FUZZ_SCALE: process.env.FUZZ_SCALE ?? '0.25',
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: INTEGRATION,
          globalSetup: ['test/support/global-setup.ts'],
          // One file at a time, in one worker: the browser, VS Code and language-server
          // suites start real processes, and on a 2-core machine files run side by side
          // starve each other's hang budgets. Every result then means the same thing.
          sequence: { groupOrder: 1 },
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
