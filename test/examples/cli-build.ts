/**
 * Builds the CLI with `node scripts/bundle.mjs` and returns a private copy of
 * `out/cli.js`, so that tests spawning it never read a file another test file is
 * rebuilding at the same moment. The bundle runs under a lock directory (mkdir is
 * atomic) so that two test files do not bundle into `out/` at once.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');

const LOCK = join(tmpdir(), `tcpflow-bundle-lock-${Buffer.from(ROOT).toString('hex').slice(-32)}`);

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function withLock<T>(fn: () => T): T {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock left by a killed run: take it over after two minutes.
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 120_000) rmdirSync(LOCK);
      } catch { /* gone meanwhile */ }
      if (Date.now() - started > 170_000) throw new Error(`timed out waiting for ${LOCK}`);
      sleep(100);
    }
  }
  try {
    return fn();
  } finally {
    rmdirSync(LOCK);
  }
}

/** Bundles and returns the path of a copy of the CLI that no one else writes to. */
export function buildCli(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tcpflow-cli-'));
  const copy = join(dir, 'cli.js');
  withLock(() => {
    execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: ROOT, stdio: 'pipe' });
    copyFileSync(join(ROOT, 'out', 'cli.js'), copy);
  });
  return copy;
}
