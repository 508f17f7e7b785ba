/**
 * What the integration tests run, built once per `vitest run` (test/support/global-setup.ts):
 * the bundles of `npm run bundle` (out/, which the e2e test packages), private copies of
 * the CLI and the language server that no later rebuild of out/ can change under a
 * running test, the webview as the VSIX ships it (minified, split, with its preload
 * manifest), and the Chromium to draw with.
 *
 * The build reaches the test processes through one environment variable, not vitest's
 * `inject`, so the benchmarks (scripts/bench, not run by vitest) use the same helpers.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { findOrUnpackChromium } from '../../server/src/export/chromium.js';
import { WEBVIEW_BOOT_SCRIPTS, webviewBuildOptions } from '../../scripts/webview-build.mjs';
import { ROOT, withBundleLockAsync } from './bundle-lock.js';

export { ROOT };

const TEST_BUILD_ENV = 'TCPFLOW_TEST_BUILD';

export interface TestBuild {
  /** The folder holding everything below; removed when the run ends. */
  readonly dir: string;
  readonly cli: string;
  readonly server: string;
  /** The production webview bundle (preview.js, chunks/, preload.json). */
  readonly webview: string;
  readonly chromium: string;
}

/** Thrown when there is no browser: its message is the one line to read. */
export class NoBrowser extends Error {}

const run = promisify(execFile);

/**
 * Bundles once and resolves the browser. The folder lies under node_modules/.cache so
 * that the copied CLI finds playwright-core and mermaid as the installed one does.
 */
export async function buildForTests(): Promise<TestBuild> {
  // The browser first: without one the run stops before any work (finding the system's
  // is instant; unpacking the npm package's takes seconds, once).
  const found = await findOrUnpackChromium(process.env);
  if ('problem' in found) throw new NoBrowser(`the browser tests need Chromium: ${found.problem}`);
  const cacheDir = join(ROOT, 'node_modules', '.cache');
  mkdirSync(cacheDir, { recursive: true });
  const dir = mkdtempSync(join(cacheDir, 'tcpflow-test-build-'));
  try {
    const webview = join(dir, 'webview');
    await Promise.all([
      withBundleLockAsync(async () => {
        await run(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT });
        for (const file of ['cli.js', 'server.js']) copyFileSync(join(ROOT, 'out', file), join(dir, file));
      }),
      buildWebviewInto(webview),
    ]);
    return { dir, cli: join(dir, 'cli.js'), server: join(dir, 'server.js'), webview, chromium: found.path };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The webview as scripts/bundle.mjs --production builds it, into `dir`. */
export async function buildWebviewInto(dir: string): Promise<void> {
  await esbuild.build(webviewBuildOptions({ outdir: dir, production: true }));
  // Each page loads its boot script as a classic script: an `import` statement in it would not run.
  for (const { out } of WEBVIEW_BOOT_SCRIPTS) {
    const entry = readFileSync(join(dir, `${out}.js`), 'utf8');
    // A statement starts a line or follows `;` or `}` (words inside the script's messages do not count).
    if (/(^|[;}])\s*(import|export)\s*[{*\w"']/m.test(entry)) throw new Error(`out/webview/${out}.js must not use import or export statements (only import())`);
  }
}

/** Makes `build` the one testBuild() returns, here and in processes started from here on. */
export function provideTestBuild(build: TestBuild): void {
  process.env[TEST_BUILD_ENV] = JSON.stringify(build);
}

/** The build of this run. */
export function testBuild(): TestBuild {
  const value = process.env[TEST_BUILD_ENV];
  if (!value) {
    throw new Error('no test build: this file starts processes, so it belongs to the integration project in vitest.config.ts (whose globalSetup builds once)');
  }
  return JSON.parse(value) as TestBuild;
}

export function removeTestBuild(build: TestBuild): void {
  rmSync(build.dir, { recursive: true, force: true });
}
