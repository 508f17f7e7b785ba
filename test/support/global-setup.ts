/**
 * The integration project's globalSetup (vitest.config.ts): builds once for the whole
 * run, before any test file starts, and removes the build afterwards. With no browser it
 * stops the run at once with one line saying how to get one: a suite that skipped the
 * browser tests would report a success it has not earned.
 */
import { buildForTests, NoBrowser, provideTestBuild, removeTestBuild } from './test-build.js';

export default async function setup(): Promise<() => void> {
  const started = Date.now();
  let build;
  try {
    build = await buildForTests();
  } catch (error) {
    if (!(error instanceof NoBrowser)) throw error;
    // One line and out: thrown, vitest would bury it under "No test files found" and
    // its configuration. No test process has started yet, so nothing is left running.
    process.stderr.write(`\ntcpflow tests: ${error.message}\n`);
    process.exit(1);
  }
  provideTestBuild(build);
  console.log(`test build ready in ${((Date.now() - started) / 1000).toFixed(1)} s (browser: ${build.chromium})`);
  return () => removeTestBuild(build);
}
